import { browser } from 'wxt/browser';
import { sameValue } from '../sync/merge';

/**
 * One stored record per key (`<prefix><id>` in storage.local), written by any number of extension
 * contexts at once (popup, workspace, the background's sync and boost) without losing a write.
 *
 * chrome.storage has no transactions, so every record carries what its writer saw: `rev` (one more than
 * the revision the writer started from) and `base` (the document at that revision). A write that lands on
 * a record its writer never saw (a revision as high as its own) is a blind overwrite: every context that
 * sees it merges the two field by field against the writer's base (the sync's three-way merge) and writes
 * the result once more. Contexts converge on one document that holds both writers' fields; writers of
 * different records never touch the same key.
 */
export interface StoredRecord<T> {
  v: 1;
  doc: T;
  /** One more than the revision its writer started from (1 for a new record). */
  rev: number;
  /** The document at the revision its writer started from (null for a new record). */
  base: T | null;
}

/** A record as a context learns of it. */
export interface RecordChange<T> {
  id: string;
  /** What storage holds now (null: removed). */
  doc: T | null;
  /** The document its writer started from: merge a local edit against this. */
  base: T | null;
  /** What this context had seen before. */
  before: T | null;
}

export interface RecordRepoOptions<T> {
  /** Storage key prefix in storage.local, e.g. 'draft:'. */
  prefix: string;
  /**
   * Field-by-field three-way merge; on a field both sides changed, `preferred` wins. Must be
   * deterministic: every context repairing the same blind write must compute the same document.
   */
  merge(base: T | null, a: T, b: T, preferred: 'a' | 'b'): T;
  /** Structural check of what storage holds (a stored value from another version is skipped). */
  isDoc(value: unknown): value is T;
  area?: StorageAreaLike;
}

/** The slice of browser.storage.local the repository uses (tests pass WXT's fake browser). */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  getKeys?(): Promise<string[]>;
  onChanged: {
    addListener(cb: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void): void;
    removeListener(cb: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void): void;
  };
}

export interface RecordRepo<T> {
  /** Every record's document, by id (and remembers what it read, as the base of the next write). */
  all(): Promise<Record<string, T>>;
  get(id: string): Promise<T | null>;
  /** Documents from an early snapshot of storage (the popup's first paint) taken as read. */
  adopt(snapshot: Record<string, unknown>): Record<string, T>;
  /**
   * Write documents as this context has them. The storage call starts synchronously (an unload handler
   * relies on it); each record is based on the last revision this context saw.
   */
  write(docs: T[] | Record<string, T>): Promise<void>;
  /** Write only the documents whose keys are absent (creating is idempotent across contexts). */
  create(docs: Record<string, T>): Promise<string[]>;
  remove(ids: string[]): Promise<void>;
  /**
   * Read-modify-write for a writer that knows what it expected: `next` replaces the stored document when
   * that still equals `expected`; otherwise the two are merged against `expected` (`next` wins clashes).
   * Returns what was written (null: removed or nothing to do).
   */
  update(id: string, expected: T | null, next: T | null): Promise<T | null>;
  /** Called with every change other contexts (and this one) make, in storage order. */
  watch(cb: (changes: RecordChange<T>[]) => void): () => void;
  /** The document this context last saw for an id. */
  seen(id: string): T | null;
  keyOf(id: string): string;
}

const isStored = (v: unknown): v is StoredRecord<unknown> =>
  typeof v === 'object' && v !== null && 'doc' in v && typeof (v as { rev?: unknown }).rev === 'number';

/** Keys of storage.local: getKeys() where the browser has it (Chrome 130, Firefox 143), else every value. */
async function keysOf(area: StorageAreaLike): Promise<string[]> {
  if (typeof area.getKeys === 'function') return area.getKeys();
  return Object.keys(await area.get(null));
}

