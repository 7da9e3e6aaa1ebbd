import { useId } from 'react';
import type { Utm } from '@/utils/contract/draft';
import { relink } from '@/utils/engine/utm';
import { fieldLimit } from '@/utils/editor/field-limits';
import { useDrafts, selectDraft } from '@/utils/editor/store';
import { ServerLimit } from './FieldEditor';

const UTM_FIELDS: { key: keyof Utm; label: string }[] = [
  { key: 'source', label: 'utm_source' },
  { key: 'medium', label: 'utm_medium' },
  { key: 'campaign', label: 'utm_campaign' },
  { key: 'content', label: 'utm_content' },
];

/** Destination URL and its UTM tags; the final link is shown as the ad will use it. */
export function UtmEditor({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const update = useDrafts((s) => s.update);
  const id = useId();
  if (!draft) return null;
  const destination = fieldLimit(draft, 'destination');
  return (
    <section className="utm" aria-label="Destination and UTM">
      <div className="field">
        <label htmlFor={`${id}-dest`}>Destination URL</label>
        <input
          id={`${id}-dest`}
          type="url"
          value={draft.destination}
          onChange={(e) => {
            const n = relink(draft, { destination: e.target.value });
            update(draft.id, { destination: n.destination, url: n.url });
          }}
          data-testid="field-destination"
          aria-invalid={destination.over}
        />
        {(destination.near || destination.over) && <ServerLimit limit={destination} />}
      </div>
      <div className="utm-grid">
        {UTM_FIELDS.map((f) => {
          const limit = fieldLimit(draft, `utm.${f.key}`);
          return (
            <div className="field" key={f.key}>
              <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
              <input
                id={`${id}-${f.key}`}
                value={draft.utm[f.key]}
                onChange={(e) => {
                  const n = relink(draft, { utm: { [f.key]: e.target.value } });
                  update(draft.id, { utm: n.utm, url: n.url });
                }}
                data-testid={`utm-${f.key}`}
                aria-invalid={limit.over}
              />
              {(limit.near || limit.over) && <ServerLimit limit={limit} />}
            </div>
          );
        })}
      </div>
      <p className="final-url">
        <span className="muted">Final link</span> <code data-testid="final-url">{draft.url}</code>
      </p>
    </section>
  );
}
