import { describe, expect, it } from 'vitest';
import { buildDraftSet } from '@/utils/engine/build';
import { lintDraft } from '@/utils/engine/lint';
import type { Draft } from '@/utils/contract/draft';
import { aRelease, NOW } from './builder';

const base = () =>
  buildDraftSet(aRelease({ images: [{ url: 'https://acme.example/lab.jpg', alt: 'Lab' }] }), {}, { now: NOW });
const meta = () => base().drafts.find((d) => d.platform === 'meta' && d.angle === 'news')!;
const li = () => base().drafts.find((d) => d.platform === 'linkedin' && d.angle === 'news')!;
const codes = (d: Draft, ctx = {}) => lintDraft(d, ctx).map((h) => `${h.severity}:${h.code}:${h.field}`);

describe('lintDraft', () => {
  it('a generated draft with an image has no errors or warnings', () => {
    expect(lintDraft(li()).filter((h) => h.severity !== 'info')).toEqual([]);
  });

  it('a Meta headline with no honest 40-character form stays whole and says why', () => {
    // "…Lab in Boston" is 42: every cut that fits 40 would end inside a phrase.
    expect(codes(meta())).toContain('info:no-short-form:headline');
    expect(lintDraft(meta()).filter((h) => h.severity === 'error')).toEqual([]);
  });

  it('flags a logo as the image', () => {
    expect(codes({ ...meta(), imageUrl: 'https://mma.prnewswire.com/media/1/Acme_Logo.jpg' })).toContain(
      'warning:logo-image:imageUrl',
    );
    expect(codes(meta())).not.toContain('warning:logo-image:imageUrl');
  });

  it.each([
    ['over the maximum', { headline: 'x '.repeat(130) }, 'error:over-max:headline'],
    [
      'over the recommended headline',
      { headline: 'A headline that runs well past the forty characters' },
      'warning:over-recommended:headline',
    ],
    [
      'over the recommended primary text is only info (See more)',
      { primaryText: 'word '.repeat(40) },
      'info:over-recommended:primaryText',
    ],
    ['empty primary text', { primaryText: '  ' }, 'error:empty:primaryText'],
    ['all caps', { headline: 'ACME OPENS BOSTON LAB' }, 'warning:all-caps:headline'],
    ['hype', { primaryText: 'A revolutionary robot.' }, 'warning:hype:primaryText'],
    ['missing link', { url: '' }, 'error:missing-link:url'],
    ['broken link', { url: 'not a url' }, 'error:bad-link:url'],
    ['no UTM', { url: 'https://acme.example/news' }, 'warning:no-utm:url'],
    [
      'wire page',
      { url: 'https://www.prnewswire.com/news-releases/x.html?utm_source=facebook' },
      'warning:wire-destination:destination',
    ],
    ['missing image', { imageUrl: null }, 'warning:missing-image:imageUrl'],
    ['http link', { url: 'http://acme.example/?utm_source=facebook' }, 'warning:insecure-link:destination'],
    ['unknown CTA', { cta: 'BUY_A_YACHT' }, 'error:bad-cta:cta'],
  ])('%s', (_name, patch, code) => {
    expect(codes({ ...meta(), ...patch } as Draft)).toContain(code);
  });

  it('counts emoji as one character each, like the platforms', () => {
    expect(codes({ ...li(), headline: '🚀'.repeat(200) } as Draft)).not.toContain('error:over-max:headline');
    expect(codes({ ...li(), headline: '🚀'.repeat(201) } as Draft)).toContain('error:over-max:headline');
  });

  it('explains why a wire destination is poor', () => {
    const hint = lintDraft({ ...meta(), url: 'https://www.globenewswire.com/news-release/x.html' } as Draft).find(
      (h) => h.code === 'wire-destination',
    )!;
    expect(hint.message).toMatch(/retargeting pixel/);
    expect(hint.message).toMatch(/link preview/);
  });

  it('audience below the platform minimum (Meta 100, LinkedIn 300)', () => {
    const m = { ...meta(), mediaListId: 'ml_1' } as Draft;
    const l = { ...li(), mediaListId: 'ml_1' } as Draft;
    expect(codes(m, { mediaListSize: 99 })).toContain('warning:audience-below-minimum:mediaListId');
    expect(codes(m, { mediaListSize: 100 })).not.toContain('warning:audience-below-minimum:mediaListId');
    expect(codes(l, { mediaListSize: 299 })).toContain('warning:audience-below-minimum:mediaListId');
    expect(codes(l, { mediaListSize: 5000 }).some((c) => c.includes('audience'))).toBe(false);
    expect(lintDraft(l, { mediaListSize: 10 }).find((h) => h.code === 'audience-below-minimum')!.message).toMatch(
      /job-title/,
    );
  });

  it('every hint carries a human message', () => {
    const hints = lintDraft({ ...meta(), url: '', headline: '', imageUrl: null, cta: 'X' } as Draft);
    for (const h of hints) expect(h.message.length).toBeGreaterThan(15);
  });
});
