import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { draftsItem, releasesItem, syncStateItem, syncStatusItem, teamItem } from '../storage';
import { createSyncRunner, type SyncRunner } from './runner';
import { createSendService, SendRequestSchema } from '../send/service';

export const SYNC_ALARM = 'wireboost-sync';

/**
 * The background's part of team sync: one runner over the real storage items, a one-minute alarm, and
 * the popup's "sync now" / "resolve" messages. Listeners are added synchronously (MV3 service workers
 * only get events for listeners registered in the first turn).
 */
export function startTeamSync(): SyncRunner {
  const runner = createSyncRunner({
    drafts: draftsItem,
    releases: releasesItem,
    team: teamItem,
    syncState: syncStateItem,
    status: syncStatusItem,
    fetch: (input, init) => fetch(input, init),
  });
  const started = runner.start();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void started.then(() => runner.syncNow()).catch(() => undefined);
  });
  void browser.alarms.get(SYNC_ALARM).then((a) => {
    if (!a) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });

  onMessage('syncNow', async () => {
    await started;
    return runner.syncNow();
  });
  onMessage('syncResolve', async ({ data }) => {
    await started;
    return data.discard ? runner.discard(data.conflictId) : runner.resolve(data.conflictId, data.choices ?? {});
  });

  // Sending to Meta / LinkedIn: the team server does the work; the background asks it and then syncs.
  const sender = createSendService({
    team: teamItem,
    syncState: syncStateItem,
    fetch: (input, init) => fetch(input, init),
    syncNow: () => started.then(() => runner.syncNow()),
  });
  onMessage('sendContext', async ({ data }) => {
    const { draftId, platform } = SendRequestSchema.pick({ draftId: true, platform: true }).parse(data);
    await started;
    return sender.context(draftId, platform);
  });
  onMessage('platformSend', async ({ data }) => {
    const req = SendRequestSchema.safeParse(data);
    if (!req.success)
      return {
        ok: false,
        error: 'Wireboost sent itself a malformed request: reload the page.',
        action: 'retry',
      } as const;
    await started;
    return sender.send(req.data);
  });
  return runner;
}
