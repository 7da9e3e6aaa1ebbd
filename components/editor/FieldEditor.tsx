import { useId } from 'react';
import type { Platform } from '@/utils/contract/draft';
import { fieldRule, fmtInt as fmt, type Hint } from '@/utils/engine/ui/light';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { Hints } from './Hints';

/** One copy field: label, text box, a live counter (as the platform counts), and the field's lint hints. */
export function FieldEditor({
  platform,
  field,
  label,
  value,
  hints,
  rows,
  onChange,
}: {
  platform: Platform;
  field: string;
  label: string;
  value: string;
  hints: Hint[];
  rows: number;
  onChange(v: string): void;
}) {
  const id = useId();
  const engine = useDeferred();
  const c = engine?.countField(platform, field, value) ?? null;
  const rule = fieldRule(platform, field);
  return (
    <div className="field">
      <div className="field-top">
        <label htmlFor={id}>{label}</label>
        {rule && (
          <span id={`${id}-count`} className={`counter counter-${c?.state ?? 'ok'}`} data-testid={`count-${field}`}>
            {c ? fmt(c.count) : '…'} / {fmt(rule.recommended.value)}{' '}
            <span className="muted">· max {fmt(rule.max.value)}</span>
          </span>
        )}
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`field-${field}`}
        aria-describedby={`${id}-count${hints.length ? ` ${id}-hints` : ''}`}
        aria-invalid={c?.state === 'over-max'}
        spellCheck
      />
      <Hints hints={hints} id={`${id}-hints`} />
    </div>
  );
}
