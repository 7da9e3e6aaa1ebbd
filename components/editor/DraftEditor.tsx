import { useId, useMemo } from 'react';
import type { Draft, DraftStatus } from '@/utils/contract/draft';
import { draftLimits, fieldLimit, isLimitedField } from '@/utils/editor/field-limits';
import { useDrafts, selectDraft } from '@/utils/editor/store';
import { PLATFORMS } from '@/utils/engine/ui/light';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { FieldEditor } from './FieldEditor';
import { Hints } from './Hints';
import { useSyncStatus } from '@/utils/sync/use-sync-status';

export const STATUS_LABELS: Record<DraftStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Changes requested',
  sent: 'Sent',
};

/** The copy of one draft: every field with its counter and hints, the call to action and the status. */
export function DraftEditor({ draftId, large = false }: { draftId: string; large?: boolean }) {
  const draft = useDrafts(selectDraft(draftId));
  const update = useDrafts((s) => s.update);
  const audienceSize = useDrafts((s) =>
    draft?.mediaListId ? (s.mediaLists[draft.mediaListId]?.hashes.length ?? null) : null,
  );
  const engine = useDeferred();
  const hints = useMemo(
    () => (draft && engine ? engine.lintDraft(draft, { audienceSize }) : []),
    [draft, audienceSize, engine],
  );
  const limits = useMemo(() => (draft ? draftLimits(draft) : null), [draft]);
  const ctaId = useId();
  const statusId = useId();
  const refused = useSyncStatus()?.conflicts.find((c) => c.docId === draftId && c.reason === 'rejected');
  if (!draft) return null;
  const { rules, longLabel } = PLATFORMS[draft.platform];
  const copyKeys = new Set(rules.fields.map((f) => f.key));
  const other = hints.filter((h) => !h.field || !copyKeys.has(h.field));
  return (
    <section className="editor" aria-label={`${longLabel} copy`}>
      {refused && (
        <p className="error-text" role="alert" data-testid="draft-refused">
          Not synced: {refused.message ?? 'the team server refused this draft'}. Edit the draft to try again; your other
          drafts keep syncing.
        </p>
      )}
      {limits?.message && (
        <p className="error-text" role="alert" data-testid="draft-over-limit">
          {limits.message}
        </p>
      )}
      {draft.rationale && (
        <p className="rationale">
          <strong>Why this variant:</strong> {draft.rationale}
        </p>
      )}
      {rules.fields.map((f, i) => (
        <FieldEditor
          key={f.key}
          platform={draft.platform}
          field={f.key}
          label={f.label}
          value={String((draft as Record<string, unknown>)[f.key] ?? '')}
          rows={i === 0 ? (large ? 6 : 4) : large ? 2 : 1}
          hints={hints.filter((h) => h.field === f.key)}
          limit={isLimitedField(f.key) ? fieldLimit(draft, f.key) : undefined}
          onChange={(v) => update(draft.id, { [f.key]: v } as Partial<Draft>)}
        />
      ))}
      <div className="field-row">
        <div className="field">
          <label htmlFor={ctaId}>Call to action</label>
          <select
            id={ctaId}
            value={draft.cta}
            onChange={(e) => update(draft.id, { cta: e.target.value })}
            data-testid="field-cta"
          >
            {rules.ctas.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={draft.status}
            onChange={(e) => update(draft.id, { status: e.target.value as DraftStatus })}
            data-testid="field-status"
          >
            {(Object.keys(STATUS_LABELS) as DraftStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Hints hints={other} />
    </section>
  );
}
