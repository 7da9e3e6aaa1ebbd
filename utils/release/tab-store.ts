import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { TAB_RELEASES_VERSION, tabReleasesItem, type TabRelease, type TabReleases } from './tab-state';
import { changedSinceEarlyRead, earlyTabId, readEarly, tabIdFromQuery } from '../editor/early-read';

interface TabReleaseState {
  /** False until the first read from storage, so the popup never flashes "not a release". */
  hydrated: boolean;
  tabId: number | null;
  current: TabRelease | null;
  error: string | null;
  hydrate(tabId?: number | null): Promise<void>;
}

/** Which tab the popup is about: `?tabId=` when opened as a page (workspace, tests), else the active tab. */
export async function resolveTabId(search: string = globalThis.location?.search ?? ''): Promise<number | null> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery != null) return fromQuery;
  const early = earlyTabId();
  if (early) {
    try {
      return await early;
    } catch {
      /* ask again below */
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export const useTabRelease = create<TabReleaseState>()((set, get) => ({
  hydrated: false,
  tabId: null,
  current: null,
  error: null,
  async hydrate(tabId) {
    try {
      const [id, { value: all, early }] = await Promise.all([
        tabId === undefined ? resolveTabId() : tabId,
        readEarly(tabReleasesItem, TAB_RELEASES_VERSION),
      ]);
      set({ hydrated: true, tabId: id, current: id == null ? null : (all[id] ?? null), error: null });
      // Stay in step with the background: a release detected while the popup is open shows up.
      const follow = (next: TabReleases | null) => {
        const { tabId: watched } = get();
        set({ current: watched == null ? null : (next?.[watched] ?? null) });
      };
      tabReleasesItem.watch(follow);
      // An early snapshot may predate a write made before the watch existed: then read once more.
      if (early && changedSinceEarlyRead(tabReleasesItem.key)) void tabReleasesItem.getValue().then(follow);
    } catch (e) {
      set({ hydrated: true, error: e instanceof Error ? e.message : String(e) });
    }
  },
}));
