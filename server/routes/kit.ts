import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { MessagingKitSchema } from '../../utils/contract/draft.ts';
import { messagingKits } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { permit } from '../lib/membership.ts';
import { nextRevision } from '../lib/revisions.ts';
import { logActivity } from '../lib/activity.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

const KitReply = z.object({
  kit: MessagingKitSchema,
  revision: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
/** `baseRevision` (0 when there is none yet) makes a stale save a 409 instead of a silent overwrite. */
const PutKit = z.object({ kit: MessagingKitSchema, baseRevision: z.number().int().nonnegative() });

const doc = routeDoc({ tag: 'messaging kit', auth: 'session' });

export function kitRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: "The organisation's messaging kit (defaults when unset)",
      responses: { 200: { description: 'kit', schema: KitReply } },
    }),
    async (c) => {
      const [row] = await deps.db
        .select()
        .from(messagingKits)
        .where(eq(messagingKits.orgId, c.get('orgId')))
        .limit(1);
      if (!row) return c.json({ kit: MessagingKitSchema.parse({}), revision: 0, updatedBy: null, updatedAt: null });
      return c.json({
        kit: row.doc,
        revision: Number(row.revision),
        updatedBy: row.updatedBy,
        updatedAt: new Date(row.updatedAt).toISOString(),
      });
    },
  );

  app.put(
    '/',
    doc({
      summary: 'Replace the kit (owner, admin)',
      responses: {
        200: { description: 'saved', schema: KitReply },
        409: { description: 'stale baseRevision; current kit attached', schema: KitReply },
      },
    }),
    permit({ kit: ['write'] }, 'only owners and admins edit the messaging kit'),
    json(PutKit),
    async (c) => {
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      const user = c.get('user');
      const now = deps.clock();
      const result = await deps.db.transaction(async (tx) => {
        const [cur] = await tx
          .select()
          .from(messagingKits)
          .where(eq(messagingKits.orgId, orgId))
          .for('update')
          .limit(1);
        if ((cur ? Number(cur.revision) : 0) !== body.baseRevision) return { conflict: true as const, cur };
        const rev = await nextRevision(tx, orgId);
        const [row] = await tx
          .insert(messagingKits)
          .values({ orgId, doc: body.kit, revision: rev, updatedAt: now, updatedBy: user.id })
          .onConflictDoUpdate({
            target: messagingKits.orgId,
            set: { doc: body.kit, revision: rev, updatedAt: now, updatedBy: user.id },
          })
          .returning();
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'kit',
          subjectId: orgId,
          action: 'kit.saved',
          detail: { revision: rev },
        });
        return { conflict: false as const, cur: row! };
      });
      const r = result.cur;
      const reply = r
        ? {
            kit: r.doc,
            revision: Number(r.revision),
            updatedBy: r.updatedBy,
            updatedAt: new Date(r.updatedAt).toISOString(),
          }
        : { kit: MessagingKitSchema.parse({}), revision: 0, updatedBy: null, updatedAt: null };
      return c.json(reply, result.conflict ? 409 : 200);
    },
  );

  return app;
}
