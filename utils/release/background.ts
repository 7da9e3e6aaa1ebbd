import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { ReleaseSchema } from '../contract/release';
import { fitRelease } from './fit';
import { createTabState, tabReleasesItem, type TabState } from './tab-state';
import { showReleaseBadge } from './badge';

/**
 * The background's part of release detection: what each tab's content script reported (session storage,
 * so a restarted service worker still knows), and the toolbar badge and icon that say so.
 */
export function startReleaseTracking(): TabState {
  const tabs = createTabState(tabReleasesItem);

  onMessage('releaseDetected', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const parsed = ReleaseSchema.safeParse(fitRelease(data));
    if (tabId == null || !parsed.success || !parsed.data.isRelease) return;
    await tabs.set(tabId, parsed.data);
    await showReleaseBadge(tabId, true);
  });

  onMessage('releaseCleared', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId == null) return;
    await tabs.clear(tabId);
    await showReleaseBadge(tabId, false);
  });

  // A full navigation starts a new page: forget what the old one was until its content script reports.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) void tabs.clear(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));
  return tabs;
}
