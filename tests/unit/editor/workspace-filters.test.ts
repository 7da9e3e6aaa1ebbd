import { describe, expect, it } from 'vitest';
import { filterDrafts, filtersFromSearch, ALL_FILTERS, stepThrough } from '@/utils/editor/workspace';
import { buildDrafts } from '@/utils/engine/ui/heavy';
import { emptyRelease } from '@/utils/release/empty';
import type { Draft, StoredRelease } from '@/utils/contract/draft';
import { releaseId } from '@/utils/engine/ids';

const mk = (url: string, wire: string, headline: string) => ({
  ...emptyRelease(url),
  isRelease: true,
  wire,
  headline,
  company: 'Acme',
  body: ['Lead sentence here.'],
});
const r1 = mk('https://www.prnewswire.com/a.html', 'prnewswire', 'Alpha launches');
const r2 = mk('https://www.globenewswire.com/b.html', 'globenewswire', 'Beta reports');
const now = new Date('2026-11-23T10:00:00Z');
const drafts: Record<string, Draft> = Object.fromEntries(
  [...buildDrafts(r1, null, now), ...buildDrafts(r2, null, now)].map((d) => [d.id, d]),
);
const releases: Record<string, StoredRelease> = {
  [releaseId(r1)]: { id: releaseId(r1), release: r1, savedAt: '2026-11-23T09:00:00Z' },
  [releaseId(r2)]: { id: releaseId(r2), release: r2, savedAt: '2026-11-23T09:30:00Z' },
};

describe('workspace filters', () => {
  it('shows everything, newest release first', () => {
    const all = filterDrafts(drafts, releases, ALL_FILTERS);
    expect(all).toHaveLength(Object.keys(drafts).length);
    expect(all[0]!.releaseId).toBe(releaseId(r2));
  });

  it.each([
    [{ platform: 'meta' as const }, (d: Draft) => d.platform === 'meta'],
    [{ wire: 'prnewswire' }, (d: Draft) => d.releaseId === releaseId(r1)],
    [{ release: releaseId(r2) }, (d: Draft) => d.releaseId === releaseId(r2)],
    [{ status: 'approved' as const }, () => false],
    [{ query: 'beta reports' }, (d: Draft) => d.releaseId === releaseId(r2)],
  ])('%j', (f, keep) => {
    const shown = filterDrafts(drafts, releases, { ...ALL_FILTERS, ...f });
    expect(shown.map((d) => d.id).sort()).toEqual(
      Object.values(drafts)
        .filter(keep)
        .map((d) => d.id)
        .sort(),
    );
  });

  it('reads release, draft and platform from the address', () => {
    expect(filtersFromSearch('?release=rel_1&draft=drf_2&platform=linkedin')).toEqual({
      filters: { ...ALL_FILTERS, release: 'rel_1', platform: 'linkedin' },
      selectedId: 'drf_2',
    });
  });
});

describe('moving through the list', () => {
  const list = filterDrafts(drafts, releases, ALL_FILTERS);

  it('steps to the next and previous draft and stops at both ends', () => {
    const [first, second] = list;
    const last = list.at(-1)!;
    expect(stepThrough(list, first!.id, 1)).toBe(second!.id);
    expect(stepThrough(list, second!.id, -1)).toBe(first!.id);
    expect(stepThrough(list, first!.id, -1)).toBe(first!.id);
    expect(stepThrough(list, last.id, 1)).toBe(last.id);
  });

  it('starts from the top when nothing is selected, and goes nowhere in an empty list', () => {
    expect(stepThrough(list, undefined, 1)).toBe(list[1]!.id);
    expect(stepThrough([], undefined, 1)).toBeNull();
  });
});
