import { onMessage } from '../messaging';
import { syncStateItem } from '../sync/items';
import { teamItem } from '../team/connection';
import { createSendService, SendRequestSchema } from './service';

/**
 * The background's part of sending to Meta / LinkedIn: the team server does the work; the background asks
 * it (the token stays here) and then syncs, so the remote ids arrive on the draft.
 */
export function startSending(sync: { started: Promise<void>; syncNow(): Promise<unknown> }): void {
  const sender = createSendService({
    team: teamItem,
    syncState: syncStateItem,
    fetch: (input, init) => fetch(input, init),
    syncNow: () => sync.started.then(() => sync.syncNow()),
  });
  onMessage('sendContext', async ({ data }) => {
    const { draftId, platform } = SendRequestSchema.pick({ draftId: true, platform: true }).parse(data);
    await sync.started;
    return sender.context(draftId, platform);
  });
  onMessage('platformSend', async ({ data }) => {
    const req = SendRequestSchema.safeParse(data);
    if (!req.success) {
      return {
        ok: false,
        error: 'Wireboost sent itself a malformed request: reload the page.',
        action: 'retry',
      } as const;
    }
    await sync.started;
    return sender.send(req.data);
  });
}
