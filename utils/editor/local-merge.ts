import { applyChoices, threeWayMerge } from '../sync/merge';

const NONE: ReadonlySet<string> = new Set();

/**
 * Two local writers' versions of one record merged against the version both started from, field by field
 * exactly as the team sync merges (utils/sync/merge.ts), except that neither side is the server: a field
 * only one side changed takes that side; a field both changed takes `preferred`'s value. `updatedAt`, when
 * there is one, is the later of the two.
 */
export function mergeLocal<T extends object>(base: T | null, a: T, b: T, preferred: 'a' | 'b'): T {
  const { merged, clashes } = threeWayMerge(base ?? b, a, b, NONE);
  // threeWayMerge leaves a clashing field at its "server" side, here b.
  const out =
    preferred === 'a' ? applyChoices(merged, Object.fromEntries(clashes.map((c) => [c.path, c.local]))) : merged;
  const stamps = [a, b].map((x) => (x as { updatedAt?: unknown }).updatedAt).filter((t) => typeof t === 'string');
  if (stamps.length === 2) (out as { updatedAt?: string }).updatedAt = (stamps as string[]).sort().at(-1);
  return out;
}
