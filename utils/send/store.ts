import { create } from 'zustand';
import type { Platform } from '../contract/draft';
import { sendMessage } from '../messaging';
import type { SendResult } from './platform-api';
import type { FailureAction } from './platform-errors';
import type { SendReply } from './service';
import type { SendContext } from './send-rules';

export interface DraftSendState {
  ctx: SendContext | null;
  busy: 'send' | 'dryRun' | null;
  /** The last reply: a send's remote ids or a dry run's requests. */
  result: SendResult | null;
  error: { message: string; action: FailureAction; draftField?: string } | null;
}

export interface SendState {
  byDraft: Record<string, DraftSendState>;
  /** Re-reads whether the draft may be sent (after sync or status changes). */
  refresh(draftId: string, platform: Platform): Promise<void>;
  send(draftId: string, platform: Platform, dryRun: boolean): Promise<void>;
}

/** How the store reaches the background (tests pass a fake). */
export interface SendTransport {
  context(data: { draftId: string; platform: Platform }): Promise<SendContext>;
  send(data: { draftId: string; platform: Platform; dryRun: boolean }): Promise<SendReply>;
}

const empty: DraftSendState = { ctx: null, busy: null, result: null, error: null };

/**
 * Send state per draft, for the workspace and the popup. The work happens in the background (typed
 * messages); this only remembers what it answered so the buttons, errors and links can render.
 */
export function createSendStore(t: SendTransport) {
  return create<SendState>()((set, get) => {
    const patch = (id: string, s: Partial<DraftSendState>) =>
      set({ byDraft: { ...get().byDraft, [id]: { ...(get().byDraft[id] ?? empty), ...s } } });
    return {
      byDraft: {},
      async refresh(draftId, platform) {
        try {
          patch(draftId, { ctx: await t.context({ draftId, platform }) });
        } catch {
          // The background restarting mid-call: the next change retries.
        }
      },
      async send(draftId, platform, dryRun) {
        if (get().byDraft[draftId]?.busy) return;
        patch(draftId, { busy: dryRun ? 'dryRun' : 'send', error: null });
        try {
          const r = await t.send({ draftId, platform, dryRun });
          if (r.ok) patch(draftId, { result: r.result });
          else
            patch(draftId, {
              error: { message: r.error, action: r.action, ...(r.draftField ? { draftField: r.draftField } : {}) },
            });
        } catch (e) {
          patch(draftId, {
            error: {
              message: `Wireboost’s background did not answer (${e instanceof Error ? e.message : String(e)}): try again.`,
              action: 'retry',
            },
          });
        } finally {
          patch(draftId, { busy: null });
        }
        await get().refresh(draftId, platform);
      },
    };
  });
}

export const useSend = createSendStore({
  context: (data) => sendMessage('sendContext', data),
  send: (data) => sendMessage('platformSend', data),
});
