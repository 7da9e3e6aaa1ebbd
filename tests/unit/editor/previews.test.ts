import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { feedCut } from '@/utils/editor/preview';
import { FacebookPreview } from '@/components/platforms/meta/Preview';
import { LinkedInPreview } from '@/components/platforms/linkedin/Preview';
import { ReleaseCard } from '@/components/release/ReleaseCard';
import { graphemes } from '@/utils/engine/text';
import { emptyRelease } from '@/utils/release/empty';
import type { LinkedInDraft, MetaDraft } from '@/utils/contract/draft';

const base = {
  id: 'd1',
  releaseId: 'r1',
  angle: 'news',
  rationale: '',
  status: 'draft',
  destination: 'https://www.acme.example/news',
  utm: { source: 'facebook', medium: 'paid_social', campaign: 'c', content: 'news' },
  url: 'https://www.acme.example/news?utm_source=facebook',
  imageUrl: null,
  audience: 'journalists',
  mediaListId: null,
  createdAt: '',
  updatedAt: '',
  remote: {},
} as const;
const long =
  'Acme Analytics today published the 2026 Newsroom Data Report, which finds that newsrooms sharing a central data desk cut the time spent fact-checking figures by 40 percent.';

describe('feed previews', () => {
  it('cuts at the platform fold on a word boundary, never inside a grapheme', () => {
    const { shown, cut } = feedCut(long, 125);
    expect(cut).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(125);
    expect(long.startsWith(shown)).toBe(true);
    expect(long[shown.length]).toMatch(/[\s,]/);
    const emoji = '👩🏽‍💻'.repeat(10);
    expect(feedCut(emoji, 4, graphemes).shown).toBe('👩🏽‍💻'.repeat(4));
    expect(feedCut('short', 125)).toEqual({ shown: 'short', cut: false });
  });

  it('Facebook card: page name, Sponsored, text folded with "See more", domain, headline, CTA label', () => {
    const draft: MetaDraft = {
      ...base,
      platform: 'meta',
      primaryText: long,
      headline: 'Newsrooms cut fact-checking 40%',
      description: 'The 2026 report',
      cta: 'DOWNLOAD',
    };
    const html = renderToStaticMarkup(createElement(FacebookPreview, { draft, company: 'Acme Analytics' }));
    expect(html).toContain('Sponsored');
    expect(html).toContain('See more</button>');
    expect(html).not.toContain('by 40 percent.');
    expect(html).toContain('ACME.EXAMPLE');
    expect(html).toContain('Download</span>');
  });

  it('LinkedIn card: Promoted, intro folded at 150 with "see more", headline and CTA', () => {
    const draft: LinkedInDraft = {
      ...base,
      platform: 'linkedin',
      introText: `${long} ${long}`,
      headline: 'Newsrooms cut fact-checking 40%',
      description: '',
      cta: 'LEARN_MORE',
    };
    const html = renderToStaticMarkup(createElement(LinkedInPreview, { draft, company: 'Acme Analytics' }));
    expect(html).toContain('Promoted');
    expect(html).toContain('see more</button>');
    expect(html).toContain('Learn more</span>');
  });

  it.each([
    [5, 'hit the wire 5 h ago · 67 h left · on track'],
    [60, 'hit the wire 2 days ago · 12 h left · at risk'],
    [80, 'hit the wire 3 days ago · 72-hour window closed · missed'],
  ])('release card clock %i h after publishing', (hours, text) => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const release = {
      ...emptyRelease('https://www.prnewswire.com/x.html'),
      isRelease: true,
      headline: 'H',
      company: 'Acme',
      publishedAt: new Date(now - hours * 3_600_000).toISOString(),
    };
    const html = renderToStaticMarkup(createElement(ReleaseCard, { release, now }));
    expect(html.replace(/<[^>]+>/g, '')).toContain(text);
  });
});
