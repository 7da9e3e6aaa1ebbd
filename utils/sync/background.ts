import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import type { DraftsRepo } from '../editor/drafts-repo';
import type { ReleasesRepo } from '../editor/releases-repo';
import { releaseSyncStateItem, syncStateItem, syncStatusItem } from './items';
import { teamItem } from '../team/connection';
import { createSyncRunner, type SyncRunner } from './runner';

export const SYNC_ALARM = 'wireboost-sync';

/**
 * The background's part of team sync: one runner over the repositories and the sync items, a one-minute
 * alarm, and the popup's "sync now" / "resolve" messages. Listeners are added synchronously (MV3 service
 * workers only get events for listeners registered in the first turn). Returns the runner and a promise
 * of its first sync.
 */
export function startTeamSync(repos: { drafts: DraftsRepo; releases: ReleasesRepo }): {
  runner: SyncRunner;
  started: Promise<void>;
} {
  const runner = createSyncRunner({
    ...repos,
    team: teamItem,
    syncState: syncStateItem,
    releaseSyncState: releaseSyncStateItem,
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
  return { runner, started };
}
