import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import type { Draft, StoredRelease } from '../../utils/contract/draft.ts';
import { findUnsafeJson } from '../../utils/contract/safe-json.ts';
import { comments, drafts, releases, reviewLinkResults, reviewLinks } from '../db/schema/index.ts';
import { reportCsv } from '../../utils/engine/results/csv.ts';
import { REPORT_STYLE, reportHtml } from '../../utils/engine/results/export-html.ts';
import { buildReport } from '../results/report.ts';
import { exportName } from '../routes/results.ts';
import type { AppDeps } from '../lib/context.ts';
import { logActivity } from '../lib/activity.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { addressOf } from '../lib/client-ip.ts';
import { consume, RATE_LIMITS } from '../lib/rate-limit.ts';
import { verifyReviewToken } from './token.ts';
import { renderMessagePage, renderReviewPage } from './render.ts';

const GuestComment = z.object({
  draftId: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(5000),
});

const doc = routeDoc({ tag: 'reviewer page', auth: 'link' });

/** Pages served to people without an account: strict CSP, no referrer (the token is in the URL), no caching. */
function page(c: Context, html: string, status: 200 | 400 | 404 | 429 = 200) {
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(html, status);
}

type LinkEnv = { Variables: { link: typeof reviewLinks.$inferSelect } };

const gone = (c: Context) =>
  page(
    c,
    renderMessagePage(
      'Link not available',
      'This review link is unknown, expired or revoked. Ask the team for a new one.',
    ),
    404,
  );

/** The guest's form; anything else gets a page saying what is missing, not JSON. */
const guestComment = validator('form', (value, c) => {
  if (findUnsafeJson(value))
    return page(
      c,
      renderMessagePage('Comment not sent', 'The comment contains characters that cannot be stored.'),
      400,
    );
  const parsed = GuestComment.safeParse(value);
  return parsed.success
    ? parsed.data
    : page(c, renderMessagePage('Comment not sent', 'Please give your name and a comment.'), 400);
});

