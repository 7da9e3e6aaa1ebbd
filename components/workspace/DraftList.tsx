import type { RefObject } from 'react';
import type { Draft, StoredRelease } from '@/utils/contract/draft';
import { ALL_FILTERS, useWorkspace } from '@/utils/editor/workspace';
import { ANGLE_LABELS, bodyOf, platformLabel } from '@/utils/engine/ui/light';
import { STATUS_LABELS } from '@/components/editor/DraftEditor';

/** The filtered drafts as a keyboard-navigable list, with its count (or a way out of empty filters). */
export function DraftList({
  visible,
  total,
  current,
  releases,
  listRef,
  onListKey,
}: {
  visible: Draft[];
  total: number;
  current: Draft | null;
  releases: Record<string, StoredRelease>;
  listRef: RefObject<HTMLUListElement | null>;
  onListKey: (e: { key: string; preventDefault(): void }) => void;
}) {
  const select = useWorkspace((s) => s.select);
  return (
    <>
      <p className="list-count muted" role="status" data-testid="ws-count">
        {visible.length} of {total} drafts
      </p>
      <p className="list-keys muted" aria-hidden="true">
        <kbd>↑</kbd>
        <kbd>↓</kbd> or <kbd>j</kbd>
        <kbd>k</kbd> move · <kbd>/</kbd> search
      </p>
      {visible.length === 0 ? (
        <div className="empty-panel">
          <p>No drafts match these filters.</p>
          <button type="button" className="secondary" onClick={() => useWorkspace.setState({ filters: ALL_FILTERS })}>
            Clear filters
          </button>
        </div>
      ) : (
        <ul className="ws-list" ref={listRef} onKeyDown={onListKey} aria-label="Drafts (arrow keys or j / k to move)">
          {visible.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                data-id={d.id}
                aria-current={d.id === current?.id ? 'true' : undefined}
                onClick={() => select(d.id)}
                tabIndex={d.id === current?.id ? 0 : -1}
                data-testid="ws-item"
              >
                <span className="ws-item-top">
                  <span className={`plat plat-${d.platform}`}>{platformLabel(d.platform)}</span>
                  <span className="muted">{ANGLE_LABELS[d.angle]}</span>
                  <span className={`status status-${d.status}`}>{STATUS_LABELS[d.status]}</span>
                </span>
                <strong>{d.headline || 'Untitled'}</strong>
                <span className="muted ws-snippet">{bodyOf(d).slice(0, 90)}</span>
                <span className="muted ws-release">{releases[d.releaseId]?.release.headline ?? d.releaseId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
