import { LIMITS } from '../contract/limits';
import type { Release } from '../contract/release';

// The contract's maximum for each string field of a release, by its key (the items of a list take the
// list's key); any other string is a short field.
const STRING_MAX: Record<string, number> = {
  url: LIMITS.url,
  canonicalUrl: LIMITS.url,
  headline: LIMITS.headline,
  subheadline: LIMITS.headline,
  subheadlines: LIMITS.headline,
  alt: LIMITS.headline,
  body: LIMITS.paragraph,
  prose: LIMITS.paragraph,
  about: LIMITS.paragraph,
  text: LIMITS.paragraph,
  publishedAt: LIMITS.timestamp,
};
const LIST_MAX: Record<string, number> = { body: LIMITS.paragraphs, prose: LIMITS.paragraphs };

/** Cuts a string to `max` UTF-16 units without leaving half of a surrogate pair (the server refuses one). */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, end);
}

function fit(value: unknown, key: string): unknown {
  if (typeof value === 'string') return clip(value, STRING_MAX[key] ?? LIMITS.shortText);
  if (Array.isArray(value)) return value.slice(0, LIST_MAX[key] ?? LIMITS.listItems).map((v) => fit(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fit(v, k)]));
  return value;
}

/**
 * An extracted release cut to the contract's maxima (utils/contract/limits.ts), so an odd page (a
 * 3,000-character "company", a body of ten thousand paragraphs) still gives a release that is stored and
 * synced, rather than one the schema refuses and the user never sees. Text within the limits is untouched.
 */
export function fitRelease<T extends Release | unknown>(release: T): T {
  return fit(release, '') as T;
}
