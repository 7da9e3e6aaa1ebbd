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
