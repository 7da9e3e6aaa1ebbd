import type { RefObject } from 'react';
import type { DraftStatus, StoredRelease } from '@/utils/contract/draft';
import { useWorkspace } from '@/utils/editor/workspace';
import { PLATFORM_LIST } from '@/utils/engine/ui/light';
import { wireLabel } from '@/utils/release/labels';
import { STATUS_LABELS } from '@/components/editor/DraftEditor';

/** Search and the status / platform / wire / release filters over the workspace's drafts. */
export function WorkspaceFilters({
  releases,
  wires,
  searchRef,
}: {
  releases: Record<string, StoredRelease>;
  wires: string[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const filters = useWorkspace((s) => s.filters);
  const setFilter = useWorkspace((s) => s.setFilter);
  return (
    <div className="filters" role="search">
      <div className="field">
        <label htmlFor="ws-q">
          Search <kbd>/</kbd>
        </label>
        <input
          id="ws-q"
          ref={searchRef}
          type="search"
          value={filters.query}
          onChange={(e) => setFilter('query', e.target.value)}
          placeholder="Headline or copy"
        />
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="ws-status">Status</label>
          <select
            id="ws-status"
            value={filters.status}
            onChange={(e) => setFilter('status', e.target.value as DraftStatus | 'all')}
            data-testid="filter-status"
          >
            <option value="all">All</option>
            {(Object.keys(STATUS_LABELS) as DraftStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ws-platform">Platform</label>
          <select
            id="ws-platform"
            value={filters.platform}
            onChange={(e) => setFilter('platform', e.target.value as 'all')}
            data-testid="filter-platform"
          >
            <option value="all">All</option>
            {PLATFORM_LIST.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ws-wire">Wire</label>
          <select
            id="ws-wire"
            value={filters.wire}
            onChange={(e) => setFilter('wire', e.target.value)}
            data-testid="filter-wire"
          >
            <option value="all">All</option>
            {wires.map((w) => (
              <option key={w} value={w}>
                {wireLabel(w)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ws-release">Release</label>
          <select
            id="ws-release"
            value={filters.release}
            onChange={(e) => setFilter('release', e.target.value)}
            data-testid="filter-release"
          >
            <option value="all">All</option>
            {Object.values(releases).map((r) => (
              <option key={r.id} value={r.id}>
                {r.release.headline.slice(0, 60)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
