import { create } from 'zustand';
import type { Draft, DraftStatus, Platform, StoredRelease } from '../contract/draft';
import { bodyOf, isPlatform } from '../engine/ui/light';

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
