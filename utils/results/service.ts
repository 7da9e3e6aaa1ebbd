import { z } from 'zod';
import type { ResultsReport } from '../contract/results';
import { resultsApi, type ShareLink } from './api';
import { messageOf, PlatformFailure, type FailureAction } from '../send/platform-errors';
import type { Item } from '../sync/runner';
import type { TeamConnection } from '../team/connection';

export const ResultsRequestSchema = z.object({ releaseId: z.string().min(1), refresh: z.boolean() });
export const ShareRequestSchema = z.object({ releaseId: z.string().min(1) });

export type Failure = { ok: false; error: string; action: FailureAction };
export type ResultsReply = { ok: true; report: ResultsReport; pulled?: number } | Failure;
export type ShareReply = { ok: true; link: ShareLink } | Failure;

/**
 * The background's half of results: pages ask it (typed messages) and it asks the team server with the
 * bearer token it keeps. The platform tokens never leave the server; the report carries none.
 */
export function createResultsService(deps: {
  team: Pick<Item<TeamConnection | null>, 'getValue'>;
  fetch: typeof fetch;
}) {
  const api = async () => {
    const t = await deps.team.getValue();
    return t?.token && t.orgId
      ? resultsApi(deps.fetch, { serverUrl: t.serverUrl, token: t.token, orgId: t.orgId })
      : null;
  };
  const failed = (e: unknown): Failure =>
    e instanceof PlatformFailure
      ? { ok: false, error: e.message, action: e.action }
      : { ok: false, error: messageOf(e), action: 'retry' };
  const signIn: Failure = {
    ok: false,
    error: 'Sign in to your team server in Options to see results.',
    action: 'sign-in',
  };
  return {
    async report(releaseId: string, refresh: boolean): Promise<ResultsReply> {
      const a = await api();
      if (!a) return signIn;
      try {
        if (!refresh) return { ok: true, report: await a.report(releaseId) };
        const r = await a.refresh(releaseId);
        return { ok: true, report: r.report, pulled: r.pulled };
      } catch (e) {
        return failed(e);
      }
    },
    async share(releaseId: string): Promise<ShareReply> {
      const a = await api();
      if (!a) return signIn;
      try {
        return { ok: true, link: await a.share(releaseId) };
      } catch (e) {
        return failed(e);
      }
    },
  };
}
