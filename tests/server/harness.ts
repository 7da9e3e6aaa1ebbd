import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { vi } from 'vitest';
import { createApp, type AppDeps } from '../../server/app.ts';
import { createAuth } from '../../server/auth/auth.ts';
import type { ServerConfig } from '../../server/config.ts';
import { linkedInConfig, metaConfig } from '../../server/platforms/config.ts';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { member } from '../../server/db/schema/index.ts';
import type { Draft } from '../../utils/contract/draft.ts';
import type { StoredRelease } from '../../utils/contract/draft.ts';

/**
 * One server per test file: in-memory PGlite by default; with DATABASE_URL, a fresh PostgreSQL database
 * created for the file and dropped afterwards, so the same suite runs on both.
 */
export interface TestServer {
  app: ReturnType<typeof createApp>;
  database: Database;
  /** The file's own PostgreSQL database (DATABASE_URL runs); undefined on PGlite. */
  databaseUrl?: string;
  config: ServerConfig;
  clock: { now: Date };
  invitations: { id: string; email: string }[];
  close(): Promise<void>;
}

export const testConfig = (over: Partial<ServerConfig> = {}): ServerConfig => ({
  publicUrl: 'http://127.0.0.1:8787',
  authSecret: 'test-secret-test-secret-test-secret-0123',
  reviewLinkSecret: 'review-secret-review-secret-review-0123',
  extensionOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
  allowAnyExtensionOrigin: false,
  authRateLimit: { enabled: false, window: 60, max: 100 },
  reviewLinkDefaultHours: 72,
  platforms: { meta: metaConfig(), linkedin: linkedInConfig(), credentials: {}, tokenKey: randomBytes(32) },
  ...over,
});

export async function startTestServer(
  over: Partial<ServerConfig> = {},
  extra: Pick<AppDeps, 'platformSendDeps'> = {},
): Promise<TestServer> {
  const url = process.env.DATABASE_URL;
  let dropDb: (() => Promise<void>) | undefined;
  let database: Database;
  let databaseUrl: string | undefined;
  if (url) {
    const name = `wb_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    database = await openDatabase({ databaseUrl, poolSize: 5 });
    dropDb = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({});
  }
  const config = testConfig(over);
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  const invitations: { id: string; email: string }[] = [];
  const auth = createAuth(database.db, config, (i) => void invitations.push(i));
  const app = createApp({
    db: database.db,
    auth,
    config,
    clock: () => clock.now, // Tests pick the client address per request (x-test-ip) so rate-limit buckets are under their control.
    clientIp: (c) => c.req.header('x-test-ip') ?? '203.0.113.7',
    ...extra,
  });
  return {
    app,
    database,
    databaseUrl,
    config,
    clock,
    invitations,
    async close() {
      await database.close();
      await dropDb?.();
    },
  };
}

/**
 * A second server instance on the same database: the server's modules imported afresh (vi.resetModules),
 * so nothing held in module or process memory is shared with the first one, and on PostgreSQL its own
 * connection pool. Same configuration (secrets), clock and client-address header as the first. PGlite
 * cannot be opened twice in one process, so there both instances use its one handle.
 */
export async function startTwin(s: TestServer, extra: Pick<AppDeps, 'platformSendDeps'> = {}): Promise<TestServer> {
  vi.resetModules();
  const fresh = {
    app: await import('../../server/app.ts'),
    auth: await import('../../server/auth/auth.ts'),
    db: await import('../../server/db/client.ts'),
  };
  const database = s.databaseUrl
    ? await fresh.db.openDatabase({ databaseUrl: s.databaseUrl, poolSize: 5 })
    : { ...s.database, close: async () => {} };
  const auth = fresh.auth.createAuth(database.db, s.config, (i) => void s.invitations.push(i));
  const app = fresh.app.createApp({
    db: database.db,
    auth,
    config: s.config,
    clock: () => s.clock.now,
    clientIp: (c) => c.req.header('x-test-ip') ?? '203.0.113.7',
    ...extra,
  });
  return { ...s, app, database, close: () => database.close() };
}

export interface Client {
  token: string;
  userId: string;
  email: string;
  req(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

let seq = 0;
export async function signUp(s: TestServer, name = `user${++seq}`): Promise<Client> {
  const email = `${name}-${randomUUID().slice(0, 8)}@example.test`;
  const res = await s.app.request('/api/auth/sign-up/email', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-test-ip': `10.0.${seq % 250}.${Math.floor(Math.random() * 250)}`,
    },
    body: JSON.stringify({ email, password: 'correct horse battery', name }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed ${res.status} ${await res.text()}`);
  // Sign-up opens no session (it answers alike for new and existing e-mails): sign in, as the extension does.
  const signedIn = await s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-test-ip': `10.1.${seq % 250}.${Math.floor(Math.random() * 250)}`,
    },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  if (signedIn.status !== 200) throw new Error(`sign-in failed ${signedIn.status} ${await signedIn.text()}`);
  const token = signedIn.headers.get('set-auth-token');
  const body = (await signedIn.json()) as { user: { id: string } };
  if (!token) throw new Error('no set-auth-token header');
  return clientFor(s, token, body.user.id, email);
}

