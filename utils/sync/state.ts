import type { Draft } from '../contract/draft';
import type { SyncedDraft } from '../contract/sync';
import type { FieldClash } from './merge';

/** One pending change, persisted until the server acknowledges it. */
export interface PendingMutation {
  mutationId: string;
  draftId: string;
  op: 'upsert' | 'delete';
  /** Set for upserts: the full local document. */
  draft?: Draft;
  /** Revision of the server copy this edit started from (0 = new draft). Rebased when an earlier mutation for the same draft is acknowledged. */
  baseRevision: number;
  /** The server copy at baseRevision, for the three-way merge (null for a new draft). */
  base: Draft | null;
  /** Once sent, the mutation is never changed again: a retry must carry the same id and content. */
  sent: boolean;
}

/** A change the client could not merge automatically; both versions are kept until a person resolves it. */
export interface Conflict {
  id: string;
  draftId: string;
  reason: 'clash' | 'deleted_on_server' | 'locked' | 'rejected';
  /** Human-readable detail for 'rejected' (e.g. the server's validation message). */
  message?: string;
  base: Draft | null;
  local: Draft | null;
  server: SyncedDraft | null;
  /** Auto-merged document (non-clashing fields merged; clashes hold the server's value). */
  merged: Draft | null;
  clashes: FieldClash[];
  at: string;
}

export interface SyncState {
  cursor: number;
  /** Last known server copy of every draft (the base of the next edit). */
  server: Record<string, SyncedDraft>;
  outbox: PendingMutation[];
  conflicts: Conflict[];
}

export const emptyState = (): SyncState => ({ cursor: 0, server: {}, outbox: [], conflicts: [] });

/** Where the client keeps its state: chrome.storage.local in the extension, a Map in tests. */
export interface SyncStorage {
  load(): Promise<SyncState | undefined>;
  save(state: SyncState): Promise<void>;
}

export function memoryStorage(initial?: SyncState): SyncStorage & { saved: SyncState | undefined } {
  const box = { saved: initial ? structuredClone(initial) : undefined };
  return {
    get saved() {
      return box.saved;
    },
    async load() {
      return box.saved ? structuredClone(box.saved) : undefined;
    },
    async save(state) {
      box.saved = structuredClone(state);
    },
  };
}
