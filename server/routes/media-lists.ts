import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { mediaLists } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/http.ts';
import { permit } from '../lib/membership.ts';
import { logActivity } from '../lib/activity.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

/**
 * Raw media-list e-mails never reach the server: the extension normalises and SHA-256-hashes them
 * (the form Meta and LinkedIn accept). The schema admits only 64-hex-digit hashes, so anything that
 * looks like an address (an "@", a dot-separated name) is refused with 400.
 */
export const Sha256Hex = z.string().regex(/^[a-f0-9]{64}$/, 'expected a lowercase SHA-256 hex digest, not a raw value');
export const PutMediaList = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Rows in the original list (including ones that could not be hashed). */
    count: z.number().int().nonnegative(),
    hashes: z.array(Sha256Hex).max(100_000),
  })
  .refine((m) => m.hashes.length <= m.count, { message: 'more hashes than rows', path: ['hashes'] });

const MediaListSummary = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  hashed: z.number(),
  updatedAt: z.string(),
});

const doc = routeDoc({ tag: 'media lists', auth: 'session' });

type Row = typeof mediaLists.$inferSelect;
const summary = (r: Row) => ({
  id: r.id,
  name: r.name,
  count: r.count,
  hashed: (r.hashes as string[]).length,
  updatedAt: r.updatedAt.toISOString(),
});

export function mediaListRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Media lists (names and counts only)',
      responses: { 200: { description: 'lists', schema: z.object({ items: z.array(MediaListSummary) }) } },
    }),
    async (c) => {
      const rows = await deps.db
        .select()
        .from(mediaLists)
        .where(eq(mediaLists.orgId, c.get('orgId')))
        .limit(500);
      return c.json({ items: rows.map(summary) });
    },
  );

  app.put(
    '/:listId',
    doc({
      summary: 'Store a hashed media list (SHA-256 hashes + counts; raw e-mails are rejected)',
      responses: { 200: { description: 'stored', schema: MediaListSummary } },
    }),
    permit({ mediaList: ['write'] }, 'your role cannot upload media lists'),
    json(PutMediaList),
    async (c) => {
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      const user = c.get('user');
      const id = c.req.param('listId');
      const now = deps.clock();
      const row = await deps.db.transaction(async (tx) => {
        const [r] = await tx
          .insert(mediaLists)
          .values({
            orgId,
            id,
            name: body.name,
            count: body.count,
            hashes: body.hashes,
            updatedAt: now,
            updatedBy: user.id,
          })
          .onConflictDoUpdate({
            target: [mediaLists.orgId, mediaLists.id],
            set: { name: body.name, count: body.count, hashes: body.hashes, updatedAt: now, updatedBy: user.id },
          })
          .returning();
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'media_list',
          subjectId: id,
          action: 'media_list.saved',
          detail: { count: body.count, hashed: body.hashes.length },
        });
        return r!;
      });
      return c.json(summary(row));
    },
  );

  app.delete(
    '/:listId',
    doc({ summary: 'Delete a media list', responses: { 200: { description: 'deleted' } } }),
    permit({ mediaList: ['write'] }, 'your role cannot delete media lists'),
    async (c) => {
      const orgId = c.get('orgId');
      const user = c.get('user');
      const id = c.req.param('listId');
      const deleted = await deps.db.transaction(async (tx) => {
        const gone = await tx
          .delete(mediaLists)
          .where(and(eq(mediaLists.orgId, orgId), eq(mediaLists.id, id)))
          .returning({ id: mediaLists.id });
        if (gone.length)
          await logActivity(tx, {
            orgId,
            actorUserId: user.id,
            actorName: user.name,
            at: deps.clock(),
            subjectType: 'media_list',
            subjectId: id,
            action: 'media_list.deleted',
          });
        return gone.length > 0;
      });
      return deleted ? c.json({ ok: true }) : notFound('media list not found');
    },
  );

  return app;
}
