import { useId } from 'react';
import type { Platform } from '@/utils/drafts/schema';
import { countField, type Hint } from '@/utils/stores/engine';
import { Hints } from './Hints';

const fmt = (n: number) => n.toLocaleString('en-US');

/** One copy field: label, text box, a live counter (as the platform counts), and the field's lint hints. */
export function FieldEditor({ platform, field, label, value, hints, rows, onChange }: {
  platform: Platform; field: string; label: string; value: string; hints: Hint[]; rows: number; onChange(v: string): void;
}) {
  const id = useId();
  const c = countField(platform, field, value);
  return (
    <div className="field">
      <div className="field-top">
        <label htmlFor={id}>{label}</label>
        {c && (
          <span id={`${id}-count`} className={`counter counter-${c.state}`} data-testid={`count-${field}`}>
            {fmt(c.count)} / {fmt(c.recommended)} <span className="muted">· max {fmt(c.max)}</span>
          </span>
        )}
      </div>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`field-${field}`}
        aria-describedby={`${id}-count${hints.length ? ` ${id}-hints` : ''}`} aria-invalid={c?.state === 'over-max'} spellCheck />
      <Hints hints={hints} id={`${id}-hints`} />
    </div>
  );
}
