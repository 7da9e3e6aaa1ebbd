import type { Draft } from '../contract/draft';
import { DRAFT_MAX_BYTES, DRAFT_TEXT_LIMITS, formatBytes, jsonBytes, type DraftTextField } from '../contract/limits';

/**
 * The team server's hard limits, as the editor shows them: the same numbers the server's schemas enforce
 * (utils/contract/limits.ts), so a field is marked over its limit while the person types, before sync sends
 * the draft and the server refuses it. These are ceilings far above any platform's own maximum (the
 * platform counters in FieldEditor warn long before); they catch a paste of a whole document.
 */
export interface FieldLimit {
  field: DraftTextField;
  /** String length as the server counts it (UTF-16 units, like zod's .max). */
  length: number;
  max: number;
  over: boolean;
  /** Within a tenth of the limit: worth showing the numbers. */
  near: boolean;
}

/** A draft's text field by key (`utm.source` reads draft.utm.source); '' when the draft has no such field. */
function fieldText(draft: Draft, field: DraftTextField): string {
  const value = field.startsWith('utm.')
    ? draft.utm[field.slice(4) as keyof Draft['utm']]
    : (draft as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

export function fieldLimit(draft: Draft, field: DraftTextField): FieldLimit {
  const max = DRAFT_TEXT_LIMITS[field];
  const length = fieldText(draft, field).length;
  return { field, length, max, over: length > max, near: length > max * 0.9 };
}

/** Whether `key` is a text field with a server limit (the editor's copy fields are named by key). */
export function isLimitedField(key: string): key is DraftTextField {
  return Object.hasOwn(DRAFT_TEXT_LIMITS, key);
}

export interface DraftLimits {
  /** Every text field over its limit, in the table's order. */
  over: FieldLimit[];
  /** The whole draft as JSON, in bytes, against the server's per-draft ceiling. */
  bytes: number;
  maxBytes: number;
  tooLarge: boolean;
  /** One sentence for the editor when anything is over, else null. */
  message: string | null;
}

export function draftLimits(draft: Draft): DraftLimits {
  const over = (Object.keys(DRAFT_TEXT_LIMITS) as DraftTextField[])
    .map((f) => fieldLimit(draft, f))
    .filter((l) => l.over);
  const bytes = jsonBytes(draft);
  const tooLarge = bytes > DRAFT_MAX_BYTES;
  const parts = over.map(
    (l) => `${label(l.field)} (${l.length.toLocaleString('en-US')} of ${l.max.toLocaleString('en-US')})`,
  );
  let message: string | null = null;
  if (parts.length) message = `Over the team server's limit, so it will not sync until shortened: ${parts.join(', ')}.`;
  else if (tooLarge)
    message = `This draft is ${formatBytes(bytes)}, over the team server's ${formatBytes(DRAFT_MAX_BYTES)}: it will not sync until shortened.`;
  return { over, bytes, maxBytes: DRAFT_MAX_BYTES, tooLarge, message };
}

/** The field as a person reads it: "primary text", "utm_source". */
function label(field: DraftTextField): string {
  if (field.startsWith('utm.')) return `utm_${field.slice(4)}`;
  if (field === 'imageUrl') return 'image URL';
  if (field === 'url') return 'final link';
  return field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}
