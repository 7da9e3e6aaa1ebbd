import { create } from 'zustand';
import type { Draft, MessagingKit, StoredRelease } from '../contract/draft';
import type { Release } from '../contract/release';
import { kitItem, KIT_VERSION } from '../kit/items';
import { mediaListsItem, MEDIA_LISTS_VERSION, saveMediaList, type StoredMediaList } from './media-lists';
import { changedSinceEarlyRead, earlyRecords, POPUP_FIRST_PAINT_RECORDS as RECORD_KEYS, readEarly } from './early-read';
import { createAutosave, type Autosave } from './autosave';
import { createDraftsRepo, type DraftsRepo } from './drafts-repo';
import { createReleasesRepo, type ReleasesRepo } from './releases-repo';
import { mergeLocal } from './local-merge';
import type { RecordChange } from './record-repo';
import { applyPatch, duplicateDraft } from '../engine/ui/light';

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
  /** Read a release's drafts again (after the background boosted it: its writes may still be in flight). */
  refresh(releaseId: string): Promise<void>;
  update(id: string, patch: Partial<Draft>): void;
  duplicate(id: string): string | null;
  remove(id: string): void;
  addMediaList(list: StoredMediaList): Promise<void>;
  /** Correct a stored release (e.g. the headline of one boosted from selected text). */
  updateRelease(id: string, patch: Partial<Release>): Promise<void>;
  /** Write pending edits now. */
  flush(): Promise<void>;
}

export interface DraftsStoreOptions {
  now?: () => Date;
  delayMs?: number;
  /** false: no pagehide / visibilitychange listeners (tests). */
  listen?: boolean;
  draftsRepo?: DraftsRepo;
  releasesRepo?: ReleasesRepo;
}

/**
 * One drafts store per page (popup, workspace). Edits change memory at once and are written through the
 * drafts repository within 150 ms (flushed on pagehide / hidden), one storage key per draft. Writes from
 * other contexts arrive by the repository's watch; a draft with an edit not yet written merges them field
 * by field against the version their writer started from, so neither side's keystrokes are lost.
 */
export function createDraftsStore(opts: DraftsStoreOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const drafts = opts.draftsRepo ?? createDraftsRepo();
  const releases = opts.releasesRepo ?? createReleasesRepo();
  /** Draft ids edited (or removed) here and not yet confirmed written, with an edit counter. */
  const dirty = new Map<string, number>();
  let autosave: Autosave | null = null;
  let unwatch: (() => void)[] = [];

  return create<DraftsState>()((set, get) => {
    const markDirty = (id: string) => {
      dirty.set(id, (dirty.get(id) ?? 0) + 1);
      set({ saveState: 'pending' });
      autosave?.schedule();
    };

    const write = (): Promise<void> => {
      const snapshot = new Map(dirty);
      const current = get().drafts;
      const kept: Draft[] = [];
      const gone: string[] = [];
      for (const id of snapshot.keys()) {
        const d = current[id];
        if (d) kept.push(d);
        else gone.push(id);
      }
      // Synchronous start: no awaited read before the write (unload handlers depend on it).
      return Promise.all([drafts.write(kept), drafts.remove(gone)]).then(() => {
        for (const [id, n] of snapshot) if (dirty.get(id) === n) dirty.delete(id);
        set({ saveState: dirty.size ? 'pending' : 'saved', saveError: null });
      });
    };

    const onDrafts = (changes: RecordChange<Draft>[]) => {
      const next = { ...get().drafts };
      let reassert = false;
      for (const { id, doc, base, before } of changes) {
        const mine = next[id];
        if (dirty.has(id)) {
          // An edit here is not written yet: keep it, merged with theirs (ours wins a field both changed).
          if (mine && doc) next[id] = mergeLocal(base ?? before, mine, doc, 'a');
          else if (mine) reassert = true; // removed elsewhere while edited here: the edit is written again
        } else if (doc) next[id] = doc;
        else delete next[id];
      }
      set({ drafts: next });
      if (reassert) autosave?.schedule();
    };

    const onReleases = (changes: RecordChange<StoredRelease>[]) => {
      const next = { ...get().releases };
      for (const { id, doc } of changes) {
        if (doc) next[id] = doc;
        else delete next[id];
      }
      set({ releases: next });
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
        unwatch.forEach((u) => u());
        // Watch first, then read: a write lands either in what is read or in the watch (or both: harmless).
        unwatch = [
          drafts.watch(onDrafts),
          releases.watch(onReleases),
          mediaListsItem.watch((lists) => set({ mediaLists: lists ?? {} })),
          kitItem.watch((kit) => set({ kit })),
        ];
        const early = earlyRecords();
        const [draftMap, releaseMap, lists, kit] = await Promise.all([
          early ? early.then((snapshot) => drafts.adopt(snapshot)) : drafts.all(),
          early ? early.then((snapshot) => releases.adopt(snapshot)) : releases.all(),
          readEarly(mediaListsItem, MEDIA_LISTS_VERSION),
          readEarly(kitItem, KIT_VERSION),
        ]);
        autosave?.dispose();
        autosave = createAutosave({
          write,
          delayMs: opts.delayMs,
          ...(opts.listen === false ? { target: null, doc: null } : {}),
          onError: (e) => set({ saveState: 'error', saveError: e instanceof Error ? e.message : String(e) }),
        });
        set({ hydrated: true, drafts: draftMap, releases: releaseMap, mediaLists: lists.value, kit: kit.value });
        // An early snapshot (the popup's first paint) may predate a write made before the watches existed.
        if (early && RECORD_KEYS.some((k) => changedSinceEarlyRead(`local:${k}`, true))) void get().refresh('');
        if (lists.early && changedSinceEarlyRead(mediaListsItem.key)) {
          void mediaListsItem.getValue().then((v) => set({ mediaLists: v }));
        }
        if (kit.early && changedSinceEarlyRead(kitItem.key)) void kitItem.getValue().then((v) => set({ kit: v }));
      },

      async refresh(releaseId) {
        const [draftMap, releaseMap] = await Promise.all([drafts.all(), releases.all()]);
        const next = { ...get().drafts };
        for (const [id, d] of Object.entries(draftMap)) {
          if ((!releaseId || d.releaseId === releaseId) && !dirty.has(id)) next[id] = d;
        }
        set({ drafts: next, releases: { ...get().releases, ...releaseMap } });
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
        await saveMediaList(list);
        set({ mediaLists: { ...get().mediaLists, [list.id]: list } });
      },

      async updateRelease(id, patch) {
        const current = (await releases.get(id)) ?? get().releases[id];
        if (!current) return;
        const next = { ...current, release: { ...current.release, ...patch } };
        set({ releases: { ...get().releases, [id]: next } });
        await releases.update(id, current, next);
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
