import { storage } from 'wxt/utils/storage';
import type { Release } from '../contract/release';

export interface TabRelease {
  release: Release;
  /** When the content script reported it (ms since epoch). */
  detectedAt: number;
}
export type TabReleases = Record<string, TabRelease>;

/** The slice of a storage item the tab state needs: injectable, so tests use WXT's fake browser or a map. */
export interface TabReleasesStore {
  getValue(): Promise<TabReleases>;
  setValue(value: TabReleases): Promise<void>;
}

/** Per-tab release state, kept in a store (session storage in the extension) so a restarted worker still knows. */
export function createTabState(store: TabReleasesStore, now: () => number = Date.now) {
  return {
    async set(tabId: number, release: Release): Promise<void> {
      const all = await store.getValue();
      await store.setValue({ ...all, [tabId]: { release, detectedAt: now() } });
    },
    async get(tabId: number): Promise<TabRelease | null> {
      return (await store.getValue())[tabId] ?? null;
    },
    async clear(tabId: number): Promise<boolean> {
      const all = await store.getValue();
      if (!(tabId in all)) return false;
      const { [tabId]: _gone, ...rest } = all;
      await store.setValue(rest);
      return true;
    },
  };
}
export type TabState = ReturnType<typeof createTabState>;

export const TAB_RELEASES_VERSION = 1;
/**
 * The release each tab shows (session storage: survives a service-worker restart, not a browser restart,
 * as tab ids do). Written only by the background (createTabState); the popup reads it.
 */
export const tabReleasesItem = storage.defineItem<TabReleases>('session:tabReleases', {
  fallback: {},
  version: TAB_RELEASES_VERSION,
});
