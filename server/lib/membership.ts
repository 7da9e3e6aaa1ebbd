import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { member } from '../db/schema/index.ts';
import type { AppDeps, AppEnv, SessionUser } from './context.ts';
import { can, type Permission } from '../auth/access.ts';
import { fail, forbidden } from './http.ts';
import { resolveBearer, signedBearer } from './session.ts';

/** The signed-in user (and their role in `orgId` when given), or a 401. */
async function authenticate(
  deps: AppDeps,
  c: Context,
  orgId: string | null,
): Promise<{ user: SessionUser; role: string | null }> {
  const bearer = signedBearer(c.req.header('authorization'), deps.config.authSecret);
  if (bearer === null) fail(401, 'unauthenticated', 'sign in first');
  if (bearer) {
    const r = await resolveBearer(deps, bearer, orgId);
    if (!r) fail(401, 'unauthenticated', 'sign in first');
    return r;
  }
  // Cookies: better-auth's own session lookup (its bearer plugin also requires the signature).
  const session = await deps.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) fail(401, 'unauthenticated', 'sign in first');
  const user = { id: session.user.id, name: session.user.name, email: session.user.email };
  if (!orgId) return { user, role: null };
  const [row] = await deps.db
    .select({ role: member.role })
    .from(member)
    .where(and(eq(member.organizationId, orgId), eq(member.userId, user.id)))
    .limit(1);
  return { user, role: row?.role ?? null };
}

/** 401 unless a valid session (cookie or `Authorization: Bearer <token>`) comes with the request. */
export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', (await authenticate(deps, c, null)).user);
    await next();
  };
}

/**
 * For every /api/orgs/:orgId/* route: signed in (401) AND a member of that organisation. Non-members
 * get 404, the same as an organisation that does not exist, so ids cannot be probed.
 */
export function requireMember(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const orgId = c.req.param('orgId');
    if (!orgId) fail(404, 'not_found', 'organisation not found');
    const { user, role } = await authenticate(deps, c, orgId);
    if (!role) fail(404, 'not_found', 'organisation not found');
    c.set('user', user);
    c.set('orgId', orgId);
    c.set('role', role);
    await next();
  };
}

export function requirePermission(c: { get(k: 'role'): string }, permission: Permission, why: string): void {
  if (!can(c.get('role'), permission)) forbidden(why);
}

/** requirePermission as a route's middleware, placed before its validators (403 comes before 400). */
export function permit(permission: Permission, why: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requirePermission(c, permission, why);
    await next();
  };
}
