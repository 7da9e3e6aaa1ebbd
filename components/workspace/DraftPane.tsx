import { lazy, Suspense } from 'react';
import type { Draft } from '@/utils/contract/draft';
import type { Release } from '@/utils/contract/release';
import { useDrafts } from '@/utils/editor/store';
import { duplicateAndSelect, removeAndSelectNeighbour } from '@/utils/editor/workspace';
import { platformLabel } from '@/utils/engine/ui/light';
import { ReleaseCard } from '@/components/release/ReleaseCard';
import { ReleaseHeadlineEditor } from '@/components/release/ReleaseHeadlineEditor';
import { DraftEditor } from '@/components/editor/DraftEditor';
import { DraftPreview } from '@/components/editor/DraftPreview';
import { AudienceChooser } from '@/components/editor/AudienceChooser';
import { UtmEditor } from '@/components/editor/UtmEditor';
import { ExportBar } from '@/components/editor/ExportBar';
import { SendPanel } from '@/components/send/SendPanel';

// The report (and its chart library) loads only for a release with a sent draft.
const ReleaseResults = lazy(() => import('@/components/results/ReleaseResults'));

/** One draft in the workspace: its release, editor, preview, actions, exports, sending and results. */
export function DraftPane({
  current,
  currentRelease,
  visible,
  drafts,
  now,
}: {
  current: Draft;
  currentRelease: Release | null;
  visible: Draft[];
  drafts: Record<string, Draft>;
  now: number;
}) {
  const kit = useDrafts((s) => s.kit);
  const siblings = visible.filter((d) => d.releaseId === current.releaseId);
  return (
    <main className="ws-main" data-testid="draft" data-draft-id={current.id}>
      {currentRelease && (
        <ReleaseCard release={currentRelease} now={now} kit={kit} variants={siblings.length} showFlight />
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
              onClick={() => duplicateAndSelect(current.id)}
              data-testid="duplicate-variant"
            >
              Duplicate
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => removeAndSelectNeighbour(visible, current)}
              data-testid="delete-variant"
            >
              Delete
            </button>
          </div>
          <ExportBar drafts={siblings} release={currentRelease} kit={kit} />
          <SendPanel draftId={current.id} />
        </div>
      </div>
    </main>
  );
}
