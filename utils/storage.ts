import { storage } from 'wxt/utils/storage';
import type { TabReleases } from './release/tab-state';
import type { Draft, MessagingKit, StoredRelease } from './contract/draft';
import type { StoredSyncState, TeamConnection, TeamSyncStatus } from './team/types';

/**
 * Every storage item the extension keeps, typed and versioned (bump `version` and add a migration when a
 * shape changes). Session storage survives a service-worker restart but not a browser restart — right for
 * per-tab state, whose tab ids die with the browser. Drafts, releases and the kit are local: they must
 * survive everything, including the browser restarting mid-edit.
 */
/** Each item's current version, in one place (the popup's early read checks it before trusting a value). */
export const VERSIONS = {
  tabReleases: 1,
  releases: 1,
  drafts: 1,
  kit: 1,
  mediaLists: 1,
  settings: 1,
  team: 1,
  syncState: 1,
  syncStatus: 1,
} as const;

export const tabReleasesItem = storage.defineItem<TabReleases>('session:tabReleases', {
  fallback: {},
  version: VERSIONS.tabReleases,
});

/** Releases the team has boosted, by release id. */
export const releasesItem = storage.defineItem<Record<string, StoredRelease>>('local:releases', {
  fallback: {},
  version: VERSIONS.releases,
});

/** Every draft, by draft id (the unit the popup, workspace and sync edit). */
export const draftsItem = storage.defineItem<Record<string, Draft>>('local:drafts', {
  fallback: {},
  version: VERSIONS.drafts,
});

/** The team's messaging kit (local copy; the team server's copy wins when signed in). */
export const kitItem = storage.defineItem<MessagingKit | null>('local:kit', {
  fallback: null,
  version: VERSIONS.kit,
});

/**
 * Media lists imported from CSV: only SHA-256 hashes of normalised e-mails are kept (never raw addresses),
 * with what the import reported, so the popup can show size warnings without re-reading the file.
 */
export interface StoredMediaList {
  id: string;
  name: string;
  createdAt: string;
  /** SHA-256 hex of trimmed, lower-cased e-mails, deduplicated. */
  hashes: string[];
  totalRows: number;
  invalidRows: { line: number; reason: string }[];
  warnings: string[];
}
export const mediaListsItem = storage.defineItem<Record<string, StoredMediaList>>('local:mediaLists', {
  fallback: {},
  version: VERSIONS.mediaLists,
});

/** Extension settings that are not part of the team's kit (this browser only). */
export interface Settings {
  /** The team server's base URL; empty = local only. */
  teamServerUrl: string;
}
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { teamServerUrl: '' },
  version: VERSIONS.settings,
});

/**
 * The team server connection (server URL, bearer token, user, organisation); null = signed out. Written by
 * the options page, read by the background's sync runner. Never sent to content scripts.
 */
export const teamItem = storage.defineItem<TeamConnection | null>('local:team', {
  fallback: null,
  version: VERSIONS.team,
});

/** The sync client's outbox, last known server copies, cursor and conflicts (utils/sync/state.ts). */
export const syncStateItem = storage.defineItem<StoredSyncState | null>('local:syncState', {
  fallback: null,
  version: VERSIONS.syncState,
});

/** Sync status for the popup header: synced / pending / offline / conflict (+ the conflicts). */
export const syncStatusItem = storage.defineItem<TeamSyncStatus | null>('local:syncStatus', {
  fallback: null,
  version: VERSIONS.syncStatus,
});
