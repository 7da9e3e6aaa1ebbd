import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { startReleaseTracking } from '@/utils/release/background';
import { startBoosting } from '@/utils/boost/background';
import { startTeamSync } from '@/utils/sync/background';
import { startSending } from '@/utils/send/background';
import { startResults } from '@/utils/results/background';
import { createDraftsRepo, migrateLegacyDrafts } from '@/utils/editor/drafts-repo';
import { createReleasesRepo, migrateLegacyReleases } from '@/utils/editor/releases-repo';
import type { StorageAreaLike } from '@/utils/editor/record-repo';

/**
 * The service worker: every feature's background part, wired to the same repositories. Each registers
 * its listeners synchronously (MV3 only delivers events to listeners added in the first turn).
 */
export default defineBackground(() => {
  const repos = { drafts: createDraftsRepo(), releases: createReleasesRepo() };
  const tabs = startReleaseTracking();
  startBoosting(tabs, repos);
  const sync = startTeamSync(repos);
  startSending({ started: sync.started, syncNow: () => sync.runner.syncNow() });
  startResults();
  // Stored drafts and releases of the first versions (one map each) move to one key per record.
  const area = browser.storage.local as unknown as StorageAreaLike;
  void migrateLegacyReleases(repos.releases, area).then(() => migrateLegacyDrafts(repos.drafts, area));
});
