import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import { ReleaseSchema } from '@/utils/release/schema';
import { tabReleasesItem } from '@/utils/storage';
import { createTabState } from '@/utils/tab-state';
import { showReleaseBadge } from '@/utils/badge';

export default defineBackground(() => {
  const tabs = createTabState(tabReleasesItem);

  onMessage('releaseDetected', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const parsed = ReleaseSchema.safeParse(data);
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
});
