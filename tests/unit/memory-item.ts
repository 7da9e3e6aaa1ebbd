import type { Item } from '../../utils/sync/runner';

/** An in-memory storage item with WXT's watch semantics (callback after each set, with the previous value). */
export function memoryItem<T>(initial: T): Item<T> & { value: T } {
  let value = structuredClone(initial);
  const watchers = new Set<(n: T, o: T) => void>();
  return {
    get value() {
      return value;
    },
    async getValue() {
      return structuredClone(value);
    },
    async setValue(v: T) {
      const old = value;
      value = structuredClone(v);
      for (const w of watchers) w(structuredClone(value), old);
    },
    watch(cb) {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
}

type Change = { oldValue?: unknown; newValue?: unknown };

/**
 * An in-memory storage.local for one simulated browser (each teammate in a sync test has their own):
 * values are copied through JSON as chrome.storage does, and onChanged listeners hear every write in order.
 */
export function memoryArea() {
  const data = new Map<string, unknown>();
  const listeners = new Set<(changes: Record<string, Change>) => void>();
  const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const emit = (changes: Record<string, Change>) => {
    for (const l of [...listeners]) l(copy(changes));
  };
  return {
    async get(keys?: string | string[] | null) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async getKeys() {
      return [...data.keys()];
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, Change> = {};
      for (const [k, v] of Object.entries(copy(items))) {
        changes[k] = { oldValue: data.get(k), newValue: v };
        data.set(k, v);
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, Change> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (!data.has(k)) continue;
        changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      if (Object.keys(changes).length) emit(changes);
    },
    onChanged: {
      addListener: (l: (changes: Record<string, Change>) => void) => void listeners.add(l),
      removeListener: (l: (changes: Record<string, Change>) => void) => void listeners.delete(l),
    },
    /** The documents of every record under a prefix, read synchronously (assertions). */
    docs<T>(prefix: string): Record<string, T> {
      const out: Record<string, T> = {};
      for (const [k, v] of data) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = copy((v as { doc: T }).doc);
      return out;
    },
  };
}
