import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { comments } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/http.ts';
import { logActivity } from '../lib/activity.ts';
import { loadDraft } from '../lib/draft-store.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json, query } from '../lib/validate.ts';

export const CommentSchema = z.object({
  id: z.string(),
  releaseId: z.string(),
  draftId: z.string().nullable(),
  authorUserId: z.string().nullable(),
  authorName: z.string(),
  viaReviewLink: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
});
const ListQuery = z.object({ releaseId: z.string().optional(), draftId: z.string().optional() });
const PostComment = z.object({ draftId: z.string().min(1), body: z.string().trim().min(1).max(5000) });

type Row = typeof comments.$inferSelect;
export const commentOut = (r: Row) => ({
  id: r.id,
  releaseId: r.releaseId,
  draftId: r.draftId,
  authorUserId: r.authorUserId,
  authorName: r.authorName,
  viaReviewLink: r.reviewLinkId !== null,
  body: r.body,
  createdAt: new Date(r.createdAt).toISOString(),
});

const doc = routeDoc({ tag: 'comments', auth: 'session' });

export function commentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Comments, oldest first, filtered by release or draft',
      responses: { 200: { description: 'comments', schema: z.object({ items: z.array(CommentSchema) }) } },
    }),
    query(ListQuery),
    async (c) => {
      const q = c.req.valid('query');
      const where = [eq(comments.orgId, c.get('orgId'))];
      if (q.releaseId) where.push(eq(comments.releaseId, q.releaseId));
      if (q.draftId) where.push(eq(comments.draftId, q.draftId));
      const rows = await deps.db
        .select()
        .from(comments)
        .where(and(...where))
        .orderBy(asc(comments.createdAt))
        .limit(2000);
      return c.json({ items: rows.map(commentOut) });
    },
  );

  app.post(
    '/',
    doc({
      summary: 'Comment on a draft (any member)',
      responses: { 201: { description: 'created', schema: CommentSchema } },
    }),
    json(PostComment),
    async (c) => {
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      const user = c.get('user');
      const draft = await loadDraft(deps.db, orgId, body.draftId);
      if (!draft || draft.deleted) return notFound('draft not found');
      const now = deps.clock();
      const row = await deps.db.transaction(async (tx) => {
        const [r] = await tx
          .insert(comments)
          .values({
            id: randomUUID(),
            orgId,
            releaseId: draft.releaseId,
            draftId: draft.id,
            authorUserId: user.id,
            authorName: user.name,
            body: body.body,
            createdAt: now,
          })
          .returning();
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'comment',
          subjectId: r!.id,
          action: 'comment.added',
          detail: { draftId: draft.id },
        });
        return r!;
      });
      return c.json(commentOut(row), 201);
    },
  );

  return app;
}
