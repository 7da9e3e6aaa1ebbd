import { z } from 'zod';
import { PlatformSchema } from '../contract/draft';
import type { Item } from '../sync/runner';
import { syncKeyOf } from '../sync/runner';
import { platformApi, type SendResult } from './platform-api';
import { messageOf, PlatformFailure, type FailureAction } from './platform-errors';
import type { SendContext } from './send-rules';
import type { StoredSyncState } from '../sync/items';
import type { TeamConnection } from '../team/connection';

export const SendRequestSchema = z.object({
  draftId: z.string().min(1),
  platform: PlatformSchema,
  dryRun: z.boolean(),
});
export type SendRequest = z.infer<typeof SendRequestSchema>;

export type SendReply =
  | { ok: true; result: SendResult }
  | { ok: false; error: string; action: FailureAction; draftField?: string; step?: string };

export interface SendServiceDeps {
  team: Pick<Item<TeamConnection | null>, 'getValue'>;
  syncState: Pick<Item<StoredSyncState | null>, 'getValue'>;
  fetch: typeof fetch;
  /** Push + pull now (the sync runner): brings the server's new revision with the remote ids. */
  syncNow: () => Promise<unknown>;
}

/**
 * The background's half of sending. Pages ask it (typed messages, utils/messaging.ts) rather than calling
 * the server themselves, so a send keeps going when the popup closes and the bearer token stays with
 * the background and options page. After a real send it syncs at once: the server wrote the remote ids
 * and `sent` status in a new revision, and the pull puts them on the local draft.
 */
export function createSendService(deps: SendServiceDeps) {
  async function target() {
    const t = await deps.team.getValue();
    return t?.token && t.orgId
      ? { t, api: platformApi(deps.fetch, { serverUrl: t.serverUrl, token: t.token, orgId: t.orgId }) }
      : null;
  }

  return {
    async context(draftId: string, platform: z.infer<typeof PlatformSchema>): Promise<SendContext> {
      const team = await deps.team.getValue();
      const ctx: SendContext = {
        signedIn: !!team?.token,
        orgId: team?.orgId ?? null,
        serverStatus: null,
        pending: false,
        conflict: false,
        approvalsRequired: null,
        connection: null,
        error: null,
      };
      const tg = await target();
      if (!tg) return ctx;
      const stored = await deps.syncState.getValue();
      const state = stored && stored.key === syncKeyOf(tg.t) ? stored.state : null;
      const server = state?.server[draftId];
      ctx.serverStatus = server && !server.deleted ? server.doc.status : null;
      ctx.pending = !!state?.outbox.some((m) => m.docId === draftId);
      ctx.conflict = !!state?.conflicts.some((c) => c.docId === draftId);
      try {
        const [approvals, connections] = await Promise.all([tg.api.approvalsRequired(), tg.api.connections()]);
        ctx.approvalsRequired = approvals;
        const c = connections.find((x) => x.platform === platform);
        ctx.connection = c ? { connected: c.connected, ready: c.ready, missing: c.missing } : null;
      } catch (e) {
        ctx.error = messageOf(e);
      }
      return ctx;
    },

    async send(req: SendRequest): Promise<SendReply> {
      const tg = await target();
      if (!tg)
        return {
          ok: false,
          error: 'Sign in to your team server and choose an organisation in Options first.',
          action: 'sign-in',
        };
      try {
        const result = await tg.api.send(req.platform, req.draftId, req.dryRun);
        if (!req.dryRun) await deps.syncNow().catch(() => undefined);
        return { ok: true, result };
      } catch (e) {
        if (e instanceof PlatformFailure) {
          return {
            ok: false,
            error: e.message,
            action: e.action,
            ...(e.details.draftField ? { draftField: e.details.draftField } : {}),
            ...(e.details.step ? { step: e.details.step } : {}),
          };
        }
        return { ok: false, error: messageOf(e), action: 'retry' };
      }
    },
  };
}
export type SendService = ReturnType<typeof createSendService>;
