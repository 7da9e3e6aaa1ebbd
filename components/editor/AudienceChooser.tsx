import { useId, useMemo } from 'react';
import type { AudiencePreset } from '@/utils/contract/draft';
import { useDrafts, selectDraft } from '@/utils/editor/store';
import { audienceOptions } from '@/utils/engine/ui/audience-options';
import { MediaListUpload } from './MediaListUpload';

/** Journalist / blogger / pundit presets with what each means, the inferred beat and geography. */
export function AudienceChooser({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const release = useDrafts((s) => (draft ? (s.releases[draft.releaseId]?.release ?? null) : null));
  const update = useDrafts((s) => s.update);
  const name = useId();
  const platform = draft?.platform;
  const options = useMemo(() => (platform && release ? audienceOptions(release, platform) : []), [platform, release]);
  if (!draft) return null;
  return (
    <section className="audience" aria-label="Audience">
      <fieldset>
        <legend>Who should see it</legend>
        {options.map((o) => (
          <label key={o.preset} className={`preset${draft.audience === o.preset ? ' chosen' : ''}`}>
            <input
              type="radio"
              name={name}
              value={o.preset}
              checked={draft.audience === o.preset}
              onChange={() => update(draft.id, { audience: o.preset as AudiencePreset })}
              data-testid={`audience-${o.preset}`}
            />
            <span className="preset-body">
              <strong>{o.label}</strong>
              <span className="muted">{o.explanation}</span>
              <span className="chips">
                <span
                  className="chip"
                  title={o.beatEvidence.length ? `From the release: ${o.beatEvidence.join(', ')}` : undefined}
                >
                  Beat: {o.beat}
                </span>
                <span className="chip">Geo: {o.geo}</span>
              </span>
              {draft.audience === o.preset && (
                <span className="facets">
                  {o.facets.map((f) => (
                    <span key={f.label}>
                      <span className="muted">{f.label}:</span> {f.values.join(', ')}
                    </span>
                  ))}
                </span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {options[0]?.notes.map((n) => (
        <p key={n} className="fine-print">
          {n}
        </p>
      ))}
      <MediaListUpload draftId={draft.id} />
    </section>
  );
}
