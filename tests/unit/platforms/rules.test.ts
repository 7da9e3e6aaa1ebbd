import { describe, expect, it } from 'vitest';
import { countChars, graphemeCount } from '@/utils/platforms/count';
import { fieldRule, PLATFORM_IDS, rulesFor } from '@/utils/platforms/registry';
import { campaignFor } from '@/utils/platforms/campaign-registry';
import { LinkedInCopySchema, MetaCopySchema } from '@/utils/contract/draft';

const DOC_URL = /^https:\/\/[\w.-]+\.[a-z]{2,}\//;

describe('platform rules are data with sources', () => {
  it.each(PLATFORM_IDS)('%s: every value names the documentation page it came from', (p) => {
    const r = { ...rulesFor(p), ...campaignFor(p) };
    for (const f of r.fields) {
      expect(f.recommended.source).toMatch(DOC_URL);
      expect(f.max.source).toMatch(DOC_URL);
      expect(f.recommended.value).toBeLessThanOrEqual(f.max.value);
    }
    for (const o of [...r.ctas, ...r.objectives, ...r.facets]) expect(o.source).toMatch(DOC_URL);
    expect(r.audienceMinimum.source).toMatch(DOC_URL);
  });

  it('field keys are the Draft schema keys', () => {
    const copyKeys = (s: { shape: object }) => Object.keys(s.shape).filter((k) => k !== 'cta');
    expect(rulesFor('meta').fields.map((f) => f.key)).toEqual(copyKeys(MetaCopySchema));
    expect(rulesFor('linkedin').fields.map((f) => f.key)).toEqual(copyKeys(LinkedInCopySchema));
  });

  it.each([
    ['linkedin', 'introText', 150, 600],
    ['linkedin', 'headline', 70, 200],
    ['linkedin', 'description', 100, 300],
    ['meta', 'primaryText', 125, 2200],
    ['meta', 'headline', 40, 255],
    ['meta', 'description', 30, 255],
  ] as const)('%s %s: %i recommended, %i max', (p, key, rec, max) => {
    expect(fieldRule(p, key)).toMatchObject({ recommended: { value: rec }, max: { value: max } });
  });

  it('CTA enums, objectives and audience minimums', () => {
    const meta = { ...rulesFor('meta'), ...campaignFor('meta') };
    const li = { ...rulesFor('linkedin'), ...campaignFor('linkedin') };
    expect(meta.ctas.map((c) => c.value)).toEqual(
      expect.arrayContaining(['LEARN_MORE', 'DOWNLOAD', 'SIGN_UP', 'SUBSCRIBE']),
    );
    expect(li.ctas.map((c) => c.value)).toEqual(
      expect.arrayContaining(['LEARN_MORE', 'DOWNLOAD', 'REGISTER', 'SUBSCRIBE']),
    );
    expect(meta.objectives.every((o) => o.value.startsWith('OUTCOME_'))).toBe(true);
    expect(li.objectives.map((o) => o.value)).toEqual(
      expect.arrayContaining(['BRAND_AWARENESS', 'WEBSITE_VISIT', 'ENGAGEMENT']),
    );
    expect(meta.audienceMinimum.value).toBe(100);
    expect(li.audienceMinimum.value).toBe(300);
    expect(li.facets.find((f) => f.id === 'titles')!.excludes).toEqual(['functions', 'seniorities']);
  });
});

describe('counting as the platforms count', () => {
  it.each([
    ['plain', 'hello', 5],
    ['accent precomposed', 'é', 1],
    ['accent combining', 'e\u0301', 1],
    ['emoji with skin tone', '👍🏽', 1],
    ['family ZWJ emoji', '👨‍👩‍👧', 1],
    ['flag', '🇫🇷', 1],
    ['CJK', '漢字', 2],
    ['CRLF', 'a\r\nb', 3],
  ])('%s', (_n, text, n) => expect(graphemeCount(text)).toBe(n));

  it('can count URLs at a fixed length when a platform shortens them', () => {
    expect(countChars('see https://example.com/a/very/long/path', { unit: 'graphemes', urlLength: 23 })).toBe(4 + 23);
    expect(countChars('see https://example.com/x', { unit: 'graphemes', urlLength: null })).toBe(25);
  });
});
