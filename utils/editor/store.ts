import { create } from 'zustand';
import type { Draft, MessagingKit, StoredRelease } from '../contract/draft';
import type { Release } from '../contract/release';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { draftsItem, kitItem, mediaListsItem, releasesItem, VERSIONS, type StoredMediaList } from '../storage';
import { changedSinceEarlyRead, readEarly } from './early-read';
import { createAutosave, type Autosave } from './autosave';
import { applyPatch, duplicateDraft, releaseIdOf } from '../engine/ui/light';

export type SaveState = 'saved' | 'pending' | 'error';

export interface DraftsState {
  /** False until the first read from storage: views render nothing rather than a false empty state. */
  hydrated: boolean;
  drafts: Record<string, Draft>;
  releases: Record<string, StoredRelease>;
  mediaLists: Record<string, StoredMediaList>;
  kit: MessagingKit | null;
  saveState: SaveState;
  saveError: string | null;
  hydrate(): Promise<void>;
  /** Make sure a release and its drafts exist (idempotent); returns the release id. */
  boost(release: Release): Promise<string>;
  update(id: string, patch: Partial<Draft>): void;
  duplicate(id: string): string | null;
  remove(id: string): void;
  addMediaList(list: StoredMediaList): Promise<void>;
  /** Correct a stored release (e.g. the headline of one boosted from selected text). */
  updateRelease(id: string, patch: Partial<Release>): Promise<void>;
  /** Write pending edits now. */
  flush(): Promise<void>;
}

/**
 * One drafts store per page (popup, workspace). Edits change memory at once and are written to
 * `local:drafts` within 150 ms (flushed on pagehide / hidden); writes from other contexts arrive by
 * storage watching and are merged without clobbering edits not yet written.
 */
