import { Hono } from 'hono';
import { z } from 'zod';
import { RefreshReplySchema, ResultsReportSchema } from '../../utils/contract/results.ts';
import { reportCsv } from '../../utils/engine/results/csv.ts';
import { reportHtml } from '../../utils/engine/results/export-html.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/http.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { param } from '../lib/validate.ts';
import { buildReport } from '../results/report.ts';
import { refreshRelease } from '../results/pull.ts';

const doc = routeDoc({ tag: 'results', auth: 'session' });
const ReleaseParams = z.object({ orgId: z.string(), releaseId: z.string().min(1).max(300) });

/** File name for an export: the release id, kept to safe characters. */
export const exportName = (releaseId: string, ext: string) =>
  `wireboost-results-${releaseId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}.${ext}`;

/**
 * /api/orgs/:orgId/results: the per-release report of what the sent drafts achieved (pulled on a schedule
 * by server/results, or now with Refresh), and its exports. Every member may read and refresh: a refresh
 * only reads the platforms, with the organisation's sealed tokens, on the server.
 */
export function resultsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const report = async (orgId: string, releaseId: string) => {
    const r = await buildReport(deps.db, orgId, releaseId, deps.clock());
    if (!r) notFound('no such release');
    return r!;
  };

  app.get(
    '/releases/:releaseId',
    doc({
      summary:
        "The release's results report: spend, impressions, reach, clicks, CTR, CPC per platform and variant, inside vs. after the 72-hour window, LinkedIn's media audience, and each platform's state",
      responses: {
        200: { description: 'report', schema: ResultsReportSchema },
        404: { description: 'no such release' },
      },
    }),
    param(ReleaseParams),
    async (c) => c.json(await report(c.get('orgId'), c.req.valid('param').releaseId)),
  );

  app.post(
    '/releases/:releaseId/refresh',
    doc({
      summary:
        "Pull this release's sent drafts from Meta / LinkedIn now (drafts pulled in the last minute are skipped), then the report",
      responses: {
        200: { description: 'what was pulled, and the report', schema: RefreshReplySchema },
        404: { description: 'no such release' },
      },
    }),
    param(ReleaseParams),
    async (c) => {
      const orgId = c.get('orgId');
      const { releaseId } = c.req.valid('param');
      const r = await refreshRelease(deps, orgId, releaseId);
      return c.json({ pulled: r.pulled, skipped: r.claimed - r.pulled, report: await report(orgId, releaseId) });
    },
  );

  app.get(
    '/releases/:releaseId/export.csv',
    doc({
      summary: 'The report as CSV (a row per variant and day, totals, window halves, LinkedIn audience rows)',
      responses: { 200: { description: 'text/csv attachment' } },
    }),
    param(ReleaseParams),
    async (c) => {
      const { releaseId } = c.req.valid('param');
      c.header('Content-Disposition', `attachment; filename="${exportName(releaseId, 'csv')}"`);
      return c.body(reportCsv(await report(c.get('orgId'), releaseId)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    },
  );

  app.get(
    '/releases/:releaseId/export.html',
    doc({
      summary: 'The report as a self-contained HTML page that prints well to PDF',
      responses: { 200: { description: 'text/html attachment', html: true } },
    }),
    param(ReleaseParams),
    async (c) => {
      const { releaseId } = c.req.valid('param');
      c.header('Content-Disposition', `attachment; filename="${exportName(releaseId, 'html')}"`);
      return c.html(reportHtml(await report(c.get('orgId'), releaseId)));
    },
  );

  return app;
}
