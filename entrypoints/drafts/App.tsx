import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import type { DraftStatus } from '@/utils/contract/draft';
import { useDrafts } from '@/utils/editor/store';
import { usePopup } from '@/utils/editor/popup-view';
import { ALL_FILTERS, filterDrafts, useWorkspace } from '@/utils/editor/workspace';
import { ANGLE_LABELS, bodyOf, PLATFORM_LIST, platformLabel } from '@/utils/engine/ui/light';
import { wireLabel } from '@/utils/release/labels';
import { Logo } from '@/components/Logo';
import { SyncSlot } from '@/components/sync/SyncSlot';
import { useSyncStatus } from '@/utils/sync/use-sync-status';
import { ReleaseCard } from '@/components/release/ReleaseCard';
import { ReleaseHeadlineEditor } from '@/components/release/ReleaseHeadlineEditor';
import { DraftEditor, STATUS_LABELS } from '@/components/editor/DraftEditor';
import { DraftPreview } from '@/components/editor/DraftPreview';
import { AudienceChooser } from '@/components/editor/AudienceChooser';
import { UtmEditor } from '@/components/editor/UtmEditor';
import { ExportBar } from '@/components/editor/ExportBar';
import { SendPanel } from '@/components/send/SendPanel';
import { useNow } from '@/utils/editor/use-now';

// The release's results report (and its chart library) load only when a release has sent drafts.
const ReleaseResults = lazy(() => import('@/components/results/ReleaseResults'));

export function App() {
  const hydrated = useDrafts((s) => s.hydrated);
  const drafts = useDrafts((s) => s.drafts);
  const releases = useDrafts((s) => s.releases);
  const save = useDrafts((s) => s.saveState);
  const sync = useSyncStatus();
  const now = useNow();
  const kit = useDrafts((s) => s.kit);
  const filters = useWorkspace((s) => s.filters);
  const selectedId = useWorkspace((s) => s.selectedId);
  const setFilter = useWorkspace((s) => s.setFilter);
  const select = useWorkspace((s) => s.select);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => filterDrafts(drafts, releases, filters), [drafts, releases, filters]);
  const current = visible.find((d) => d.id === selectedId) ?? visible[0] ?? null;
  const wires = useMemo(
    () => [...new Set(Object.values(releases).map((r) => r.release.wire ?? 'generic'))],
    [releases],
  );

  const move = (delta: number) => {
    if (!visible.length) return;
    const i = Math.max(
      0,
      visible.findIndex((d) => d.id === current?.id),
    );
    const next = visible[Math.min(visible.length - 1, Math.max(0, i + delta))]!;
    select(next.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${next.id}"]`)?.focus();
  };

  // "/" focuses search; j / k move through the list when not typing.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (typing || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      }
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        move(e.key === 'j' ? 1 : -1);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

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
                <button
                  type="button"
                  className="secondary"
                  onClick={() => useWorkspace.setState({ filters: ALL_FILTERS })}
                >
                  Clear filters
                </button>
              </div>
            ) : (
              <ul
                className="ws-list"
                ref={listRef}
                onKeyDown={onListKey}
                aria-label="Drafts (arrow keys or j / k to move)"
              >
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
          </aside>
          {current ? (
            <main className="ws-main" data-testid="draft" data-draft-id={current.id}>
              {currentRelease && (
                <ReleaseCard
                  release={currentRelease}
                  now={now}
                  kit={kit}
                  variants={visible.filter((d) => d.releaseId === current.releaseId).length}
                  showFlight
                />
              )}
              {currentRelease && (
                <div className="release-tools">
                  <ReleaseHeadlineEditor
                    key={current.releaseId}
                    releaseId={current.releaseId}
                    headline={currentRelease.headline}
                  />
                </div>
              )}
              {Object.values(drafts).some((d) => d.releaseId === current.releaseId && d.status === 'sent') && (
                <Suspense fallback={null}>
                  <ReleaseResults key={current.releaseId} releaseId={current.releaseId} />
                </Suspense>
              )}
              <div className="ws-columns">
                <div className="ws-edit">
                  <DraftEditor draftId={current.id} large />
                  <h2 className="ws-h2">Destination &amp; UTM</h2>
                  <UtmEditor draftId={current.id} />
                  <AudienceChooser draftId={current.id} />
                </div>
                <div className="ws-preview">
                  <h2 className="ws-h2">{platformLabel(current.platform)} preview</h2>
                  <DraftPreview draftId={current.id} />
                  <div className="ws-actions">
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => select(useDrafts.getState().duplicate(current.id))}
                      data-testid="duplicate-variant"
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        const i = visible.indexOf(current);
                        useDrafts.getState().remove(current.id);
                        select(visible[i + 1]?.id ?? visible[i - 1]?.id ?? null);
                      }}
                      data-testid="delete-variant"
                    >
                      Delete
                    </button>
                  </div>
                  <ExportBar
                    drafts={visible.filter((d) => d.releaseId === current.releaseId)}
                    release={currentRelease}
                    kit={useDrafts.getState().kit}
                  />
                  <SendPanel draftId={current.id} />
                </div>
              </div>
            </main>
          ) : (
            <main className="ws-main" />
          )}
        </div>
      )}
    </div>
  );
}

function EmptyWorkspace() {
  const paste = usePopup((s) => s.paste);
  const [url, setUrl] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await usePopup.getState().pasteUrl(url);
    const id = usePopup.getState().releaseId;
    if (id) useWorkspace.getState().setFilter('release', id);
  };
  return (
    <main className="ws-empty" data-testid="ws-empty">
      <h2>No drafts yet</h2>
      <p className="muted">
        Open a release on a newswire and click the Wireboost icon, right-click a release link and choose “Boost this
        release”, or paste a release URL here.
      </p>
      <form className="paste" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="ws-paste">Release URL</label>
        <div className="row">
          <input
            id="ws-paste"
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://www.prnewswire.com/news-releases/…"
          />
          <button className="primary" type="submit" disabled={paste.status === 'busy'}>
            {paste.status === 'busy' ? 'Reading…' : 'Boost'}
          </button>
        </div>
        {paste.error && (
          <p role="alert" className="error-text">
            {paste.error}
          </p>
        )}
      </form>
    </main>
  );
}
