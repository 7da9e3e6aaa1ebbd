import { z } from 'zod';
import { RefreshReplySchema, ResultsReportSchema, type RefreshReply, type ResultsReport } from '../contract/results';
import { httpFailure, PlatformFailure, unreachable } from '../send/platform-errors';
import type { TeamTarget } from '../send/platform-api';

/**
 * The team server's results routes as the background uses them: the release's report, a manual refresh,
 * and a reviewer link that carries the report for a client. Every reply is checked with zod; failures
 * become sentences (the same table as sending: sign in again, server down…).
 */
export const ShareLinkSchema = z.object({ url: z.string(), expiresAt: z.string(), includeResults: z.boolean() });
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export function resultsApi(f: typeof fetch, t: TeamTarget) {
  const base = `${t.serverUrl}/api/orgs/${encodeURIComponent(t.orgId)}`;
  async function call<T>(what: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await f(`${base}${path}`, {
        method: body !== undefined ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${t.token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        credentials: 'omit',
      });
    } catch {
      throw unreachable(t.serverUrl);
    }
    if (!res.ok) throw await httpFailure(res, null, what);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw new PlatformFailure(
        `${what}: the team server answered something this version of Wireboost does not understand.`,
        'server',
      );
    }
    return parsed.data;
  }
  const release = (id: string) => `/results/releases/${encodeURIComponent(id)}`;
  return {
    report: (releaseId: string): Promise<ResultsReport> =>
      call('Could not load the results', release(releaseId), ResultsReportSchema),
    refresh: (releaseId: string): Promise<RefreshReply> =>
      call('Could not refresh the results', `${release(releaseId)}/refresh`, RefreshReplySchema, {}),
    share: (releaseId: string): Promise<ShareLink> =>
      call('Could not create the client link', '/review-links', ShareLinkSchema, {
        releaseId,
        includeResults: true,
        label: 'Results for a client',
        ttlHours: 24 * 30,
      }),
  };
}
