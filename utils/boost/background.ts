import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { fitRelease } from '../release/fit';
import { ReleaseSchema } from '../contract/release';
import { parseDocument } from '../release/node';
import { fetchRelease } from '../release/fetch';
import type { TabState } from '../release/tab-state';
import { kitItem } from '../kit/items';
import type { DraftsRepo } from '../editor/drafts-repo';
import type { ReleasesRepo } from '../editor/releases-repo';
import { boost, type BoostDeps } from './boost';
import { boostFromMenu, MENU_ITEMS } from './menus';
import { BoostSourceSchema } from './source-schema';

/**
 * The background's part of boosting: the "Boost this release" menus and the `boost` message from the
 * popup and the workspace both go through boost() (utils/boost/boost.ts), so drafts are built in one place.
 */
export function startBoosting(tabs: TabState, repos: { drafts: DraftsRepo; releases: ReleasesRepo }): void {
  // Menus are created once per install/update; removeAll first keeps it idempotent.
  browser.runtime.onInstalled.addListener(async () => {
    await browser.contextMenus.removeAll();
    for (const item of MENU_ITEMS) browser.contextMenus.create({ ...item, contexts: [...item.contexts] } as never);
  });

  const deps: BoostDeps = {
    ...repos,
    tabRelease: async (tabId) => (await tabs.get(tabId))?.release ?? null,
    async extractInTab(tabId) {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract-page.js'] });
      const parsed = ReleaseSchema.safeParse(fitRelease(result?.result));
      return parsed.success ? parsed.data : null;
    },
    async selectionInTab(tabId) {
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        func: () => ({ text: String(getSelection() ?? ''), title: document.title, url: location.href }),
      });
      return (result?.result as { text: string; title: string; url: string } | undefined) ?? null;
    },
    // A service worker has no DOMParser: linkedom parses, the same extractor reads.
    fetchLinked: (url) => fetchRelease(url, parseDocument),
    kit: () => kitItem.getValue(),
  };

  onMessage('boost', async ({ data }) => {
    const source = BoostSourceSchema.safeParse(data);
    if (!source.success) return { error: 'Wireboost sent itself a malformed request: reload the page.' };
    return boost(source.data, deps);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void boostFromMenu(info, tab, {
      ...deps,
      async openWorkspace(params) {
        await browser.tabs.create({ url: `${browser.runtime.getURL('/drafts.html')}?${new URLSearchParams(params)}` });
      },
    });
  });
}
