import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { releases, reviewLinkResults, reviewLinks } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/http.ts';
import { permit } from '../lib/membership.ts';
import { logActivity } from '../lib/activity.ts';
import { signReviewToken } from '../review/token.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

const CreateLink = z.object({
  releaseId: z.string().min(1),
  label: z.string().max(200).default(''),
  /** Default 72 h; at most 30 days. */
  ttlHours: z
    .number()
    .positive()
    .max(24 * 30)
    .optional(),
  /** Also show the release's results report (read-only) on the link: for a client. */
  includeResults: z.boolean().optional(),
});
const LinkSchema = z.object({
  id: z.string(),
  releaseId: z.string(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
const CreatedLink = LinkSchema.extend({ url: z.string(), token: z.string(), includeResults: z.boolean() });

type Row = typeof reviewLinks.$inferSelect;
const out = (r: Row) => ({
  id: r.id,
  releaseId: r.releaseId,
  label: r.label,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
});

const doc = routeDoc({ tag: 'reviewer links', auth: 'session' });

export function reviewLinkRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Reviewer links (without tokens)',
      responses: { 200: { description: 'links', schema: z.object({ items: z.array(LinkSchema) }) } },
    }),
    async (c) => {
      const rows = await deps.db
        .select()
        .from(reviewLinks)
        .where(eq(reviewLinks.orgId, c.get('orgId')))
        .orderBy(desc(reviewLinks.createdAt))
        .limit(500);
      return c.json({ items: rows.map(out) });
    },
  );

  app.post(
    '/',
    doc({
      summary: "Create a signed, expiring (default 72 h) link to one release's drafts: read + comment, no account",
      responses: { 201: { description: 'created; the token is shown only now', schema: CreatedLink } },
    }),
    permit({ reviewLink: ['create'] }, 'your role cannot share reviewer links'),
    json(CreateLink),
    async (c) => {
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      const user = c.get('user');
      const [release] = await deps.db
        .select({ id: releases.id })
        .from(releases)
        .where(and(eq(releases.orgId, orgId), eq(releases.id, body.releaseId)))
        .limit(1);
      if (!release) return notFound('release not found');
      const now = deps.clock();
      const expiresAt = new Date(now.getTime() + (body.ttlHours ?? deps.config.reviewLinkDefaultHours) * 3_600_000);
      const id = randomUUID();
      const row = await deps.db.transaction(async (tx) => {
        const [r] = await tx
          .insert(reviewLinks)
          .values({
            id,
            orgId,
            releaseId: body.releaseId,
            label: body.label,
            createdBy: user.id,
            createdAt: now,
            expiresAt,
          })
          .returning();
        if (body.includeResults) await tx.insert(reviewLinkResults).values({ linkId: id });
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'review_link',
          subjectId: id,
          action: 'review_link.created',
          detail: {
            releaseId: body.releaseId,
            expiresAt: expiresAt.toISOString(),
            includeResults: !!body.includeResults,
          },
        });
        return r!;
      });
      const token = signReviewToken(deps.config.reviewLinkSecret, id, expiresAt);
      return c.json(
        { ...out(row), includeResults: !!body.includeResults, token, url: `${deps.config.publicUrl}/review/${token}` },
        201,
      );
    },
  );

  app.delete(
    '/:linkId',
    doc({ summary: 'Revoke a link at once', responses: { 200: { description: 'revoked', schema: LinkSchema } } }),
    permit({ reviewLink: ['revoke'] }, 'only owners, admins and reviewers revoke links'),
    async (c) => {
      const orgId = c.get('orgId');
      const user = c.get('user');
      const now = deps.clock();
      const row = await deps.db.transaction(async (tx) => {
        const [r] = await tx
          .update(reviewLinks)
          .set({ revokedAt: now })
          .where(and(eq(reviewLinks.orgId, orgId), eq(reviewLinks.id, c.req.param('linkId'))))
          .returning();
        if (!r) return notFound('link not found');
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'review_link',
          subjectId: r.id,
          action: 'review_link.revoked',
        });
        return r;
      });
      return c.json(out(row));
    },
  );

  return app;
}
