import { describe, expect, test } from 'vitest';
import { applyChoices, threeWayMerge } from '../../../utils/sync/merge';
import { backoffDelay } from '../../../utils/sync/backoff';

const base = { headline: 'A', primaryText: 'P', status: 'draft', utm: { source: 's', campaign: 'c' }, remote: {} };

describe('three-way merge', () => {
  test.each([
    { name: 'local-only change wins', local: { headline: 'L' }, server: {}, merged: { headline: 'L' }, clashes: [] },
    { name: 'server-only change wins', local: {}, server: { headline: 'S' }, merged: { headline: 'S' }, clashes: [] },
    {
      name: 'different fields merge',
      local: { headline: 'L' },
      server: { primaryText: 'S' },
      merged: { headline: 'L', primaryText: 'S' },
      clashes: [],
    },
    {
      name: 'same change on both sides',
      local: { headline: 'X' },
      server: { headline: 'X' },
      merged: { headline: 'X' },
      clashes: [],
    },
    {
      name: 'clash is reported, server value held',
      local: { headline: 'L' },
      server: { headline: 'S' },
      merged: { headline: 'S' },
      clashes: ['headline'],
    },
    {
      name: 'nested fields merge one by one',
      local: { utm: { source: 'L', campaign: 'c' } },
      server: { utm: { source: 's', campaign: 'S' } },
      merged: { utm: { source: 'L', campaign: 'S' } },
      clashes: [],
    },
    {
      name: 'nested clash has a dotted path',
      local: { utm: { source: 'L', campaign: 'c' } },
      server: { utm: { source: 'S', campaign: 'c' } },
      merged: { utm: { source: 'S', campaign: 'c' } },
      clashes: ['utm.source'],
    },
    {
      name: "status is the server's",
      local: { status: 'approved' },
      server: { status: 'in_review' },
      merged: { status: 'in_review' },
      clashes: [],
    },
    { name: 'a field added on the server is kept', local: {}, server: { extra: 1 }, merged: { extra: 1 }, clashes: [] },
  ])('$name', ({ local, server, merged, clashes }) => {
    const r = threeWayMerge<Record<string, unknown>>(base, { ...base, ...local }, { ...base, ...server });
    expect(r.merged).toEqual({ ...base, ...merged });
    expect(r.clashes.map((c) => c.path)).toEqual(clashes);
  });

  test('a clash keeps both versions', () => {
    const r = threeWayMerge(base, { ...base, headline: 'L' }, { ...base, headline: 'S' });
    expect(r.clashes).toEqual([{ path: 'headline', base: 'A', local: 'L', server: 'S' }]);
  });

  test('choices are applied by path', () => {
    expect(applyChoices(base, { headline: 'Z', 'utm.source': 'q' })).toEqual({
      ...base,
      headline: 'Z',
      utm: { source: 'q', campaign: 'c' },
    });
  });
});

describe('backoff', () => {
  const policy = { baseMs: 100, maxMs: 1000, attempts: 5 };
  test.each([
    [0, 100],
    [1, 200],
    [3, 800],
    [4, 1000],
    [10, 1000],
  ])('attempt %i caps at %i ms', (attempt, cap) => {
    expect(backoffDelay(policy, attempt, () => 0.999999)).toBe(cap - 1);
    expect(backoffDelay(policy, attempt, () => 0)).toBe(0);
  });
});
