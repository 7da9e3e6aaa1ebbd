import { browser } from 'wxt/browser';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The popup's early read. Opening a popup costs a fresh renderer (~65 ms on the CI machine) and then
 * evaluating React (~20 ms); the storage reads its first paint needs used to start only after both.
 * `entrypoints/popup-early.ts`, a tiny classic script in popup.html's <head>, starts them while the
 * modules are still loading, and the stores take the answers from here.
 *
 * A value read early is trusted only when its stored version is the one this build expects (otherwise
 * the item's own getValue runs, with its migrations). It is a snapshot, so the early script also notes
 * every key written after it started: once a store's watches are in place it reads again only what
 * `changedSinceEarlyRead` names, and a write landing in between is never missed.
 */

/** What the popup's first paint reads: the tab's release, media lists and kit, and every draft and release record. */
export const POPUP_FIRST_PAINT = ['session:tabReleases', 'local:mediaLists', 'local:kit'] as const;
/** Record prefixes read whole (one storage key per draft / release: utils/editor/record-repo.ts). */
export const POPUP_FIRST_PAINT_RECORDS = ['draft:', 'release:'] as const;

type Area = 'local' | 'session';
type Snapshot = Record<string, unknown>;
interface EarlyRead {
  areas: Partial<Record<Area, Promise<Snapshot>>>;
  tabId: Promise<number | null> | null;
  /** 'area:key' of every write seen since the early read began. */
  changed: Set<string>;
  stop(): void;
}

const GLOBAL = '__wireboostEarlyRead';
const holder = globalThis as { [GLOBAL]?: EarlyRead };

const split = (key: string) => {
  const at = key.indexOf(':');
  return { area: key.slice(0, at) as Area, name: key.slice(at + 1) };
};

/** Which tab a page is about when `?tabId=` says so (the workspace, tests); else null. */
export function tabIdFromQuery(search: string): number | null {
  const id = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Start the reads (one storage call per area, values with their version metadata; local records by
 * prefix: their keys first, then the values) and the tab lookup.
 */
export function startEarlyRead(keys: readonly string[], search: string, recordPrefixes: readonly string[] = []): void {
  // Listen first, then read: a write is either in the snapshot or noted here (or both, which is harmless).
  const changed = new Set<string>();
  const note = (changes: Record<string, unknown>, area: string) => {
    for (const k of Object.keys(changes)) changed.add(`${area}:${k.replace(/\$$/, '')}`);
  };
  browser.storage.onChanged.addListener(note);
  const byArea = new Map<Area, string[]>();
  for (const key of keys) {
    const { area, name } = split(key);
    byArea.set(area, [...(byArea.get(area) ?? []), name, `${name}$`]);
  }
  const areas: EarlyRead['areas'] = {};
  for (const [area, names] of byArea) {
    const store = browser.storage[area] as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
    const fixed = store.get(names) as Promise<Snapshot>;
    // Records are found by their keys first (one more round trip); the fixed keys are asked for at once.
    const records =
      area === 'local' && recordPrefixes.length
        ? (store.getKeys ? store.getKeys() : store.get(null).then(Object.keys)).then(
            (all) => store.get(all.filter((k) => recordPrefixes.some((p) => k.startsWith(p)))) as Promise<Snapshot>,
          )
        : Promise.resolve({});
    areas[area] = Promise.all([fixed, records]).then(([a, b]) => ({ ...b, ...a }));
  }
  const tabId =
    tabIdFromQuery(search) == null
      ? browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id ?? null)
      : null;
  // Nobody may be listening yet: a failed early read is simply not used (the normal path reports it).
  for (const p of [...Object.values(areas), tabId]) p?.catch(() => undefined);
  holder[GLOBAL] = { areas, tabId, changed, stop: () => browser.storage.onChanged.removeListener(note) };
}

/** The early read's storage.local snapshot (records by their raw keys), when there is one. */
export function earlyRecords(): Promise<Record<string, unknown>> | null {
  const pending = holder[GLOBAL]?.areas.local;
  return pending ? pending.catch(() => ({})) : null;
}

/**
 * The item's value from the early read when there is one for it and its version matches; otherwise
 * (no early read, a failed one, another version) the item's own getValue. `early` says which it was.
 */
export async function readEarly<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  version: number,
): Promise<{ value: T; early: boolean }> {
  const { area, name } = split(item.key);
  const pending = holder[GLOBAL]?.areas[area];
  if (pending) {
    try {
      const snapshot = await pending;
      const meta = snapshot[`${name}$`] as { v?: number } | undefined;
      if ((meta?.v ?? 1) === version) return { value: (snapshot[name] as T | undefined) ?? item.fallback, early: true };
    } catch {
      /* fall through to the normal read */
    }
  }
  return { value: await item.getValue(), early: false };
}

/** The active tab looked up early, when the early read did (else null: look it up now). */
export function earlyTabId(): Promise<number | null> | null {
  return holder[GLOBAL]?.tabId ?? null;
}

/**
 * Whether the item ('area:key') was written after the early read began (so its early value may be stale);
 * with `prefix`, whether any key starting with it was.
 */
export function changedSinceEarlyRead(key: string, prefix = false): boolean {
  const changed = holder[GLOBAL]?.changed;
  if (!changed) return false;
  return prefix ? [...changed].some((k) => k.startsWith(key)) : changed.has(key);
}

/** Forget the early read (a page uses it for its first hydration only, after its watches exist). */
export function endEarlyRead(): void {
  holder[GLOBAL]?.stop();
  delete holder[GLOBAL];
}
