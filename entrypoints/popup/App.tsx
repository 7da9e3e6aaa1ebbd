import { lazy, Suspense } from 'react';
import { browser } from 'wxt/browser';
import { useTabRelease } from '@/utils/release/tab-store';
import { useDrafts } from '@/utils/editor/store';
import { openWorkspace, usePopup } from '@/utils/editor/popup-view';
import { ReleaseDrafts } from '@/components/editor/ReleaseDrafts';
import { SyncSlot } from '@/components/sync/SyncSlot';
import { Logo } from '@/components/Logo';
import { useSyncStatus } from '@/utils/sync/use-sync-status';
import { useNow } from '@/utils/editor/use-now';

// Only pages that are not releases need the empty state (and its paste form): load it for them alone.
const NotARelease = lazy(() => import('@/components/release/NotARelease').then((m) => ({ default: m.NotARelease })));
// Only a popup with a sync conflict loads the side-by-side resolver.
const ConflictPanel = lazy(() => import('@/components/sync/ConflictPanel').then((m) => ({ default: m.ConflictPanel })));

export function App() {
  const tabHydrated = useTabRelease((s) => s.hydrated);
  const draftsHydrated = useDrafts((s) => s.hydrated);
  const hasTabRelease = useTabRelease((s) => s.current != null);
  const tabId = useTabRelease((s) => s.tabId);
  const error = useTabRelease((s) => s.error);
  const save = useDrafts((s) => s.saveState);
  const releaseId = usePopup((s) => s.releaseId);
  const sync = useSyncStatus();
  const now = useNow();

  const ready = Boolean(error) || (tabHydrated && draftsHydrated && !(hasTabRelease && !releaseId));
  return (
    <div className="popup">
      <header className="topbar">
        <Logo />
        <SyncSlot save={save} sync={sync?.state} />
        <button type="button" className="ghost" onClick={() => openWorkspace({})} data-testid="open-all-drafts">
          All drafts
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => void browser.runtime.openOptionsPage()}
          aria-label="Settings"
          title="Settings"
        >
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
            <path
              fill="currentColor"
              d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.4-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3.3h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.4L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.4 2.5-1a7.6 7.6 0 0 0 1.7 1l.3 2.7h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.4L19.4 13zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </header>
      <main aria-busy={!ready}>
        {sync?.conflicts.length ? (
          <Suspense fallback={null}>
            <ConflictPanel conflicts={sync.conflicts} />
          </Suspense>
        ) : null}
        {!ready ? (
          <div className="skeleton" aria-label="Loading" />
        ) : error ? (
          <p role="alert" className="error-text">
            Wireboost could not read this tab: {error}
          </p>
        ) : releaseId ? (
          <ReleaseDrafts releaseId={releaseId} now={now} />
        ) : (
          <Suspense fallback={<div className="skeleton" aria-label="Loading" />}>
            <NotARelease tabId={tabId} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
