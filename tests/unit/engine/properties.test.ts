import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDraftSet } from '@/utils/engine/build';
import { exportDraftSetJson, importDraftSetJson } from '@/utils/engine/export-json';
import { truncate } from '@/utils/engine/text';
import { shortForm } from '@/utils/engine/shorten';
import { countChars, graphemeCount } from '@/utils/platforms/count';
import { rulesFor } from '@/utils/platforms/registry';
import { aRelease, NOW } from './builder';
import { fitRelease } from '@/utils/release/fit';

// Text that breaks naive code: emoji with modifiers, combining accents, CJK, RTL, no spaces, long URLs.
const nasty = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '👩🏽‍💻',
        'é',
        'e\u0301',
        '漢字',
        'שלום',
        'AAAA',
        ' ',
        '—',
        '"',
        '“',
        ',',
        '.',
        'https://example.com/a?b=c',
        '\n',
        'revolutionary',
      ),
      { maxLength: 300 },
    )
    .map((a) => a.join('')),
  fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.constant(''),
);

const releaseArb = fc.record({
  headline: nasty,
  subheadline: fc.option(nasty, { nil: null }),
  company: fc.option(nasty, { nil: null }),
  body: fc.array(nasty, { maxLength: 6 }),
  quotes: fc.array(fc.record({ speaker: fc.option(nasty, { nil: null }), text: nasty }), { maxLength: 3 }),
  assets: fc.array(
    fc.record({
      url: fc.webUrl(),
      label: nasty,
      kind: fc.constantFrom('whitepaper', 'report', 'datasheet', 'webinar', 'pdf', 'other' as const),
    }),
    { maxLength: 2 },
  ),
});

describe('properties', () => {
  it('no generated field ever exceeds its platform maximum', () => {
    fc.assert(
      fc.property(
        releaseArb,
        fc.record({
          assetLabel: nasty,
          assetUrl: fc.oneof(fc.constant(''), fc.webUrl()),
          keyMessages: fc.array(nasty, { maxLength: 2 }),
        }),
        (over, kit) => {
          const set = buildDraftSet(aRelease(over), kit, { now: NOW });
          expect(set.drafts).toHaveLength(6);
          for (const d of set.drafts) {
            for (const f of rulesFor(d.platform).fields) {
              const text = (d as unknown as Record<string, string>)[f.key]!;
              expect(countChars(text, f.counting)).toBeLessThanOrEqual(f.max.value);
            }
            expect(rulesFor(d.platform).ctas.map((c) => c.value)).toContain(d.cta);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic and survives a JSON export round trip for any release', () => {
    fc.assert(
      fc.property(releaseArb, fc.integer({ min: 0, max: 4_000_000_000_000 }), (over, now) => {
        // any release the contract holds: what the background keeps is cut to its maxima first
        const release = fitRelease(aRelease(over));
        const a = buildDraftSet(release, {}, { now });
        expect(buildDraftSet(release, {}, { now })).toEqual(a);
        expect(importDraftSetJson(exportDraftSetJson(a))).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('truncate never exceeds the limit and only removes from the end', () => {
    fc.assert(
      fc.property(nasty, fc.nat({ max: 300 }), (text, max) => {
        const out = truncate(text, max);
        expect(graphemeCount(out)).toBeLessThanOrEqual(max);
        const kept = out.endsWith('…') ? out.slice(0, -1) : out;
        expect(text.startsWith(kept.trimEnd()) || kept === '').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('shortForm fits the target, or keeps the whole text and says so', () => {
    fc.assert(
      fc.property(nasty, fc.integer({ min: 1, max: 200 }), fc.option(nasty, { nil: null }), (h, n, keep) => {
        const out = shortForm(h, n, keep);
        if (out.how.kind === 'long') expect(h.replace(/\s+/g, ' ')).toContain(out.text.split(' ')[0] ?? '');
        else expect(graphemeCount(out.text)).toBeLessThanOrEqual(n);
      }),
      { numRuns: 500 },
    );
  });
});
