import type { Conflict, SyncState } from '../sync/state';

/**
 * The extension's connection to a team server. Kept in storage.local and read only by extension pages
 * and the background: the bearer token is never sent to a content script.
 */
export interface TeamConnection {
  /** Server origin, no trailing slash, e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  /** better-auth bearer token (the `set-auth-token` header of sign-in / sign-up). */
  token: string;
  user: { id: string; name: string; email: string };
  /** The organisation drafts sync with; null until one is chosen. */
  orgId: string | null;
  orgName: string | null;
}

/** The SyncClient's persisted state, tagged with whose it is (a different server / org / user starts afresh). */
export interface StoredSyncState {
  key: string;
  state: SyncState;
}

export type TeamSyncState = 'off' | 'synced' | 'pending' | 'offline' | 'conflict';

/** What the popup reads: small, and written only by the background's sync runner. */
export interface TeamSyncStatus {
  state: TeamSyncState;
  /** Mutations waiting in the outbox. */
  pending: number;
  /** Open conflicts with both versions (local and server), as the SyncClient keeps them. */
  conflicts: Conflict[];
  lastSyncAt: string | null;
  /** Why the last sync stopped (offline reason, signed-out…), human-readable. */
  message: string | null;
}

export const OFF_STATUS: TeamSyncStatus = { state: 'off', pending: 0, conflicts: [], lastSyncAt: null, message: null };
