/**
 * Three-way field merge for drafts (base = the server copy the edit started from, local = the edit,
 * server = the newer server copy that made the push stale). A field changed on one side only takes that
 * side; a field changed identically on both sides is fine; a field changed differently on both sides is
 * a clash and is reported, never decided. Plain objects (utm, remote) merge field by field.
 */
export interface FieldClash {
  /** Dotted path, e.g. "headline" or "utm.campaign". */
  path: string;
  base: unknown;
  local: unknown;
  server: unknown;
}

export interface MergeResult<T> {
  /** Every non-clashing field merged; clashing fields hold the server's value until a person decides. */
  merged: T;
  clashes: FieldClash[];
}

/** Fields the server owns: the local side never wins them (status changes only through review actions). */
const SERVER_OWNED = new Set(['status', 'updatedAt']);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function mergeObject(
  base: Record<string, unknown>,
  local: Record<string, unknown>,
  server: Record<string, unknown>,
  prefix: string,
  clashes: FieldClash[],
  serverOwned: ReadonlySet<string>,
) {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(server)]);
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const b = base[key];
    const l = local[key];
    const s = server[key];
    let v: unknown;
    if (!prefix && serverOwned.has(key)) v = s;
    else if (sameValue(l, s)) v = s;
    else if (sameValue(l, b)) v = s;
    else if (sameValue(s, b)) v = l;
    else if (isPlainObject(b) && isPlainObject(l) && isPlainObject(s))
      v = mergeObject(b, l, s, path, clashes, serverOwned);
    else {
      clashes.push({ path, base: b, local: l, server: s });
      v = s;
    }
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * `serverOwned`: top-level fields the local side never wins (the team server's by default). Two local
 * writers merging each other's edits (utils/editor/) pass none: neither side is the server.
 */
export function threeWayMerge<T extends object>(
  base: T,
  local: T,
  server: T,
  serverOwned: ReadonlySet<string> = SERVER_OWNED,
): MergeResult<T> {
  const clashes: FieldClash[] = [];
  const merged = mergeObject(
    base as Record<string, unknown>,
    local as Record<string, unknown>,
    server as Record<string, unknown>,
    '',
    clashes,
    serverOwned,
  );
  return { merged: merged as T, clashes };
}

/** Applies a person's choices (path → value) on top of a merge result. */
export function applyChoices<T extends object>(merged: T, choices: Record<string, unknown>): T {
  const out = structuredClone(merged) as Record<string, unknown>;
  for (const [path, value] of Object.entries(choices)) {
    const parts = path.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) {
      if (!isPlainObject(node[p])) node[p] = {};
      node = node[p] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return out as T;
}
