import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import { ReleaseSchema, type Release } from '@/utils/contract/release';
import { parseDocument } from '@/utils/release/node';
import { tabReleasesItem } from '@/utils/storage';
import { createTabState } from '@/utils/release/tab-state';
import { showReleaseBadge } from '@/utils/release/badge';
import { MENU_ITEMS } from '@/utils/boost/menus';
import { fetchRelease } from '@/utils/release/fetch';
import { handleBoostClick, type BoostDeps } from '@/utils/boost/menu-click';
import { boostRelease } from '@/utils/boost/boost';
import { startTeamSync } from '@/utils/sync/background';

export default defineBackground(() => {
  const tabs = createTabState(tabReleasesItem);
  // Team server sync: local drafts ↔ outbox ↔ server, on changes and a one-minute alarm.
  startTeamSync();

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

  // Menus are created once per install/update; removeAll first keeps it idempotent.
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    for (const item of MENU_ITEMS) browser.contextMenus.create({ ...item, contexts: [...item.contexts] } as never);
  });

  const deps: BoostDeps = {
    tabRelease: async (tabId) => (await tabs.get(tabId))?.release ?? null,
    async extractInTab(tabId) {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract-page.js'] });
      const parsed = ReleaseSchema.safeParse(result?.result);
      return parsed.success ? parsed.data : null;
    },
    // A service worker has no DOMParser: linkedom parses, the same extractor reads.
    fetchLinked: (url) => fetchRelease(url, parseDocument),
    boost: (release: Release) => boostRelease(release),
    async openWorkspace(params) {
      await browser.tabs.create({ url: `${browser.runtime.getURL('/drafts.html')}?${new URLSearchParams(params)}` });
    },
  };
  onMessage('boostUrl', async ({ data }) => {
    try {
      return { releaseId: await deps.boost(await deps.fetchLinked(String(data))) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });

  browser.contextMenus.onClicked.addListener((info, tab) => void handleBoostClick(info, tab, deps));
});
