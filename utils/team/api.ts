import type { z } from 'zod';
import type { TeamConnection } from './connection';
import {
  CreatedOrganisationSchema,
  MeSchema,
  SessionReplySchema,
  type Me,
  type Organisation,
} from '../contract/account';

export type { Me, Organisation };

/**
 * The team server's account endpoints (better-auth + /api/me), with errors a person can act on.
 * Pure: fetch is injected, so the options page, the background and Node tests share it.
 */
export class TeamError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** Trims and validates a server URL to its origin (http(s) only). */
export function normaliseServerUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new TeamError('Enter the team server address, e.g. https://wireboost.example.com.');
  }
  if (!/^https?:$/.test(u.protocol))
    throw new TeamError('The team server address must start with https:// (or http:// on this computer).');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

async function call(
  f: typeof fetch,
  serverUrl: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  try {
    return await f(`${serverUrl}${path}`, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      credentials: 'omit',
    });
  } catch {
    throw new TeamError(
      `Cannot reach the team server at ${serverUrl}. Check the address and that the server is running.`,
    );
  }
}

async function messageOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: string; code?: string };
    return body.message ?? body.code ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

async function failure(res: Response, what: string): Promise<TeamError> {
  if (res.status === 429) return new TeamError('Too many attempts. Wait a few seconds and try again.', 429);
  if (res.status === 404) return new TeamError('That address answers, but it is not a Wireboost team server.', 404);
  if (res.status >= 500)
    return new TeamError(`The team server had a problem (${res.status}). Try again in a moment.`, res.status);
  return new TeamError(`${what}: ${await messageOf(res)}`, res.status);
}

/** A reply body checked against the contract: anything else is not a (compatible) Wireboost team server. */
async function parsed<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body = schema.safeParse(await res.json().catch(() => undefined));
  if (!body.success) throw new TeamError(`${what}: the server's reply is not what a Wireboost team server sends.`);
  return body.data;
}

async function withToken(res: Response, what: string): Promise<{ token: string; user: TeamConnection['user'] }> {
  const token = res.headers.get('set-auth-token');
  if (!token)
    throw new TeamError(`${what}: the server did not return a session token (is this a Wireboost team server?).`);
  const { user } = await parsed(res, SessionReplySchema, what);
  return { token, user: { id: user.id, name: user.name, email: user.email } };
}

export async function signIn(f: typeof fetch, serverUrl: string, email: string, password: string) {
  const res = await call(f, serverUrl, '/api/auth/sign-in/email', { body: { email: email.trim(), password } });
  if (res.status === 401 || (res.status === 400 && /password|email/i.test(await res.clone().text()))) {
    throw new TeamError('Wrong e-mail or password.', res.status);
  }
  if (!res.ok) throw await failure(res, 'Could not sign in');
  return withToken(res, 'Could not sign in');
}

export async function signUp(f: typeof fetch, serverUrl: string, name: string, email: string, password: string) {
  if (password.length < 10) throw new TeamError('Choose a password of at least 10 characters.');
  const res = await call(f, serverUrl, '/api/auth/sign-up/email', {
    body: { name: name.trim() || email.trim(), email: email.trim(), password },
  });
  if (res.status === 422 || (res.status === 400 && /exist/i.test(await res.clone().text()))) {
    throw new TeamError('An account with this e-mail already exists: sign in instead.', res.status);
  }
  if (!res.ok) throw await failure(res, 'Could not create the account');
  if (res.headers.get('set-auth-token')) return withToken(res, 'Could not create the account');
  // The team server answers sign-up alike for new and existing e-mails and opens no session (so it does
  // not reveal who has an account): sign in with the same details. Wrong password here means the e-mail
  // already had an account with another password.
  try {
    return await signIn(f, serverUrl, email, password);
  } catch (e) {
    if (e instanceof TeamError && e.message === 'Wrong e-mail or password.') {
      throw new TeamError(
        'Could not create the account: this e-mail may already have one. Sign in with its password instead.',
        e.status,
      );
    }
    throw e;
  }
}

export async function fetchMe(f: typeof fetch, serverUrl: string, token: string): Promise<Me> {
  const res = await call(f, serverUrl, '/api/me', { token });
  if (res.status === 401) throw new TeamError('Your session has ended: sign in again.', 401);
  if (!res.ok) throw await failure(res, 'Could not load your organisations');
  return parsed(res, MeSchema, 'Could not load your organisations');
}

export function slugify(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'team';
  return `${base}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function createOrganisation(
  f: typeof fetch,
  serverUrl: string,
  token: string,
  name: string,
): Promise<Organisation> {
  if (!name.trim()) throw new TeamError('Name the organisation.');
  const res = await call(f, serverUrl, '/api/auth/organization/create', {
    token,
    body: { name: name.trim(), slug: slugify(name) },
  });
  if (res.status === 401) throw new TeamError('Your session has ended: sign in again.', 401);
  if (!res.ok) throw await failure(res, 'Could not create the organisation');
  const o = await parsed(res, CreatedOrganisationSchema, 'Could not create the organisation');
  return { id: o.id, name: o.name, slug: o.slug, role: 'owner' };
}

export async function signOut(f: typeof fetch, serverUrl: string, token: string): Promise<void> {
  try {
    await call(f, serverUrl, '/api/auth/sign-out', { token, body: {} });
  } catch {
    // Signing out locally is what matters; the session expires on the server anyway.
  }
}
