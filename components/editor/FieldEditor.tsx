import { useId } from 'react';
import type { Platform } from '@/utils/contract/draft';
import type { FieldLimit } from '@/utils/editor/field-limits';
import { fieldRule, fmtInt as fmt, type Hint } from '@/utils/engine/ui/light';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { Hints } from './Hints';

/**
 * One copy field: label, text box, a live counter (as the platform counts), the team server's limit
 * (marked when the text is over it, before sync sends it), and the field's lint hints.
 */
export function FieldEditor({
  platform,
  field,
  label,
  value,
  hints,
  rows,
  limit,
  onChange,
}: {
  platform: Platform;
  field: string;
  label: string;
  value: string;
  hints: Hint[];
  rows: number;
  limit?: FieldLimit;
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
        {limit && <ServerLimit limit={limit} id={`${id}-limit`} />}
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`field-${field}`}
        aria-describedby={`${id}-count${limit ? ` ${id}-limit` : ''}${hints.length ? ` ${id}-hints` : ''}`}
        aria-invalid={c?.state === 'over-max' || !!limit?.over}
        spellCheck
      />
      <Hints hints={hints} id={`${id}-hints`} />
    </div>
  );
}

/** The team server's maximum for this field: its length shown once near it, marked once over it. */
export function ServerLimit({ limit, id }: { limit: FieldLimit; id?: string }) {
  return (
    <span
      id={id}
      className={`counter${limit.over ? ' counter-over-max' : ''}`}
      data-testid={`limit-${limit.field}`}
      data-over={limit.over || undefined}
      title="The team server refuses longer text"
    >
      {limit.near || limit.over ? `${fmt(limit.length)} / ` : ''}
      <span className="muted">server max {fmt(limit.max)}</span>
    </span>
  );
}
