import { createHmac, timingSafeEqual } from 'node:crypto';
import { raw } from '../db/raw.ts';
import type { AppDeps, SessionUser } from './context.ts';

/**
 * Fast path for the extension's `Authorization: Bearer <token>.<signature>` (the value better-auth's
 * bearer plugin hands out in `set-auth-token`): the same HMAC check the plugin does, then ONE query for
 * session + user + membership instead of better-auth's getSession followed by a membership query. Every
 * push pays for authentication, so this is where the round trips go. No bearer header returns undefined
 * (the caller falls back to better-auth's getSession for cookies); a bearer without a valid signature,
 * the raw session token from the database included, is null: refused, never looked up.
 */
export interface Resolved {
  user: SessionUser;
  role: string | null;
}

export function signedBearer(authorization: string | undefined, secret: string): string | null | undefined {
  if (!authorization || authorization.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  let raw = authorization.slice(7).trim();
  if (raw.includes('%')) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  const dot = raw.lastIndexOf('.');
  if (dot <= 0) return null; // unsigned: a raw token from the database is not a credential
  const token = raw.slice(0, dot);
  const given = Buffer.from(raw.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return token;
}

/** $1 organisation ('' for none), $2 session token, $3 now. */
const SESSION_STATEMENT = `
  select u.id, u.name, u.email, m.role
  from session s join "user" u on u.id = s.user_id
  left join member m on m.user_id = s.user_id and m.organization_id = $1
  where s.token = $2 and s.expires_at > $3
  limit 1`;

export async function resolveBearer(deps: AppDeps, token: string, orgId: string | null): Promise<Resolved | null> {
  const [r] = await raw<{ id: string; name: string; email: string; role: string | null }>(deps.db, SESSION_STATEMENT, [
    orgId ?? '',
    token,
    deps.clock().toISOString(),
  ]);
  return r ? { user: { id: r.id, name: r.name, email: r.email }, role: r.role } : null;
}
