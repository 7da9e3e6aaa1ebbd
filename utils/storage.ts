import { storage } from 'wxt/utils/storage';
import type { TabReleases } from './tab-state';

/**
 * Every storage item the extension keeps, typed and versioned. Session storage survives a service
 * worker restart but not a browser restart — right for per-tab state, whose tab ids die with the browser.
 */
export const tabReleasesItem = storage.defineItem<TabReleases>('session:tabReleases', {
  fallback: {},
  version: 1,
});
