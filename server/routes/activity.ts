import { and, desc, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { activity } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { query } from '../lib/validate.ts';

const ListQuery = z.object({
  /** Page backwards: entries with id < before. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const Entry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

const doc = routeDoc({ tag: 'activity', auth: 'session' });

export function activityRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    doc({
      summary: "The organisation's activity log, newest first",
      responses: {
        200: { description: 'entries', schema: z.object({ items: z.array(Entry), nextBefore: z.number().nullable() }) },
      },
    }),
    query(ListQuery),
    async (c) => {
      const q = c.req.valid('query');
      const where = [eq(activity.orgId, c.get('orgId'))];
      if (q.before) where.push(lt(activity.id, q.before));
      const rows = await deps.db
        .select()
        .from(activity)
        .where(and(...where))
        .orderBy(desc(activity.id))
        .limit(q.limit);
      const items = rows.map((r) => ({
        ...r,
        id: Number(r.id),
        at: r.at.toISOString(),
        detail: r.detail as Record<string, unknown>,
      }));
      return c.json({ items, nextBefore: rows.length === q.limit ? items[items.length - 1]!.id : null });
    },
  );
  return app;
}
