import { useEffect, type RefObject } from 'react';
import { create } from 'zustand';
import type { Draft, DraftStatus, Platform, StoredRelease } from '../contract/draft';
import { bodyOf, isPlatform } from '../engine/ui/light';
import { usePopup } from './popup-view';
import { useDrafts } from './store';

export interface WorkspaceFilters {
  status: DraftStatus | 'all';
  wire: string | 'all';
  release: string | 'all';
  platform: Platform | 'all';
  query: string;
}

export interface WorkspaceState {
  filters: WorkspaceFilters;
  selectedId: string | null;
  setFilter<K extends keyof WorkspaceFilters>(key: K, value: WorkspaceFilters[K]): void;
  select(id: string | null): void;
}

export const ALL_FILTERS: WorkspaceFilters = { status: 'all', wire: 'all', release: 'all', platform: 'all', query: '' };

/** Filters and selection from the address (?release=…&draft=…&platform=…), so links open the right view. */
export function filtersFromSearch(search: string): { filters: WorkspaceFilters; selectedId: string | null } {
  const q = new URLSearchParams(search);
  const platform = q.get('platform');
  return {
    filters: {
      ...ALL_FILTERS,
      release: q.get('release') ?? 'all',
      platform: isPlatform(platform) ? platform : 'all',
    },
    selectedId: q.get('draft'),
  };
}

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  ...filtersFromSearch(globalThis.location?.search ?? ''),
  setFilter: (key, value) => set({ filters: { ...get().filters, [key]: value } }),
  select: (selectedId) => set({ selectedId }),
}));

/** The drafts a filter set shows, newest release first, then platform and angle. */
export function filterDrafts(
  drafts: Record<string, Draft>,
  releases: Record<string, StoredRelease>,
  f: WorkspaceFilters,
): Draft[] {
  const q = f.query.trim().toLowerCase();
  const angle = { news: 0, quote: 1, insight: 2, custom: 3 } as const;
  return Object.values(drafts)
    .filter(
      (d) =>
        (f.status === 'all' || d.status === f.status) &&
        (f.platform === 'all' || d.platform === f.platform) &&
        (f.release === 'all' || d.releaseId === f.release) &&
        (f.wire === 'all' || (releases[d.releaseId]?.release.wire ?? 'generic') === f.wire) &&
        (!q ||
          JSON.stringify([d.headline, d.description, bodyOf(d), releases[d.releaseId]?.release.headline])
            .toLowerCase()
            .includes(q)),
    )
    .sort(
      (a, b) =>
        (releases[b.releaseId]?.savedAt ?? '').localeCompare(releases[a.releaseId]?.savedAt ?? '') ||
        a.releaseId.localeCompare(b.releaseId) ||
        a.platform.localeCompare(b.platform) ||
        angle[a.angle] - angle[b.angle] ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}

/** The id a step of `delta` through the visible list lands on from `currentId` (clamped at both ends). */
export function stepThrough(visible: Draft[], currentId: string | undefined, delta: number): string | null {
  if (!visible.length) return null;
  const i = Math.max(
    0,
    visible.findIndex((d) => d.id === currentId),
  );
  return visible[Math.min(visible.length - 1, Math.max(0, i + delta))]!.id;
}

/** Deletes a draft and selects its neighbour in the visible list (the next one, else the one before). */
export function removeAndSelectNeighbour(visible: Draft[], draft: Draft): void {
  const i = visible.indexOf(draft);
  useDrafts.getState().remove(draft.id);
  useWorkspace.getState().select(visible[i + 1]?.id ?? visible[i - 1]?.id ?? null);
}

/** Duplicates a draft as a new variant and selects the copy. */
export function duplicateAndSelect(draftId: string): void {
  useWorkspace.getState().select(useDrafts.getState().duplicate(draftId));
}

/** Boosts a pasted release URL and narrows the list to that release once its drafts exist. */
export async function pasteIntoWorkspace(url: string): Promise<void> {
  await usePopup.getState().pasteUrl(url);
  const id = usePopup.getState().releaseId;
  if (id) useWorkspace.getState().setFilter('release', id);
}

/**
 * The workspace's keys: "/" focuses search; j / k move through the list when not typing (arrow keys are
 * the list's own, see `onListKey`). `move` focuses the item it lands on.
 */
export function useWorkspaceKeys(o: {
  visible: Draft[];
  currentId: string | undefined;
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLUListElement | null>;
}) {
  const move = (delta: number) => {
    const next = stepThrough(o.visible, o.currentId, delta);
    if (!next) return;
    useWorkspace.getState().select(next);
    o.listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${next}"]`)?.focus();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (typing || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        o.searchRef.current?.focus();
      }
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        move(e.key === 'j' ? 1 : -1);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  const onListKey = (e: { key: string; preventDefault(): void }) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    }
  };
  return { onListKey };
}