export function reviewPageRoutes(deps: AppDeps) {
  const app = new Hono<LinkEnv>();

  /** The link row if the token is genuine, unexpired and not revoked — checked on every request. */
  const validLink: MiddlewareHandler<LinkEnv> = async (c, next) => {
    const now = deps.clock();
    const v = verifyReviewToken(deps.config.reviewLinkSecret, c.req.param('token') ?? '', now);
    const [link] = v ? await deps.db.select().from(reviewLinks).where(eq(reviewLinks.id, v.linkId)).limit(1) : [];
    if (!link || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return gone(c);
    c.set('link', link);
    await next();
  };

  app.get(
    '/:token',
    doc({
      summary: "HTML page with the release's drafts as Facebook- and LinkedIn-like previews",
      responses: {
        200: { description: 'page', html: true },
        404: { description: 'unknown, expired or revoked link', html: true },
      },
    }),
    validLink,
    async (c) => {
      const token = c.req.param('token');
      const link = c.get('link');
      const [rel] = await deps.db
        .select()
        .from(releases)
        .where(and(eq(releases.orgId, link.orgId), eq(releases.id, link.releaseId)))
        .limit(1);
      const rows = await deps.db
        .select({ doc: drafts.doc })
        .from(drafts)
        .where(and(eq(drafts.orgId, link.orgId), eq(drafts.releaseId, link.releaseId), eq(drafts.deleted, false)))
        .orderBy(asc(drafts.id))
        .limit(200);
      // Only what was said through this link: the team's own comments (and other links' guests) are not
      // for this guest's eyes.
      const notes = await deps.db
        .select()
        .from(comments)
        .where(and(eq(comments.orgId, link.orgId), eq(comments.reviewLinkId, link.id)))
        .orderBy(asc(comments.createdAt))
        .limit(1000);
      const stored = rel?.doc as StoredRelease | undefined;
      const results = await linkResults(link);
      const html = renderReviewPage({
        headline: stored?.release.headline ?? 'Press release',
        company: stored?.release.company ?? 'Company',
        expiresAt: link.expiresAt.toISOString(),
        drafts: rows.map((r) => r.doc as Draft),
        comments: notes.map((n) => ({
          draftId: n.draftId,
          authorName: n.authorName,
          body: n.body,
          createdAt: n.createdAt.toISOString(),
        })),
        commentAction: `/review/${encodeURIComponent(token)}/comments`,
        notice: c.req.query('sent') === '1' ? 'Thanks, your comment was sent to the team.' : undefined,
      });
      if (!results) return page(c, html);
      // The results section (read-only), with its exports, below the drafts.
      const base = `/review/${encodeURIComponent(token)}`;
      const section = `<section class="results" id="results"><style>${REPORT_STYLE}</style><h2>Results</h2><p><a href="${base}/report.html">Report page (prints to PDF)</a> · <a href="${base}/report.csv">CSV</a></p>${reportHtml(results, { embedded: true })}</section>`;
      return page(c, html.replace('</main></body>', `${section}</main></body>`));
    },
  );

  /** The release's report when the link was made with includeResults; null otherwise. */
  const linkResults = async (link: typeof reviewLinks.$inferSelect) => {
    const [withResults] = await deps.db
      .select()
      .from(reviewLinkResults)
      .where(eq(reviewLinkResults.linkId, link.id))
      .limit(1);
    return withResults ? buildReport(deps.db, link.orgId, link.releaseId, deps.clock()) : null;
  };

  for (const [ext, render] of [
    [
      'html',
      (r: NonNullable<Awaited<ReturnType<typeof linkResults>>>) =>
        reportHtml(r, { subtitle: 'Shared read-only through a Wireboost review link.' }),
    ],
    ['csv', reportCsv],
  ] as const) {
    app.get(
      `/:token/report.${ext}`,
      doc({
        summary: `The release's results report as ${ext.toUpperCase()} (only on links made with includeResults)`,
        responses: {
          200: { description: `report (${ext})`, html: ext === 'html' },
          404: { description: 'no results on this link', html: true },
        },
      }),
      validLink,
      async (c) => {
        const link = c.get('link');
        const results = await linkResults(link);
        if (!results) return gone(c);
        c.header('Content-Disposition', `inline; filename="${exportName(link.releaseId, ext)}"`);
        if (ext === 'csv')
          return c.body(render(results), 200, {
            'Content-Type': 'text/csv; charset=utf-8',
            'Cache-Control': 'no-store',
          });
        return page(c, render(results));
      },
    );
  }

  app.post(
    '/:token/comments',
    doc({
      summary: 'Guest comment (form: draftId, name, body); 303 back to the page',
      responses: {
        303: { description: 'stored' },
        429: { description: 'too many comments from this address or on this link', html: true },
      },
    }),
    validLink,
    guestComment,
    async (c) => {
      const token = c.req.param('token');
      const link = c.get('link');
      const comment = c.req.valid('form');
      // Scope: only drafts of the link's release in the link's organisation.
      const [draft] = await deps.db
        .select({ id: drafts.id })
        .from(drafts)
        .where(
          and(
            eq(drafts.orgId, link.orgId),
            eq(drafts.releaseId, link.releaseId),
            eq(drafts.id, comment.draftId),
            eq(drafts.deleted, false),
          ),
        )
        .limit(1);
      if (!draft) return page(c, renderMessagePage('Comment not sent', 'That draft is not part of this review.'), 404);
      const now = deps.clock();
      // A public form: limited per address on this link, and per link from everyone (in the database).
      const address = addressOf(deps, c) ?? 'unknown';
      for (const [key, rule] of [
        [`guest:${link.id}:${address}`, RATE_LIMITS.guestCommentAddress],
        [`guest:${link.id}`, RATE_LIMITS.guestCommentLink],
      ] as const) {
        const counted = await consume(deps.db, key, rule, now);
        if (!counted.allowed) {
          c.header('Retry-After', String(counted.retryAfter));
          const wait = `Too many comments just now: please try again in ${Math.ceil(counted.retryAfter / 60)} minutes.`;
          return page(c, renderMessagePage('Comment not sent', wait), 429);
        }
      }
      const name = `${comment.name} (guest)`;
      await deps.db.transaction(async (tx) => {
        const id = randomUUID();
        await tx.insert(comments).values({
          id,
          orgId: link.orgId,
          releaseId: link.releaseId,
          draftId: draft.id,
          authorName: name,
          reviewLinkId: link.id,
          body: comment.body,
          createdAt: now,
        });
        await logActivity(tx, {
          orgId: link.orgId,
          actorUserId: null,
          actorName: name,
          at: now,
          subjectType: 'comment',
          subjectId: id,
          action: 'comment.added',
          detail: { draftId: draft.id, reviewLinkId: link.id },
        });
      });
      return c.redirect(`/review/${encodeURIComponent(token)}?sent=1`, 303);
    },
  );

  return app;
}