export function createRecordRepo<T>(options: RecordRepoOptions<T>): RecordRepo<T> {
  const area = options.area ?? (browser.storage.local as unknown as StorageAreaLike);
  const { prefix, merge, isDoc } = options;
  const seen = new Map<string, StoredRecord<T>>();
  const keyOf = (id: string) => `${prefix}${id}`;
  const idOf = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : null);
  const docOf = (v: unknown): StoredRecord<T> | null => (isStored(v) && isDoc(v.doc) ? (v as StoredRecord<T>) : null);

  const remember = (values: Record<string, unknown>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(values)) {
      const id = idOf(key);
      const record = id == null ? null : docOf(value);
      if (id == null || !record) continue;
      seen.set(id, record);
      out[id] = record.doc;
    }
    return out;
  };

  const next = (id: string, doc: T): StoredRecord<T> => {
    const prev = seen.get(id);
    return { v: 1, doc, rev: (prev?.rev ?? 0) + 1, base: prev?.doc ?? null };
  };

  const repo: RecordRepo<T> = {
    keyOf,
    seen: (id) => seen.get(id)?.doc ?? null,

    async all() {
      const keys = (await keysOf(area)).filter((k) => k.startsWith(prefix));
      return keys.length ? remember(await area.get(keys)) : {};
    },

    async get(id) {
      return remember(await area.get(keyOf(id)))[id] ?? null;
    },

    adopt: (snapshot) => remember(snapshot),

    write(docs) {
      const items: Record<string, StoredRecord<T>> = {};
      const entries = Array.isArray(docs) ? docs.map((d) => [idFor(d), d] as const) : Object.entries(docs);
      for (const [id, doc] of entries) {
        const record = next(id, doc);
        items[keyOf(id)] = record;
        seen.set(id, record);
      }
      return Object.keys(items).length ? area.set(items) : Promise.resolve();
    },

    async create(docs) {
      const ids = Object.keys(docs);
      if (!ids.length) return [];
      const present = await area.get(ids.map(keyOf));
      remember(present);
      const missing = ids.filter((id) => !docOf(present[keyOf(id)]));
      await repo.write(Object.fromEntries(missing.map((id) => [id, docs[id]!])));
      return missing;
    },

    async remove(ids) {
      for (const id of ids) seen.delete(id);
      if (ids.length) await area.remove(ids.map(keyOf));
    },

    async update(id, expected, doc) {
      const current = await repo.get(id);
      if (doc === null) {
        // Removing: only what the caller expected (an edit made meanwhile keeps the record).
        if (current !== null && expected !== null && !sameValue(current, expected)) return current;
        if (current !== null) await repo.remove([id]);
        return null;
      }
      const target = current === null || sameValue(current, expected) ? doc : merge(expected, current, doc, 'b');
      if (current !== null && sameValue(current, target)) return current;
      await repo.write({ [id]: target });
      return target;
    },

    watch(cb) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
        const out: RecordChange<T>[] = [];
        const repairs: Record<string, StoredRecord<T>> = {};
        for (const [key, change] of Object.entries(changes)) {
          const id = idOf(key);
          if (id == null) continue;
          const before = seen.get(id)?.doc ?? null;
          const now = docOf(change.newValue);
          const old = docOf(change.oldValue);
          if (!now) {
            seen.delete(id);
            out.push({ id, doc: null, base: null, before });
            continue;
          }
          seen.set(id, now);
          out.push({ id, doc: now.doc, base: now.base, before });
          // A blind overwrite: its writer never saw `old`. Keep both writers' fields.
          if (old && now.rev <= old.rev) {
            const merged = merge(now.base ?? old.doc, old.doc, now.doc, 'b');
            if (!sameValue(merged, now.doc)) repairs[key] = { v: 1, doc: merged, rev: old.rev + 1, base: now.doc };
          }
        }
        if (out.length) cb(out);
        for (const [key, record] of Object.entries(repairs)) {
          const id = idOf(key)!;
          // Every context that sees the blind write repairs it: the same document each time, and a repair
          // that lands on an equal one is a no-op (its merge equals what it overwrote).
          seen.set(id, record);
          void area.set({ [key]: record }).catch(() => undefined);
        }
      };
      area.onChanged.addListener(listener);
      return () => area.onChanged.removeListener(listener);
    },
  };

  /** Records written as an array carry their id in the document (drafts, releases). */
  function idFor(doc: T): string {
    const id = (doc as { id?: unknown }).id;
    if (typeof id !== 'string' || !id) throw new Error('record without an id');
    return id;
  }

  return repo;
}
