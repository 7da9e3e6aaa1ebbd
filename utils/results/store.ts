import { create } from 'zustand';
import type { ResultsReport } from '../contract/results';
import { sendMessage } from '../messaging';
import type { ShareLink } from './api';
import type { FailureAction } from '../send/platform-errors';
import type { ResultsReply, ShareReply } from './service';

export interface ReleaseResultsState {
  report: ResultsReport | null;
  busy: 'load' | 'refresh' | 'share' | null;
  error: { message: string; action: FailureAction } | null;
  /** What the last manual refresh did, in words. */
  note: string | null;
  share: ShareLink | null;
}

export interface ResultsStore {
  byRelease: Record<string, ReleaseResultsState>;
  load(releaseId: string): Promise<void>;
  refresh(releaseId: string): Promise<void>;
  share(releaseId: string): Promise<void>;
}

/** How the store reaches the background (tests pass a fake). */
export interface ResultsTransport {
  report(data: { releaseId: string; refresh: boolean }): Promise<ResultsReply>;
  share(data: { releaseId: string }): Promise<ShareReply>;
}

const empty: ReleaseResultsState = { report: null, busy: null, error: null, note: null, share: null };

/**
 * Results per release for the workspace's report and the popup's one line. The background does the work
 * (it holds the team token); this only remembers the answers so components can render them.
 */
export function createResultsStore(t: ResultsTransport) {
  return create<ResultsStore>()((set, get) => {
    const patch = (id: string, s: Partial<ReleaseResultsState>) =>
      set({ byRelease: { ...get().byRelease, [id]: { ...(get().byRelease[id] ?? empty), ...s } } });
    const ask = async (releaseId: string, refresh: boolean) => {
      if (get().byRelease[releaseId]?.busy) return;
      patch(releaseId, { busy: refresh ? 'refresh' : 'load', error: null });
      try {
        const r = await t.report({ releaseId, refresh });
        if (r.ok) {
          const note = refresh
            ? r.pulled
              ? `Pulled ${r.pulled} variant${r.pulled === 1 ? '' : 's'} from the platforms just now.`
              : 'Nothing new to pull: the figures were refreshed less than a minute ago.'
            : null;
          patch(releaseId, { report: r.report, note });
        } else patch(releaseId, { error: { message: r.error, action: r.action } });
      } catch (e) {
        patch(releaseId, {
          error: {
            message: `Wireboost’s background did not answer (${e instanceof Error ? e.message : String(e)}): try again.`,
            action: 'retry',
          },
        });
      } finally {
        patch(releaseId, { busy: null });
      }
    };
    return {
      byRelease: {},
      load: (releaseId) => ask(releaseId, false),
      refresh: (releaseId) => ask(releaseId, true),
      async share(releaseId) {
        patch(releaseId, { busy: 'share', error: null });
        try {
          const r = await t.share({ releaseId });
          if (r.ok) patch(releaseId, { share: r.link });
          else patch(releaseId, { error: { message: r.error, action: r.action } });
        } finally {
          patch(releaseId, { busy: null });
        }
      },
    };
  });
}

export const useResults = createResultsStore({
  report: (data) => sendMessage('resultsReport', data),
  share: (data) => sendMessage('resultsShare', data),
});
