import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { MeSchema as Me } from '../../utils/contract/account.ts';
import { member, organization } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { routeDoc } from '../lib/route-docs.ts';

const doc = routeDoc({ tag: 'account', auth: 'session' });

export function meRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    doc({
      summary: 'The signed-in user and their organisations with roles',
      responses: { 200: { description: 'me', schema: Me } },
    }),
    async (c) => {
      const user = c.get('user');
      const orgs = await deps.db
        .select({ id: organization.id, name: organization.name, slug: organization.slug, role: member.role })
        .from(member)
        .innerJoin(organization, eq(organization.id, member.organizationId))
        .where(eq(member.userId, user.id));
      return c.json({ user, organizations: orgs });
    },
  );
  return app;
}
