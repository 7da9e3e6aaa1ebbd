import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, readCorpusPage } from '../../fixtures/release/corpus-truth';
import { extractFromHtml } from '@/utils/release/node';
import { buildDraftSet } from '@/utils/engine/build';
import { releaseFacts } from '@/utils/engine/facts';
import { tone } from '@/utils/engine/text';
import { countChars } from '@/utils/platforms/count';
import { PLATFORMS, rulesFor } from '@/utils/platforms/registry';
import type { Draft } from '@/utils/contract/draft';
import type { Release } from '@/utils/contract/release';

/**
 * The copy check (issue 17): every draft (each platform, each angle) of every corpus release and every
 * synthetic fixture in tests/fixtures/copy obeys the copy rules. The rules are written here independently
 * of the engine's tables, so a table entry that lets bad copy through fails.
 */
const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/copy');
const pages = [
  ...CORPUS.filter((p) => p.kind !== 'negative').map((p) => ({
    name: p.file,
    html: () => readCorpusPage(p.file),
    url: p.url,
  })),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      name: `copy/${f}`,
      html: () => readFileSync(path.join(FIXTURES, f), 'utf8'),
      url: `https://www.prnewswire.com/news-releases/${f.replace('.html', '')}-300000001.html`,
    })),
];

/** Text that must never be ad text, as a reader would spot it. */
const NEVER = [
  /https?:\/\/|\bwww\./i,
  /\b[\w.+-]+@[\w-]+\.\w/,
  /\(PRNewsfoto|CNW Group\/|\bPhoto\s*[-–—:]|\bLogo\s*[-–—:]|\blogo\s+www\./i,
  /(?:^|\s)SOURCE\s+[A-Z]/,
  /\/PRNewswire\/|\/ ?ACCESSWIRE ?\/|\(BUSINESS WIRE\)|\(GLOBE NEWSWIRE\)|--\s*\(Marketwired/,
  /forward-looking statements|safe harbor|all rights reserved/i,
  /^(?:media |press )?contacts?\b/i,
  /View original content/i,
];

/** Where a headline may honestly end inside the original: its end, punctuation, a dash, or a boundary word. */
const ENDS_AT_BOUNDARY =
  /^(?:$|[,;:.!?]|\s+[-–—|]|\s+(?:to|for|with|as|amid|after|through|via|while|despite|following)\b)/i;
const DANGLING_END = /\b(?:a|an|the|of|and|or|in|on|at|by|from|to|for|with|its|their)$/i;
const FILLER =
  /^(?:read the full announcement from|announcement from|comment from|more from|context from|the numbers behind the news from|full announcement$)|\bnews$/i;
const norm = (s: string) =>
  tone(s)
    .replace(/\s*\((?:[A-Z]+\s*:\s*)?[A-Z.]{1,6}\)/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();

/** A headline is the source whole, or a piece of it (after "Company: " / "Download: ") that ends at a boundary. */
function honestHeadline(headline: string, sources: string[], company: string | null): boolean {
  const h = norm(headline)
    .replace(/^(?:download|register for):\s*/, '')
    .replace(/…$/, '');
  if (/^(?:download|register for) the [\w\s&.-]+$/.test(norm(headline))) return true;
  const body = company && h.startsWith(`${norm(company)}: `) ? h.slice(norm(company).length + 2) : h;
  return sources.map(norm).some((src) => {
    if (src === body) return true;
    const at = src.indexOf(body);
    if (at < 0) return false;
    return ENDS_AT_BOUNDARY.test(src.slice(at + body.length)) && !DANGLING_END.test(body);
  });
}

const bodyOf = (d: Draft) => (d as unknown as Record<string, string>)[PLATFORMS[d.platform].bodyField] ?? '';
const SHARE = /fb_share|twitter\.png|pinterest\.png|sprite|pixel|spacer/i;

describe.each(pages)('copy check: $name', ({ html, url }) => {
  const release: Release = extractFromHtml(html(), url);
  const facts = releaseFacts(release);
  const set = buildDraftSet(release, {}, { now: Date.parse('2030-01-01T00:00:00Z') });
  const alts = release.images.map((i) => i.alt.trim()).filter((a) => a.length >= 12);
  const hasPhoto = release.images.some(
    (i) => !i.logo && !(Math.max(i.width ?? 0, i.height ?? 0) > 0 && Math.max(i.width ?? 0, i.height ?? 0) < 200),
  );
  const cases = set.drafts.map((d) => ({ id: `${d.platform}/${d.angle}`, d }));

  it.each(cases)('$id: no caption, credit, link, SOURCE, contact or legal text', ({ d }) => {
    for (const text of [bodyOf(d), d.headline, d.description]) {
      for (const re of NEVER) expect(text, `${re}`).not.toMatch(re);
      for (const alt of alts) expect(text).not.toContain(alt);
    }
  });

  it.each(cases)('$id: headline whole, rewritten or cut at a phrase boundary; rationale honest', ({ d }) => {
    const sources = [
      release.headline,
      ...(set.drafts.filter((x) => x.angle === 'insight').length && facts.asset ? [facts.asset.label] : []),
    ];
    expect(honestHeadline(d.headline, sources, facts.company)).toBe(true);
    const rec = rulesFor(d.platform).fields.find((f) => f.key === 'headline')!;
    const over = countChars(d.headline, rec.counting) > rec.recommended.value;
    if (over) expect(set.lint[d.id]!.map((h) => h.code)).toContain('no-short-form');
    if (/headline cut/.test(d.rationale)) expect(norm(d.headline)).not.toBe(norm(release.headline));
    if (/whole headline/.test(d.rationale)) expect(over).toBe(true);
    expect(d.rationale).not.toMatch(/clause boundary/);
  });

  it.each(cases)('$id: every field within its platform limit', ({ d }) => {
    for (const f of rulesFor(d.platform).fields) {
      const n = countChars((d as unknown as Record<string, string>)[f.key] ?? '', f.counting);
      expect(n, f.key).toBeLessThanOrEqual(f.max.value);
    }
    expect(set.lint[d.id]!.filter((h) => h.code === 'over-max')).toEqual([]);
  });

  it.each(cases)('$id: description informative when the release has a deck or a fact', ({ d }) => {
    if (!(facts.subheadline || facts.figures.length || facts.event) || (d.angle === 'insight' && facts.asset)) return;
    expect(d.description).not.toMatch(FILLER);
    if (facts.company) expect(d.description).not.toBe(facts.company);
  });

  it.each(cases)('$id: image is a picture, a photo when there is one, a logo flagged', ({ d }) => {
    if (!d.imageUrl) return;
    expect(d.imageUrl).not.toMatch(SHARE);
    const chosen = release.images.find((i) => i.url === d.imageUrl)!;
    expect(chosen).toBeDefined();
    if (hasPhoto) expect(chosen.logo).toBeFalsy();
    else if (chosen.logo) expect(set.lint[d.id]!.map((h) => h.code)).toContain('logo-image');
    expect(d.rationale).toMatch(/Image: /);
  });
});
