import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { buildDraftSet } from '@/utils/engine/build';
import { countChars } from '@/utils/platforms/count';
import { rulesFor } from '@/utils/platforms/registry';

// Real pages, read in place. Assertions are engine invariants, not exact extractor output: the extractor is
// being rewritten in parallel and these must hold whatever it fills in.
const CORPUS = resolve(process.cwd(), '../shared/corpus');
const pages = [
  {
    file: 'prn-hackerrank-cybermedia.html',
    company: 'HackerRank',
    published: '2016-04-25T03:39:00-04:00',
    url: 'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html',
  },
  {
    file: 'prn-ideanomics-debt-reduction.html',
    company: 'Ideanomics',
    published: '2020-06-11T16:25:00-04:00',
    url: 'https://www.prnewswire.com/news-releases/ideanomics-announces-reduction-of-debt-holders-as-part-of-growth-plans-301074797.html',
  },
  {
    file: 'gnw-segment-launches-sources.html',
    company: 'Segment',
    published: '2016-04-06T16:00:00Z',
    url: 'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/Segment-Launches-Sources-to-Unify-Siloed-Customer-Data-in-Minutes.html',
  },
];

describe.each(pages)('$file', ({ file, url, company, published }) => {
  const release = extractFromHtml(readFileSync(resolve(CORPUS, file), 'utf8'), url);
  const now = Date.parse(published) + 6 * 3_600_000;
  const set = buildDraftSet(release, {}, { now });

  it('has at least three variants per platform, each within every limit', () => {
    for (const p of ['meta', 'linkedin'] as const) {
      const drafts = set.drafts.filter((d) => d.platform === p);
      expect(drafts.length).toBeGreaterThanOrEqual(3);
      expect(new Set(drafts.map((d) => d.angle))).toEqual(new Set(['news', 'quote', 'insight']));
      for (const d of drafts) {
        for (const f of rulesFor(p).fields) {
          expect(countChars((d as unknown as Record<string, string>)[f.key]!, f.counting)).toBeLessThanOrEqual(
            f.max.value,
          );
        }
        expect(set.lint[d.id]!.filter((h) => h.code === 'over-max')).toEqual([]);
      }
    }
  });

  it('tags every link with UTM for its platform and angle', () => {
    for (const d of set.drafts) {
      const q = new URL(d.url).searchParams;
      expect(q.get('utm_source')).toBe(d.platform === 'meta' ? 'facebook' : 'linkedin');
      expect(q.get('utm_medium')).toBe('paid_social');
      expect(q.get('utm_content')).toBe(d.angle);
      expect(q.get('utm_campaign')).toMatch(/-\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never leaks the dateline boilerplate into copy', () => {
    for (const d of set.drafts)
      expect(
        JSON.stringify([d.headline, d.description, d.platform === 'meta' ? d.primaryText : d.introText]),
      ).not.toMatch(/\/PRNewswire\/|--\s*\(Marketwired/);
  });

  it('runs the clock from publishedAt when the extractor has it', () => {
    if (!release.publishedAt) {
      expect(set.clock.status).toBe('unknown');
      return;
    }
    expect(Date.parse(release.publishedAt)).toBe(Date.parse(published));
    expect(Date.parse(set.clock.deadline!) - Date.parse(published)).toBe(72 * 3_600_000);
    expect(set.clock.status).toBe('on-track');
  });

  it('names the company in the news headline when the extractor found it', () => {
    const news = set.drafts.find((d) => d.angle === 'news')!;
    if (release.company) expect(news.headline).toContain(company);
  });

  it('has three audience presets per platform, each explained', () => {
    expect(set.audiences.filter((a) => a.platform === 'meta').map((a) => a.preset)).toEqual([
      'journalists',
      'bloggers',
      'pundits',
    ]);
    expect(set.audiences.filter((a) => a.platform === 'linkedin')).toHaveLength(3);
    for (const a of set.audiences) expect(a.explanation).toMatch(/\w{4,}/);
  });
});
