import { LIMITS } from './limits';

/**
 * JSON that PostgreSQL cannot store, found before it reaches the database: a NUL character (text and
 * jsonb refuse U+0000), a lone UTF-16 surrogate (not valid Unicode, refused by jsonb and mangled in
 * text), or nesting deeper than any Wireboost document (JSON.stringify and jsonb run out of stack).
 * The server refuses such input with a 400 that names the field; the extension can check a draft with
 * the same function before it queues it. Pure: no browser or Node APIs.
 */
export interface UnsafeJson {
  /** Where, as a path from the checked value: `draft.headline`, `body[3]`, `''` for the value itself. */
  field: string;
  problem: 'nul' | 'surrogate' | 'depth';
  message: string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const join = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : IDENTIFIER.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

const WHAT = {
  nul: 'contains a NUL character (U+0000), which cannot be stored',
  surrogate: 'contains a broken character (a lone UTF-16 surrogate), which cannot be stored',
  depth: `is nested deeper than ${LIMITS.jsonDepth} levels`,
} as const;

/** A zod issue's path (or any key path) as the same `draft.utm.source` / `body[3]` text. */
export function fieldPath(path: readonly PropertyKey[], base = ''): string {
  return path.reduce<string>((at, k) => join(at, typeof k === 'symbol' ? String(k) : k), base);
}

function found(field: string, problem: UnsafeJson['problem']): UnsafeJson {
  return { field, problem, message: `${field || 'the value'} ${WHAT[problem]}` };
}

function textProblem(s: string): UnsafeJson['problem'] | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

/** The first unsafe place in a parsed JSON value, or null when the database can hold all of it. */
export function findUnsafeJson(value: unknown, maxDepth: number = LIMITS.jsonDepth, path = ''): UnsafeJson | null {
  const walk = (v: unknown, at: string, depth: number): UnsafeJson | null => {
    if (typeof v === 'string') {
      const p = textProblem(v);
      return p ? found(at, p) : null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= maxDepth) return found(at, 'depth');
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], join(at, i), depth + 1);
        if (r) return r;
      }
      return null;
    }
    for (const [k, child] of Object.entries(v)) {
      const keyProblem = textProblem(k);
      if (keyProblem) return found(join(at, k), keyProblem);
      const r = walk(child, join(at, k), depth + 1);
      if (r) return r;
    }
    return null;
  };
  return walk(value, path, 0);
}
