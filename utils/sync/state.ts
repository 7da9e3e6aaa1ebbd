import type { FieldClash } from './merge';

/** A document as the server last sent it: the document plus the server-owned sync metadata. */
export interface SyncedItem<Doc> {
  id: string;
  doc: Doc;
  /** The organisation revision at which it last changed. */
  revision: number;
  deleted: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

/** One pending change, persisted until the server acknowledges it. */
export interface PendingMutation<Doc> {
  mutationId: string;
  docId: string;
  op: 'upsert' | 'delete';
  /** Set for upserts: the full local document. */
  doc?: Doc;
  /**
   * Revision of the server copy this edit started from (0 = new; -1 = after an earlier mutation of the
   * same document, rebased when that one is acknowledged).
   */
  baseRevision: number;
  /** The server copy at baseRevision, for the three-way merge (null for a new document). */
  base: Doc | null;
  /** Once sent, the mutation is never changed again: a retry must carry the same id and content. */
  sent: boolean;
}

/** A change the client could not merge automatically; both versions are kept until a person resolves it. */
export interface Conflict<Doc> {
  id: string;
  docId: string;
  /**
   * clash: both sides changed a field; deleted_on_server; locked: approved or sent (reopen to edit);
   * rejected: the server refused the change for good (its reason in `message`). Editing the document again
   * queues a new change, which may succeed.
   */
  reason: 'clash' | 'deleted_on_server' | 'locked' | 'rejected';
  /** Human-readable detail (the server's reason for 'rejected' and 'locked'). */
  message?: string;
  base: Doc | null;
  local: Doc | null;
  server: SyncedItem<Doc> | null;
  /** Auto-merged document (non-clashing fields merged; clashes hold the server's value). */
  merged: Doc | null;
  clashes: FieldClash[];
  at: string;
}

export interface SyncState<Doc> {
  cursor: number;
  /** Last known server copy of every document (the base of the next edit). */
  server: Record<string, SyncedItem<Doc>>;
  outbox: PendingMutation<Doc>[];
  conflicts: Conflict<Doc>[];
}

export const emptyState = <Doc>(): SyncState<Doc> => ({ cursor: 0, server: {}, outbox: [], conflicts: [] });

/** Where a client keeps its state: chrome.storage.local in the extension, memory in tests. */
export interface SyncStorage<Doc> {
  load(): Promise<SyncState<Doc> | undefined>;
  save(state: SyncState<Doc>): Promise<void>;
}

export function memoryStorage<Doc>(initial?: SyncState<Doc>): SyncStorage<Doc> & { saved: SyncState<Doc> | undefined } {
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

/** The newest version of a document in a state: its last pending edit, else its server copy. */
export function viewIn<Doc>(state: SyncState<Doc>, id: string): Doc | null {
  const pending = state.outbox.filter((m) => m.docId === id);
  const last = pending[pending.length - 1];
  if (last) return last.op === 'delete' ? null : (last.doc ?? null);
  const s = state.server[id];
  return s && !s.deleted ? s.doc : null;
}
