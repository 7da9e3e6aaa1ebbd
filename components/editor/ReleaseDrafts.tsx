import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDrafts, draftsOf, selectRelease } from '@/utils/editor/store';
import { openWorkspace, usePopup } from '@/utils/editor/popup-view';
import { preloadDeferred } from '@/utils/engine/ui/use-deferred';
import { afterNextPaint } from '@/utils/editor/after-paint';
import { byPlatform, platformLabel } from '@/utils/engine/ui/light';
import { ReleaseCard } from '../release/ReleaseCard';
import { PlatformTabs } from './PlatformTabs';
import { VariantBar } from './VariantBar';
import { DraftPreview } from './DraftPreview';
import { DraftEditor } from './DraftEditor';
import { ExportBar } from './ExportBar';

// Folded sections load their code when first opened: the popup's first paint carries only what it shows.
const AudienceChooser = lazy(() => import('./AudienceChooser').then((m) => ({ default: m.AudienceChooser })));
const UtmEditor = lazy(() => import('./UtmEditor').then((m) => ({ default: m.UtmEditor })));
// Sending needs the team and the background: its code loads after first paint, in its own chunk.
const SendPanel = lazy(() => import('../send/SendPanel').then((m) => ({ default: m.SendPanel })));

function Section({ title, children }: { title: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="section" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      {open && (
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              Loading…
            </p>
          }
        >
          {children()}
        </Suspense>
      )}
    </details>
  );
}

/** The popup's body for one release: card with clock, platform tabs, variant preview + editor, actions. */
export function ReleaseDrafts({ releaseId, now }: { releaseId: string; now: number }) {
  const stored = useDrafts(selectRelease(releaseId));
  const kit = useDrafts((s) => s.kit);
  const all = useDrafts((s) => s.drafts);
  const duplicate = useDrafts((s) => s.duplicate);
  const remove = useDrafts((s) => s.remove);
  const platform = usePopup((s) => s.platform);
  const selected = usePopup((s) => s.selected[platform] ?? null);
  const setPlatform = usePopup((s) => s.setPlatform);
  const select = usePopup((s) => s.select);

  const mine = useMemo(() => draftsOf(all, releaseId), [all, releaseId]);
  const list = useMemo(() => mine.filter((d) => d.platform === platform), [mine, platform]);
  const counts = byPlatform((p) => mine.filter((d) => d.platform === p).length);
  const current = list.find((d) => d.id === selected) ?? list[0] ?? null;
  const shown = Boolean(stored && current);
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // For the popup benchmark and the e2e: when drafts first became visible, in ms since the popup opened.
    if (!shown) return;
    if (!performance.getEntriesByName('wireboost:drafts-visible').length) performance.mark('wireboost:drafts-visible');
    // Now the counters, hints and zoned clock, and the send panel (its chunk brings zod): after the frame
    // that shows the drafts has been presented, so evaluating those chunks never delays the first paint.
    afterNextPaint(() => {
      void preloadDeferred();
      setPainted(true);
    });
  }, [shown]);
  if (!stored) return null;

  return (
    <>
      <ReleaseCard release={stored.release} now={now} kit={kit} variants={mine.length} />
      <PlatformTabs value={platform} counts={counts} onChange={setPlatform} idBase="popup">
        {current ? (
          <div className="draft" data-testid="draft" data-draft-id={current.id}>
            <VariantBar
              drafts={list}
              selectedId={current.id}
              onSelect={(id) => select(platform, id)}
              onDuplicate={() => select(platform, duplicate(current.id))}
              onDelete={() => {
                const i = list.indexOf(current);
                remove(current.id);
                select(platform, list[i + 1]?.id ?? list[i - 1]?.id ?? null);
              }}
            />
            <DraftPreview draftId={current.id} />
            <DraftEditor draftId={current.id} />
            <Section title="Audience & media list">{() => <AudienceChooser draftId={current.id} />}</Section>
            <Section title="Destination & UTM">{() => <UtmEditor draftId={current.id} />}</Section>
            {painted && (
              <Suspense fallback={null}>
                <SendPanel draftId={current.id} />
              </Suspense>
            )}
          </div>
        ) : (
          <div className="empty-panel" data-testid="no-variants">
            <p>No {platformLabel(platform)} variants left for this release.</p>
            <button type="button" className="secondary" onClick={() => void usePopup.getState().rebuild(stored.id)}>
              Rebuild drafts
            </button>
          </div>
        )}
      </PlatformTabs>
      <footer className="actions">
        <ExportBar drafts={mine} release={stored.release} kit={kit} />
        <button
          type="button"
          className="primary"
          onClick={() => openWorkspace({ release: releaseId, ...(current ? { draft: current.id } : {}) })}
          data-testid="open-workspace"
        >
          Open in workspace
        </button>
      </footer>
    </>
  );
}
