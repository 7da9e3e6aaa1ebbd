import type { RecordChange, RecordRepo } from '../editor/record-repo';
import type { SyncClient } from './client';
import { sameValue } from './merge';
import { viewIn, type SyncState } from './state';

/**
 * Local records (a repository: utils/editor/) ↔ one SyncClient. Local changes go to the client's outbox;
 * pulled server copies go into the repository, merged field by field with any local edit made since the
 * copy the edit started from (the repository's update), so an edit landing during a pull is never lost.
 */
export interface SyncBridge {
  /** Every local document that differs from the client's newest view of it → the outbox. Returns how many. */
  reconcile(): Promise<number>;
  /** Local removals seen by the watch since the last call → the outbox. */
  pushRemovals(): Promise<number>;
  /** Server copies that changed between two snapshots → local records. */
  apply(before: SyncState<object>): Promise<void>;
  /** Note local changes (from the repository's watch). */
  note(changes: RecordChange<object>[]): void;
}

export function createBridge<Doc extends object>(repo: RecordRepo<Doc>, client: SyncClient<Doc>): SyncBridge {
  /** Ids removed locally (by a person, not by a pull), waiting to be pushed as deletions. */
  const removed = new Set<string>();

  return {
    note(changes) {
      // A removal by a pull is noted too: pushRemovals skips it (the server copy is already deleted).
      for (const c of changes) {
        if (c.doc === null) removed.add(c.id);
        else removed.delete(c.id);
      }
    },

    async reconcile() {
      const local = await repo.all();
      const snap = await client.snapshot();
      // A document with an open conflict is held locally until a person resolves it (its edits are kept);
      // one the server refused for good waits for its next edit (then it is a new attempt).
      const held = new Map(snap.conflicts.map((c) => [c.docId, c]));
      let queued = 0;
      for (const [id, doc] of Object.entries(local)) {
        const conflict = held.get(id);
        if (conflict && (conflict.reason !== 'rejected' || sameValue(conflict.local, doc))) continue;
        if (sameValue(viewIn(snap, id), doc)) continue;
        await client.save(id, doc);
        queued++;
      }
      return queued;
    },

    async pushRemovals() {
      let queued = 0;
      const snap = await client.snapshot();
      for (const id of [...removed]) {
        removed.delete(id);
        if (snap.conflicts.some((c) => c.docId === id) || viewIn(snap, id) === null) continue;
        if ((await repo.get(id)) !== null) continue; // written again since
        await client.remove(id);
        queued++;
      }
      return queued;
    },

    async apply(before) {
      const after = await client.snapshot();
      const held = new Set([...after.outbox.map((m) => m.docId), ...after.conflicts.map((c) => c.docId)]);
      const local = await repo.all();
      for (const [id, s] of Object.entries(after.server)) {
        if (held.has(id) || removed.has(id)) continue;
        const target = s.deleted ? null : s.doc;
        const mine = local[id] ?? null;
        if (sameValue(mine, target)) continue;
        // What the client held for it before this sync: a local copy equal to it has nothing unsynced and
        // takes the server copy; one edited since is merged with it (the edit is pushed next).
        const known = viewIn(before as SyncState<Doc>, id);
        if (mine === null && known !== null) continue; // removed here meanwhile: pushRemovals deletes it
        await repo.update(id, known, target);
      }
    },
  };
}
