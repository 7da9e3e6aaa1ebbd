import { describe, expect, it } from 'vitest';
import { boundaryCuts, describeShort, shortForm } from '@/utils/engine/shorten';
import { graphemeCount } from '@/utils/platforms/count';

describe('shortForm', () => {
  it('keeps a headline that fits as written', () => {
    expect(shortForm('Segment Launches Sources', 40)).toEqual({
      text: 'Segment Launches Sources',
      how: { kind: 'whole' },
    });
  });

  it('cuts before "to" when what is left still says the news', () => {
    const out = shortForm('Segment Launches Sources to Unify Siloed Customer Data in Minutes', 40, 'Segment');
    expect(out).toEqual({ text: 'Segment Launches Sources', how: { kind: 'cut', before: 'to', note: null } });
    expect(describeShort(out.how, 40)).toBe('the headline cut before "to"');
  });

  it('never ends inside a noun phrase: "Reduction of Debt" from "Reduction of Debt Holders"', () => {
    const h = 'Ideanomics Announces Reduction of Debt Holders as Part of Growth Plans';
    const out = shortForm(h, 40, 'Ideanomics');
    expect(out.text).toBe('Ideanomics: Reduction of Debt Holders');
    expect(out.how).toMatchObject({ kind: 'cut', before: 'as' });
    expect(out.text).not.toMatch(/Debt$/);
  });

  it('keeps "Upcoming Investor Conferences" whole rather than cut after "Investor"', () => {
    const out = shortForm('Tableau to Present at Upcoming Investor Conferences', 40, 'Tableau');
    expect(out).toEqual({
      text: 'Tableau to Present at Upcoming Investor Conferences',
      how: { kind: 'long', note: null },
    });
    expect(describeShort(out.how, 40)).toMatch(/no phrase boundary shortens it to 40 characters/);
  });

  it('drops a ticker before anything else', () => {
    expect(shortForm('Stevia First Corp. (STVF) Looks to Disrupt Flavor Industry', 52)).toEqual({
      text: 'Stevia First Corp. Looks to Disrupt Flavor Industry',
      how: { kind: 'rewrite', note: 'without the ticker' },
    });
  });

  it('prefers a colon or comma to a word boundary', () => {
    expect(shortForm('Acme Opens Boston Lab: 120 Engineers to Work on Warehouse Robots', 30, 'Acme').text).toBe(
      'Acme Opens Boston Lab',
    );
  });

  it.each([27, 40, 70])('every short form of a long headline fits %i or is whole', (n) => {
    const h = 'HackerRank & Cybermedia Technologies Partner to Help Close the STEM Skills Gap in Federal Government';
    const out = shortForm(h, n, 'HackerRank');
    if (out.how.kind === 'long') expect(out.text).toBe(h);
    else expect(graphemeCount(out.text)).toBeLessThanOrEqual(n);
    expect(out.text).toContain('HackerRank');
  });
});

describe('boundaryCuts', () => {
  it.each([
    ['Stevia First Looks to Disrupt Flavor Industry', 'Stevia First Looks'],
    ['Acme Teams Up with Globex on Robots', 'Acme Teams Up'],
    ['Jane Doe Named as Chief Executive of Acme', 'Jane Doe Named'],
    ['Prices Fall from $10 to $5 a Unit', 'Prices Fall from $10'],
    ['Acme Files for Bankruptcy Protection', 'Acme Files'],
  ])('never cuts "%s" to "%s"', (text, bad) => {
    expect(boundaryCuts(text).map((c) => c.text)).not.toContain(bad);
  });

  it('cuts at commas, colons, dashes and before "as"; not before the "for" of "Demand for"', () => {
    expect(
      boundaryCuts('Acme Wins Contract — Its Largest, as Orders Grow with Demand for Robots').map((c) => c.text),
    ).toEqual([
      'Acme Wins Contract',
      'Acme Wins Contract — Its Largest',
      'Acme Wins Contract — Its Largest, as Orders Grow',
    ]);
  });
});
