import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { tabReleasesItem } from '../storage';
import type { TabRelease } from '../tab-state';

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
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
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
      const id = tabId === undefined ? await resolveTabId() : tabId;
      const all = await tabReleasesItem.getValue();
      set({ hydrated: true, tabId: id, current: id == null ? null : all[id] ?? null, error: null });
      // Stay in step with the background: a release detected while the popup is open shows up.
      tabReleasesItem.watch((next) => {
        const { tabId: watched } = get();
        set({ current: watched == null ? null : next?.[watched] ?? null });
      });
    } catch (e) {
      set({ hydrated: true, error: e instanceof Error ? e.message : String(e) });
    }
  },
}));