export function createDraftsStore(opts: { now?: () => Date; delayMs?: number; listen?: boolean } = {}) {
  const now = opts.now ?? (() => new Date());
  /** Draft ids edited here and not yet confirmed written, with an edit counter. */
  const dirty = new Map<string, number>();
  /** Draft ids this page wrote recently, with when: a stale whole-record write elsewhere must not erase them. */
  const recent = new Map<string, number>();
  let autosave: Autosave | null = null;
  let unwatch: (() => void)[] = [];

  return create<DraftsState>()((set, get) => {
    const markDirty = (id: string) => {
      if (id) dirty.set(id, (dirty.get(id) ?? 0) + 1);
      set({ saveState: 'pending' });
      autosave?.schedule();
    };

    const write = (): Promise<void> => {
      const snapshot = new Map(dirty);
      // Synchronous start: no awaited read before the write (unload handlers depend on it).
      return draftsItem.setValue(get().drafts).then(() => {
        const t = Date.now();
        for (const [id, n] of snapshot) {
          recent.set(id, t);
          if (dirty.get(id) === n) dirty.delete(id);
        }
        set({ saveState: dirty.size ? 'pending' : 'saved', saveError: null });
      });
    };

    return {
      hydrated: false,
      drafts: {},
      releases: {},
      mediaLists: {},
      kit: null,
      saveState: 'saved',
      saveError: null,

      async hydrate() {
        const read = await Promise.all([
          readEarly(draftsItem, VERSIONS.drafts),
          readEarly(releasesItem, VERSIONS.releases),
          readEarly(mediaListsItem, VERSIONS.mediaLists),
          readEarly(kitItem, VERSIONS.kit),
        ]);
        const [drafts, releases, mediaLists, kit] = [read[0].value, read[1].value, read[2].value, read[3].value];
        autosave?.dispose();
        autosave = createAutosave({
          write,
          delayMs: opts.delayMs,
          ...(opts.listen === false ? { target: null, doc: null } : {}),
          onError: (e) => set({ saveState: 'error', saveError: e instanceof Error ? e.message : String(e) }),
        });
        set({ hydrated: true, drafts, releases, mediaLists, kit });
        unwatch.forEach((u) => u());
        const onDrafts = (incoming: Record<string, Draft> | null) => {
          const local = get().drafts;
          const merged: Record<string, Draft> = { ...(incoming ?? {}) };
          let reassert = false;
          const since = Date.now() - 10_000;
          for (const [id, mine] of Object.entries(local)) {
            const theirs = merged[id];
            if (dirty.has(id))
              merged[id] = mine; // not written yet: ours
            // A write from a context that read before our edit landed (stale copy, or our new draft missing):
            // keep ours and write it again. Newer edits from elsewhere (later updatedAt) win as usual.
            else if ((theirs && mine.updatedAt > theirs.updatedAt) || (!theirs && (recent.get(id) ?? 0) > since)) {
              merged[id] = mine;
              dirty.set(id, 1);
              reassert = true;
            }
          }
          for (const id of dirty.keys()) if (!local[id]) delete merged[id];
          set({ drafts: merged });
          if (reassert) markDirty('');
        };
        const onReleases = (releases: Record<string, StoredRelease> | null) => set({ releases: releases ?? {} });
        const onMediaLists = (lists: Record<string, StoredMediaList> | null) => set({ mediaLists: lists ?? {} });
        const onKit = (kit: MessagingKit | null) => set({ kit });
        unwatch = [
          draftsItem.watch(onDrafts),
          releasesItem.watch(onReleases),
          mediaListsItem.watch(onMediaLists),
          kitItem.watch(onKit),
        ];
        // An early snapshot (the popup's first paint) may predate a write made before these watches
        // existed: read such an item again and take it as if it had been watched.
        const catchUp = <T>(
          item: WxtStorageItem<T, Record<string, unknown>>,
          apply: (v: T) => void,
          early: boolean,
        ) => {
          if (early && changedSinceEarlyRead(item)) void item.getValue().then(apply);
        };
        catchUp(draftsItem, onDrafts, read[0].early);
        catchUp(releasesItem, onReleases, read[1].early);
        catchUp(mediaListsItem, onMediaLists, read[2].early);
        catchUp(kitItem, onKit, read[3].early);
      },

      async boost(release) {
        const known = releaseIdOf(release);
        // Already boosted: no need to load the engine (keeps the popup's first paint small and fast).
        if (get().releases[known] && Object.values(get().drafts).some((d) => d.releaseId === known)) return known;
        await get().flush();
        const { boostRelease } = await import('../boost/boost');
        const id = await boostRelease(release, get().kit, now());
        const [drafts, releases] = await Promise.all([draftsItem.getValue(), releasesItem.getValue()]);
        const local = get().drafts;
        const merged = { ...drafts };
        for (const d of dirty.keys()) if (local[d]) merged[d] = local[d]!;
        set({ drafts: merged, releases });
        return id;
      },

      update(id, patch) {
        const current = get().drafts[id];
        if (!current) return;
        set({ drafts: { ...get().drafts, [id]: applyPatch(current, patch, now()) } });
        markDirty(id);
      },

      duplicate(id) {
        const current = get().drafts[id];
        if (!current) return null;
        const copy = duplicateDraft(current, now());
        set({ drafts: { ...get().drafts, [copy.id]: copy } });
        markDirty(copy.id);
        return copy.id;
      },

      remove(id) {
        if (!get().drafts[id]) return;
        const { [id]: _gone, ...rest } = get().drafts;
        set({ drafts: rest });
        markDirty(id);
      },

      async addMediaList(list) {
        const all = await mediaListsItem.getValue();
        await mediaListsItem.setValue({ ...all, [list.id]: list });
        set({ mediaLists: { ...get().mediaLists, [list.id]: list } });
      },

      async updateRelease(id, patch) {
        const all = await releasesItem.getValue();
        const current = all[id] ?? get().releases[id];
        if (!current) return;
        const next = { ...current, release: { ...current.release, ...patch } };
        set({ releases: { ...get().releases, [id]: next } });
        await releasesItem.setValue({ ...all, [id]: next });
      },

      async flush() {
        await autosave?.flush();
      },
    };
  });
}

/** The store of this page (popup or workspace); tests make their own with createDraftsStore(). */
export const useDrafts = createDraftsStore();

/* Selectors: components subscribe to slices, never to the whole store. */
export const selectDraft = (id: string | null) => (s: DraftsState) => (id ? (s.drafts[id] ?? null) : null);
export const selectRelease = (id: string | null) => (s: DraftsState) => (id ? (s.releases[id] ?? null) : null);

/** Drafts of a release, optionally one platform, oldest first (stable order while editing). */
export function draftsOf(
  drafts: Record<string, Draft>,
  releaseId: string | null,
  platform?: Draft['platform'],
): Draft[] {
  const angleOrder = { news: 0, quote: 1, insight: 2, custom: 3 } as const;
  return Object.values(drafts)
    .filter((d) => d.releaseId === releaseId && (!platform || d.platform === platform))
    .sort(
      (a, b) =>
        angleOrder[a.angle] - angleOrder[b.angle] || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
}
