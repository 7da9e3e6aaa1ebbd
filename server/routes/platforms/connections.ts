import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { platformConnections } from '../../db/schema/index.ts';
import { logActivity } from '../../lib/activity.ts';
import { identityColumns, toConnection } from '../../lib/connections.ts';
import type { AppDeps, AppEnv } from '../../lib/context.ts';
import { fail } from '../../lib/http.ts';
import { permit } from '../../lib/membership.ts';
import { routeDoc } from '../../lib/route-docs.ts';
import { json, param } from '../../lib/validate.ts';
import { adapterFor, PLATFORM_IDS } from '../../platforms/index.ts';
import { ChooseAccountSchema, ConnectionReplySchema, PlatformParams } from './schemas.ts';

const doc = routeDoc({ tag: 'platforms', auth: 'session' });
const UNKNOWN = { error: 'bad_request', message: 'unknown platform' };

/** The organisation's connection per platform: listed for everyone, account chosen or forgotten by editors up. */
export function connectionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const db = deps.db;

  app.get(
    '/connections',
    doc({
      summary: 'Both platforms: connected or not, permissions granted / missing, the chosen account (never a token)',
      responses: { 200: { description: 'connections', schema: z.object({ items: z.array(ConnectionReplySchema) }) } },
    }),
    async (c) => {
      const rows = await db
        .select()
        .from(platformConnections)
        .where(eq(platformConnections.orgId, c.get('orgId')));
      const items = PLATFORM_IDS.map((p) =>
        toConnection(
          p,
          rows.find((r) => r.platform === p),
        ),
      );
      return c.json({ items });
    },
  );

  app.put(
    '/connections/:platform',
    doc({
      summary:
        'Choose the ad account, Facebook page / LinkedIn organisation, currency, time zone and countries (owner, admin, editor)',
      responses: {
        200: { description: 'the connection', schema: ConnectionReplySchema },
        409: { description: 'not connected' },
      },
    }),
    permit({ platform: ['connect'] }, 'only owners, admins and editors choose ad accounts'),
    param(PlatformParams, UNKNOWN),
    json(ChooseAccountSchema),
    async (c) => {
      const { platform } = c.req.valid('param');
      const body = c.req.valid('json');
      const { label, identity } = adapterFor(platform);
      const identityId = body[identity.field];
      if (!identityId) fail(400, 'invalid', `${label} needs ${identity.role} (${identity.field})`);
      const orgId = c.get('orgId');
      const user = c.get('user');
      const now = deps.clock();
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .update(platformConnections)
          .set({
            adAccountId: body.adAccountId,
            ...identityColumns(identity.field, identityId),
            currency: body.currency,
            timeZone: body.timeZone ?? null,
            countries: body.countries ?? null,
            updatedAt: now,
          })
          .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform)))
          .returning();
        if (!r) return undefined;
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'platform',
          subjectId: platform,
          action: 'platform.account_chosen',
          detail: {
            adAccountId: body.adAccountId,
            pageId: body.pageId,
            organizationId: body.organizationId,
            currency: body.currency,
          },
        });
        return r;
      });
      if (!row) return c.json({ error: 'not_connected', message: `Connect ${label} first.` }, 409);
      return c.json(toConnection(platform, row));
    },
  );

  app.delete(
    '/connections/:platform',
    doc({
      summary: 'Disconnect: forget the sealed token and the chosen account (remote ids of sent drafts stay)',
      responses: { 200: { description: 'disconnected' } },
    }),
    permit({ platform: ['connect'] }, 'only owners, admins and editors disconnect ad accounts'),
    param(PlatformParams, UNKNOWN),
    async (c) => {
      const { platform } = c.req.valid('param');
      const orgId = c.get('orgId');
      const user = c.get('user');
      await db.transaction(async (tx) => {
        const gone = await tx
          .delete(platformConnections)
          .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform)))
          .returning({ p: platformConnections.platform });
        if (gone.length) {
          await logActivity(tx, {
            orgId,
            actorUserId: user.id,
            actorName: user.name,
            at: deps.clock(),
            subjectType: 'platform',
            subjectId: platform,
            action: 'platform.disconnected',
          });
        }
      });
      return c.json({ ok: true });
    },
  );

  return app;
}
