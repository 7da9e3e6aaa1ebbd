import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI end to end, as acceptance scripts call it (tsx, relative imports, real corpus pages).
const root = process.cwd();
const corpus = (f: string) => resolve(root, '../shared/corpus', f);
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/draft.ts', ...args], { cwd: root, encoding: 'utf8' });
const URL_HR =
  'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html';

describe('npm run draft', () => {
  it('prints the draft set as JSON for a release page', () => {
    const r = run(corpus('prn-hackerrank-cybermedia.html'), '--url', URL_HR, '--now', '2016-04-25T12:00:00Z');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.release.headline).toMatch(/HackerRank/);
    expect(out.clock).toMatchObject({
      publishedAt: '2016-04-25T03:39:00-04:00',
      deadline: '2016-04-28T03:39:00-04:00',
      status: 'on-track',
    });
    const meta = out.drafts.find((d: { platform: string }) => d.platform === 'meta');
    const li = out.drafts.find((d: { platform: string }) => d.platform === 'linkedin');
    for (const k of ['angle', 'primaryText', 'headline', 'description', 'cta', 'url']) expect(meta).toHaveProperty(k);
    for (const k of ['angle', 'introText', 'headline', 'description', 'cta', 'url']) expect(li).toHaveProperty(k);
    for (const a of out.audiences) for (const k of ['platform', 'preset', 'explanation']) expect(a).toHaveProperty(k);
  }, 30_000);

  it('refuses a page that is not a release, on stderr with a non-zero exit', () => {
    const r = run(corpus('neg-prn-ism-search-listing-excerpt.html'), '--url', 'https://www.prnewswire.com/news/');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/does not look like a press release/);
  }, 30_000);

  it.each([
    [['/nonexistent/page.html', '--url', URL_HR], /cannot read/],
    [[corpus('prn-hackerrank-cybermedia.html')], /--url is required/],
    [[corpus('prn-hackerrank-cybermedia.html'), '--url', URL_HR, '--now', 'soon'], /--now/],
  ])(
    'bad input %j exits 2 with a message',
    (args, message) => {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    },
    30_000,
  );
});
