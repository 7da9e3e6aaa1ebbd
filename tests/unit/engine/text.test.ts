import { describe, expect, it } from 'vitest';
import { graphemeCount } from '@/utils/platforms/count';
import { dehype, findHype, isShouting, sentences, slugify, tone, truncate, unshout } from '@/utils/engine/text';
import { splitDateline } from '@/utils/engine/dateline';

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis and never exceeds the limit', () => {
    const out = truncate('The quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe('The quick brown fox…');
    expect(graphemeCount(out)).toBeLessThanOrEqual(20);
  });
  it('leaves text that fits alone', () => expect(truncate('short', 10)).toBe('short'));
  it('does not split an emoji grapheme', () => {
    const out = truncate('👍🏽👍🏽👍🏽👍🏽👍🏽', 3);
    expect(graphemeCount(out)).toBe(3);
    expect(out).toBe('👍🏽👍🏽…');
  });
  it('falls back to a grapheme cut when there are no spaces', () => {
    expect(truncate('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
  it('drops dangling function words before the ellipsis', () => {
    expect(truncate('Acme partners with the city to build a bridge over the river', 30)).not.toMatch(
      /\b(the|to|with)…$/,
    );
  });
});

describe('sentences', () => {
  it('is not fooled by abbreviations', () => {
    expect(sentences('Acme Inc. opened a lab in Palo Alto, Calif. today. It has 12 staff.')).toEqual([
      'Acme Inc. opened a lab in Palo Alto, Calif. today.',
      'It has 12 staff.',
    ]);
  });
});

describe('tone', () => {
  it('finds and drops hype words', () => {
    expect(findHype('A revolutionary, game-changing platform')).toEqual(['revolutionary', 'game-changing']);
    expect(dehype('an innovative platform for flexible, innovative systems')).toBe('a platform for flexible systems');
  });
  it('flags PR clichés and rewrites them without losing the fact', () => {
    expect(findHype('Acme, a leading provider of robots, is pleased to announce X')).toEqual([
      'a leading provider',
      'is pleased to announce',
    ]);
    expect(tone('Acme, a leading global provider of robots, is pleased to announce a lab.')).toBe(
      'Acme, a provider of robots, announced a lab.',
    );
  });
  it('detects shouting but not acronyms', () => {
    expect(isShouting('ACME LAUNCHES AMAZING NEW PRODUCT TODAY')).toBe(true);
    expect(isShouting('NASDAQ-listed IDEX cuts debt by USD 10.6 million')).toBe(false);
    expect(unshout('ACME LAUNCHES NEW ROBOT FOR THE WAREHOUSE')).toBe('Acme Launches New Robot for the Warehouse');
    expect(unshout('ACME OPENS A LAB. THE LAB WILL HIRE 120 PEOPLE.')).toBe(
      'Acme opens a lab. The lab will hire 120 people.',
    );
  });
  it('slugifies', () => expect(slugify('HackerRank & Cybermedia: STEM!')).toBe('hackerrank-and-cybermedia-stem'));
});

describe('dateline', () => {
  it.each([
    [
      'PALO ALTO, Calif., April 25, 2016 /PRNewswire/ -- HackerRank, a platform',
      'PALO ALTO',
      'Calif.',
      'HackerRank, a platform',
    ],
    [
      'NEW YORK, June 11, 2020 /PRNewswire/ -- Ideanomics (NASDAQ: IDEX)',
      'NEW YORK',
      null,
      'Ideanomics (NASDAQ: IDEX)',
    ],
    [
      'SAN FRANCISCO, CA--(Marketwired - April 06, 2016) - Segment, the customer data hub',
      'SAN FRANCISCO',
      'CA',
      'Segment, the customer data hub',
    ],
    ['BOSTON--(BUSINESS WIRE)--Acme today said', 'BOSTON', null, 'Acme today said'],
    ['TORONTO, June 3, 2024 (GLOBE NEWSWIRE) -- Acme Corp. said', 'TORONTO', null, 'Acme Corp. said'],
  ])('%s', (para, city, region, rest) => {
    const { dateline, text } = splitDateline(para);
    expect(dateline?.city).toBe(city);
    expect(dateline?.region ?? null).toBe(region);
    expect(text).toBe(rest);
  });
  it('leaves a paragraph without a dateline alone', () => {
    expect(splitDateline('Acme said today it would open a lab.')).toEqual({
      dateline: null,
      text: 'Acme said today it would open a lab.',
    });
  });
});
