import { describe, expect, test } from 'vitest';
import { DraftSchema, type Draft, type LinkedInDraft, type MetaDraft } from '@/utils/contract/draft';
import { DRAFT_MAX_BYTES, DRAFT_TEXT_LIMITS, type DraftTextField } from '@/utils/contract/limits';
import { draftLimits, fieldLimit, isLimitedField } from '@/utils/editor/field-limits';

const meta: MetaDraft = {
  id: 'd1',
  releaseId: 'rel-1',
  platform: 'meta',
  angle: 'news',
  rationale: 'Leads with the news.',
  status: 'draft',
  destination: 'https://example.com/news',
  utm: { source: 'facebook', medium: 'paid_social', campaign: 'launch', content: 'news' },
  url: 'https://example.com/news?utm_source=facebook',
  imageUrl: null,
  audience: 'journalists',
  mediaListId: null,
  createdAt: '2026-03-02T09:00:00Z',
  updatedAt: '2026-03-02T09:00:00Z',
  remote: {},
  primaryText: 'Acme launches a thing',
  headline: 'Acme launches',
  description: 'Read the release',
  cta: 'LEARN_MORE',
};
const { primaryText: _p, ...rest } = meta;
const linkedIn: LinkedInDraft = { ...rest, platform: 'linkedin', introText: 'Acme launches a thing' };

/** The draft with one text field set to `value` (`utm.source` sets draft.utm.source). */
function withField(d: Draft, field: DraftTextField, value: string): Draft {
  if (field.startsWith('utm.')) return { ...d, utm: { ...d.utm, [field.slice(4)]: value } };
  return { ...d, [field]: value } as Draft;
}
const fieldsOf = (d: Draft) =>
  (Object.keys(DRAFT_TEXT_LIMITS) as DraftTextField[]).filter((f) =>
    f.startsWith('utm.') ? true : Object.hasOwn(d, f),
  );

describe('the editor marks exactly what the server refuses', () => {
  // The server validates with DraftSchema; the editor reads DRAFT_TEXT_LIMITS. For every text field of
  // both platforms, text at the limit passes both, one character more fails both, naming the same field.
  for (const d of [meta, linkedIn]) {
    for (const field of fieldsOf(d)) {
      test(`${d.platform} ${field}`, () => {
        const max = DRAFT_TEXT_LIMITS[field];
        const at = withField(d, field, 'x'.repeat(max));
        expect(fieldLimit(at, field)).toMatchObject({ length: max, max, over: false, near: true });
        expect(DraftSchema.safeParse(at).success).toBe(true);
        expect(draftLimits(at).over).toEqual([]);

        const over = withField(d, field, 'x'.repeat(max + 1));
        expect(fieldLimit(over, field).over).toBe(true);
        const parsed = DraftSchema.safeParse(over);
        expect(parsed.success).toBe(false);
        expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual([field]);
        expect(draftLimits(over).over.map((l) => l.field)).toEqual([field]);
      });
    }
  }
});

describe('fieldLimit', () => {
  test('length is counted as the server counts it (UTF-16 units: an emoji is two)', () => {
    const d = withField(meta, 'headline', '🚀'.repeat(DRAFT_TEXT_LIMITS.headline / 2 + 1));
    expect(fieldLimit(d, 'headline')).toMatchObject({ length: DRAFT_TEXT_LIMITS.headline + 2, over: true });
  });

  test('near only within a tenth of the limit; a missing field is empty', () => {
    const max = DRAFT_TEXT_LIMITS.primaryText;
    expect(fieldLimit(withField(meta, 'primaryText', 'x'.repeat(max * 0.9)), 'primaryText').near).toBe(false);
    expect(fieldLimit(withField(meta, 'primaryText', 'x'.repeat(max * 0.9 + 1)), 'primaryText').near).toBe(true);
    expect(fieldLimit(meta, 'introText')).toMatchObject({ length: 0, over: false });
  });

  test('copy field keys are limited fields; other keys are not', () => {
    expect(['primaryText', 'introText', 'headline', 'description', 'utm.source'].every(isLimitedField)).toBe(true);
    expect(isLimitedField('status')).toBe(false);
    expect(isLimitedField('toString')).toBe(false);
  });
});

describe('draftLimits', () => {
  test('a draft within every limit has no message', () => {
    expect(draftLimits(meta)).toMatchObject({ over: [], tooLarge: false, message: null, maxBytes: DRAFT_MAX_BYTES });
  });

  test('names every field over its limit, with its length and the limit', () => {
    let d = withField(meta, 'headline', 'x'.repeat(1_234));
    d = withField(d, 'utm.campaign', 'y'.repeat(600));
    const l = draftLimits(d);
    expect(l.over.map((o) => o.field)).toEqual(['headline', 'utm.campaign']);
    expect(l.message).toBe(
      "Over the team server's limit, so it will not sync until shortened: headline (1,234 of 1,000), utm_campaign (600 of 500).",
    );
  });

  test('a draft whose every field is within its limit can still be over the per-draft size', () => {
    // Three-byte characters: each URL field at its length limit is 24 KiB of UTF-8.
    let d: Draft = meta;
    for (const f of ['destination', 'url', 'imageUrl'] as const) d = withField(d, f, '€'.repeat(DRAFT_TEXT_LIMITS[f]));
    const l = draftLimits(d);
    expect(l.over).toEqual([]);
    expect(l.bytes).toBeGreaterThan(DRAFT_MAX_BYTES);
    expect(l.tooLarge).toBe(true);
    expect(l.message).toMatch(
      /^This draft is \d+ KiB, over the team server's 64 KiB: it will not sync until shortened\.$/,
    );
  });
});
