import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { member } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { can, type Permission } from '../auth/access.ts';
import { fail, forbidden } from './http.ts';

/** 401 unless a valid session (cookie or `Authorization: Bearer <token>`) comes with the request. */
export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await deps.auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) fail(401, 'unauthenticated', 'sign in first');
    c.set('user', { id: session.user.id, name: session.user.name, email: session.user.email });
    await next();
  };
}

/**
 * For every /api/orgs/:orgId/* route: the user must be a member of that organisation. Non-members get
 * 404, the same as an organisation that does not exist, so ids cannot be probed.
 */
export function requireMember(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const orgId = c.req.param('orgId');
    if (!orgId) fail(404, 'not_found', 'organisation not found');
    const [row] = await deps.db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, orgId), eq(member.userId, c.get('user').id)))
      .limit(1);
    if (!row) fail(404, 'not_found', 'organisation not found');
    c.set('orgId', orgId);
    c.set('role', row.role);
    await next();
  };
}

export function requirePermission(c: { get(k: 'role'): string }, permission: Permission, why: string): void {
  if (!can(c.get('role'), permission)) forbidden(why);
}
