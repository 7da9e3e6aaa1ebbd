/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD is untyped input; every read is guarded */
import { decode } from './text';

/** A key read the way sites write it: `datePublished` or `DatePublished` (GlobeNewswire capitalises). */
export const ldGet = (o: any, key: string): any => o?.[key] ?? o?.[key[0]!.toUpperCase() + key.slice(1)];

export const ldType = (o: any) => String(ldGet(o, '@type') ?? '');

/** A string field, entity-decoded ("HackerRank &amp; Cybermedia"); '' for anything else. */
export const ldText = (o: any, key: string): string => {
  const v = ldGet(o, key);
  return typeof v === 'string' ? decode(v) : '';
};

/** The name of an author/publisher given as a string, an object, or a list of objects. */
export const ldName = (v: any): string => (typeof v === 'string' ? v : ldText(v?.[0] ?? v, 'name'));

/**
 * Every object in the page's JSON-LD, flattened: top-level arrays, `@graph`, and objects nested in
 * properties (a NewsArticle inside a WebPage's mainEntity). Malformed JSON gets one repair attempt
 * (raw control characters, trailing commas) and is otherwise skipped.
 */
export function ldNodes(scripts: Element[]): any[] {
  const out: any[] = [];
  const walk = (x: any, depth: number) => {
    if (x && typeof x === 'object' && depth < 6) {
      if (!Array.isArray(x)) out.push(x);
      for (const k in x) walk(x[k], depth + 1);
    }
  };
  for (const s of scripts) {
    const t = s.textContent!;
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    for (const json of [t, t.replace(/[\0-\x1f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')]) {
      try {
        walk(JSON.parse(json), 0);
        break;
      } catch {
        /* unreadable: try the repaired text, then give up; other evidence decides */
      }
    }
  }
  return out;
}