export function clientFor(s: TestServer, token: string, userId: string, email: string): Client {
  return {
    token,
    userId,
    email,
    req: async (method, path, body, headers = {}) =>
      s.app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
  };
}

export async function createOrg(c: Client, name = 'Acme'): Promise<string> {
  const res = await c.req('POST', '/api/auth/organization/create', {
    name,
    slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
  });
  if (res.status !== 200) throw new Error(`org create failed ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Adds a member directly (the invitation flow has its own test). */
export async function addMember(
  s: TestServer,
  orgId: string,
  c: Client,
  role: 'owner' | 'admin' | 'editor' | 'reviewer',
) {
  await s.database.db
    .insert(member)
    .values({ id: randomUUID(), organizationId: orgId, userId: c.userId, role, createdAt: new Date() });
}

/** An owner, an editor and a reviewer in a fresh organisation. */
export async function team(s: TestServer, name = 'Acme') {
  const owner = await signUp(s, `${name}-owner`);
  const orgId = await createOrg(owner, name);
  const editor = await signUp(s, `${name}-editor`);
  const reviewer = await signUp(s, `${name}-reviewer`);
  await addMember(s, orgId, editor, 'editor');
  await addMember(s, orgId, reviewer, 'reviewer');
  return { orgId, owner, editor, reviewer };
}

export function makeDraft(over: Partial<Draft> & { id: string; releaseId?: string } = { id: 'd1' }): Draft {
  return {
    releaseId: 'rel-1',
    platform: 'meta',
    angle: 'news',
    rationale: 'leads with the news',
    status: 'draft',
    destination: 'https://example.com/news',
    utm: { source: 'facebook', medium: 'paid_social', campaign: 'launch', content: 'news' },
    url: 'https://example.com/news?utm_source=facebook',
    imageUrl: null,
    audience: 'journalists',
    mediaListId: null,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    remote: {},
    primaryText: 'Acme launches a thing',
    headline: 'Acme launches',
    description: 'Read the release',
    cta: 'LEARN_MORE',
    ...over,
    id: over.id,
  } as Draft;
}

export function makeRelease(id = 'rel-1', headline = 'Acme launches a thing'): StoredRelease {
  return {
    id,
    savedAt: '2026-03-02T09:00:00Z',
    release: {
      isRelease: true,
      confidence: 0.9,
      reasons: ['test'],
      wire: 'prnewswire',
      url: 'https://www.prnewswire.com/x',
      canonicalUrl: null,
      headline,
      subheadline: null,
      publishedAt: null,
      company: 'Acme Corp',
      dateline: null,
      body: ['Body'],
      about: [],
      quotes: [],
      contacts: [],
      tickers: [],
      assets: [],
      images: [],
      language: 'en',
    },
  };
}

export async function push(
  c: Client,
  orgId: string,
  draft: Draft,
  baseRevision: number,
  mutationId = `m-${randomUUID()}`,
) {
  return c.req('PUT', `/api/orgs/${orgId}/drafts/${draft.id}`, { op: 'upsert', mutationId, baseRevision, draft });
}
