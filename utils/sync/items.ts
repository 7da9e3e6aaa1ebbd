import { storage } from 'wxt/utils/storage';
import type { Draft, StoredRelease } from '../contract/draft';
import type { Conflict, SyncState } from './state';

/** A SyncClient's persisted state, tagged with whose it is (a different server / org / user starts afresh). */
export interface StoredSyncState<Doc = Draft> {
  key: string;
  state: SyncState<Doc>;
}

/** `refused`: the server refused a draft's change for good; it is parked on the draft, the rest syncs. */
export type TeamSyncState = 'off' | 'synced' | 'pending' | 'offline' | 'conflict' | 'refused';

/** What the popup reads: small, and written only by the background's sync runner. */
export interface TeamSyncStatus {
  state: TeamSyncState;
  /** Mutations waiting in the outbox. */
  pending: number;
  /** Open draft conflicts with both versions (local and server), as the SyncClient keeps them. */
  conflicts: Conflict<Draft>[];
  lastSyncAt: string | null;
  /** Why the last sync stopped (offline reason, signed-out…), human-readable. */
  message: string | null;
}

export const OFF_STATUS: TeamSyncStatus = { state: 'off', pending: 0, conflicts: [], lastSyncAt: null, message: null };

/**
 * The drafts sync client's outbox, last known server copies, cursor and conflicts (written by the sync
 * runner only). Version 2: documents are `doc` / `docId` (the client is generic over drafts and releases).
 */
export const syncStateItem = storage.defineItem<StoredSyncState<Draft> | null>('local:syncState', {
  fallback: null,
  version: 2,
  migrations: { 2: (v1: unknown) => migrateSyncStateV1(v1) },
});

/** The releases sync client's state (the same shape; releases are shared last-write-wins). */
export const releaseSyncStateItem = storage.defineItem<StoredSyncState<StoredRelease> | null>(
  'local:releaseSyncState',
  { fallback: null, version: 1 },
);

/** Version 1 named documents `draft` / `draftId` and kept server copies in the wire's shape. */
export function migrateSyncStateV1(v1: unknown): StoredSyncState<Draft> | null {
  const old = v1 as { key?: string; state?: Record<string, unknown> } | null;
  if (!old?.key || !old.state) return null;
  type Wire = { id: string; draft: Draft; revision: number; deleted: boolean; updatedBy?: string; updatedAt?: string };
  const item = (w: Wire | null | undefined) =>
    w
      ? {
          id: w.id,
          doc: w.draft,
          revision: w.revision,
          deleted: w.deleted,
          updatedBy: w.updatedBy,
          updatedAt: w.updatedAt,
        }
      : null;
  const s = old.state as {
    cursor: number;
    server: Record<string, Wire>;
    outbox: ({ draftId: string; draft?: Draft } & Record<string, unknown>)[];
    conflicts: ({ draftId: string; server: Wire | null } & Record<string, unknown>)[];
  };
  return {
    key: old.key,
    state: {
      cursor: s.cursor ?? 0,
      server: Object.fromEntries(Object.entries(s.server ?? {}).map(([id, w]) => [id, item(w)!])),
      outbox: (s.outbox ?? []).map(
        ({ draftId, draft, ...m }) => ({ ...(m as object), docId: draftId, doc: draft }) as never,
      ),
      conflicts: (s.conflicts ?? []).map(
        ({ draftId, server, ...c }) => ({ ...(c as object), docId: draftId, server: item(server) }) as never,
      ),
    },
  };
}

/** Sync status for the popup header: synced / pending / offline / conflict (+ the conflicts). Runner-written. */
export const syncStatusItem = storage.defineItem<TeamSyncStatus | null>('local:syncStatus', {
  fallback: null,
  version: 1,
});
