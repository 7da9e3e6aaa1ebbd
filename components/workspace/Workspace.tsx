import { useMemo, useRef } from 'react';
import { browser } from 'wxt/browser';
import { useDrafts } from '@/utils/editor/store';
import { filterDrafts, useWorkspace, useWorkspaceKeys } from '@/utils/editor/workspace';
import { useNow } from '@/utils/editor/use-now';
import { useSyncStatus } from '@/utils/sync/use-sync-status';
import { Logo } from '@/components/Logo';
import { SyncSlot } from '@/components/sync/SyncSlot';
import { WorkspaceFilters } from './WorkspaceFilters';
import { DraftList } from './DraftList';
import { DraftPane } from './DraftPane';
import { EmptyWorkspace } from './EmptyWorkspace';

/** The draft workspace: every draft the team has, filtered on the left, the chosen one on the right. */
export function Workspace() {
  const hydrated = useDrafts((s) => s.hydrated);
  const drafts = useDrafts((s) => s.drafts);
  const releases = useDrafts((s) => s.releases);
  const save = useDrafts((s) => s.saveState);
  const sync = useSyncStatus();
  const now = useNow();
  const filters = useWorkspace((s) => s.filters);
  const selectedId = useWorkspace((s) => s.selectedId);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => filterDrafts(drafts, releases, filters), [drafts, releases, filters]);
  const current = visible.find((d) => d.id === selectedId) ?? visible[0] ?? null;
  const wires = useMemo(
    () => [...new Set(Object.values(releases).map((r) => r.release.wire ?? 'generic'))],
    [releases],
  );
  const { onListKey } = useWorkspaceKeys({ visible, currentId: current?.id, searchRef, listRef });

  if (!hydrated) return <div className="skeleton" aria-busy="true" aria-label="Loading" />;
  const total = Object.keys(drafts).length;
  const currentRelease = current ? (releases[current.releaseId]?.release ?? null) : null;

  return (
    <div className="ws">
      <header className="topbar">
        <Logo />
        <h1 className="ws-title">Draft workspace</h1>
        <SyncSlot save={save} sync={sync?.state} />
        <button type="button" className="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      {total === 0 ? (
        <EmptyWorkspace />
      ) : (
        <div className="ws-body">
          <aside className="ws-side" aria-label="Drafts">
            <WorkspaceFilters releases={releases} wires={wires} searchRef={searchRef} />
            <DraftList
              visible={visible}
              total={total}
              current={current}
              releases={releases}
              listRef={listRef}
              onListKey={onListKey}
            />
          </aside>
          {current ? (
            <DraftPane current={current} currentRelease={currentRelease} visible={visible} drafts={drafts} now={now} />
          ) : (
            <main className="ws-main" />
          )}
        </div>
      )}
    </div>
  );
}
