import { describe, expect, it } from 'vitest';
import { buildUtm, hasUtm, relink, tagUrl, utmCampaign } from '@/utils/engine/utm';
import { buildDraftSet } from '@/utils/engine/build';
import { aRelease, NOW } from './builder';

const utm = { source: 'facebook', medium: 'paid_social', campaign: 'acme-lab-2026-11-20', content: 'news' };

describe('UTM', () => {
  it('adds the four parameters', () => {
    expect(tagUrl('https://acme.example/news', utm)).toBe(
      'https://acme.example/news?utm_source=facebook&utm_medium=paid_social&utm_campaign=acme-lab-2026-11-20&utm_content=news',
    );
  });
  it('keeps existing query parameters and the fragment', () => {
    const out = new URL(tagUrl('https://acme.example/news?lang=en&id=7#story', utm));
    expect(out.searchParams.get('lang')).toBe('en');
    expect(out.searchParams.get('id')).toBe('7');
    expect(out.hash).toBe('#story');
    expect(out.searchParams.get('utm_content')).toBe('news');
  });
  it('replaces stale utm_* rather than duplicating them', () => {
    const out = new URL(tagUrl('https://acme.example/?utm_source=newsletter&utm_term=x', utm));
    expect(out.searchParams.getAll('utm_source')).toEqual(['facebook']);
    expect(out.searchParams.get('utm_term')).toBe('x');
  });
  it('encodes values and leaves an unparseable link unchanged', () => {
    expect(tagUrl('https://a.example/', { ...utm, content: 'a b&c' })).toContain('utm_content=a+b%26c');
    expect(tagUrl('not a url', utm)).toBe('not a url');
    expect(hasUtm('not a url')).toBe(false);
  });
  it('campaign is the release slug plus its own publication date', () => {
    expect(
      utmCampaign(
        'Ideanomics Announces Reduction of Debt Holders',
        '2020-06-11T16:25:00-04:00',
        '2026-01-01T00:00:00Z',
      ),
    ).toBe('ideanomics-announces-reduction-of-debt-2020-06-11');
    expect(utmCampaign('', null, '2026-01-01T00:00:00Z')).toBe('release-2026-01-01');
  });
  it('kit defaults override, blanks do not', () => {
    expect(buildUtm(utm, { defaultUtm: { source: 'fb', campaign: '' } })).toEqual({ ...utm, source: 'fb' });
  });
});

describe('relink', () => {
  it('recomputes the tagged url when the destination or a UTM value changes', () => {
    const d = buildDraftSet(aRelease(), {}, { now: NOW }).drafts[0]!;
    const moved = relink(d, { destination: 'https://acme.example/press?x=1', utm: { content: 'news-b' } });
    expect(moved.url).toBe(
      'https://acme.example/press?x=1&utm_source=facebook&utm_medium=paid_social&utm_campaign=acme-robotics-opens-research-lab-2026-11-20&utm_content=news-b',
    );
    expect(moved.platform).toBe(d.platform);
  });
});
