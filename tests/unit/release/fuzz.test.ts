import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRelease } from '@/utils/release/extract';
import { emptyRelease } from '@/utils/release/empty';
import { parseDocument } from '@/utils/release/node';
import { CORPUS_DIR, CORPUS, readCorpusPage } from '../../fixtures/release/corpus-truth';

/**
 * Seeded fuzzing over mutated corpus pages: the extractor must never throw and must stay fast on any of
 * them. It calls `readRelease`, the extractor without extractRelease's try/catch, so a crash cannot hide
 * behind the safety net. Same seed, same pages, same verdict: a failure names its seed and iteration.
 */
const SEED = 0x5eed_2026;
const ITERATIONS = 2_000;
const MAX_MS_PER_PAGE = 1_000; // generous: a shared 2-core box runs other suites (and GC) alongside; the median is ~1 ms

/** mulberry32: small, fast, good enough to drive mutations reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Scripts (other than JSON-LD), styles, comments and most of the site chrome are dropped from the seeds:
// they make up most of each saved page's bytes, and parsing them thousands of times would only measure the
// parser. What is left is the head and ~65 KB around where the story starts.
function focus(html: string): string {
  const headEnd = Math.max(0, html.indexOf('</head>') + 7);
  const start = headEnd + (/release-header|main-body-container|<article|<p[ >]/i.exec(html.slice(headEnd))?.index ?? 0);
  return `${html.slice(0, headEnd)}<body>${html.slice(Math.max(headEnd, start - 5_000), start + 60_000)}`;
}
// Every real page (each at its own URL, so wire pages take their adapter and the others the off-wire
// path), then the synthetic pages of tests/fixtures/release.
const FIXTURES = path.resolve(__dirname, '../../fixtures/release');
const pages = [
  ...readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, html: readCorpusPage(file) })),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(path.join(FIXTURES, file), 'utf8') })),
];
const seeds = pages
  .map(({ file, html }) => ({
    file,
    url: CORPUS.find((p) => p.file === file)?.url ?? `https://www.example.com/news/${file}`,
    html: html
      .replace(/<script(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '<script></script>')
      .replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, ''),
  }))
  .map((seed) => ({ ...seed, html: focus(seed.html) }));

const JUNK = [
  '<p>',
  '</p>',
  '</div>',
  '<div class="release-body">',
  '<script type="application/ld+json">{"@type":"PressRelease",',
  '<br>',
  '<!--',
  '"',
  "'",
  '<',
  '>',
  '&amp',
  '/PRNewswire/ --',
  '(BUSINESS WIRE)--',
  'SOURCE ',
  'About ',
  '\u0000',
  '<h1>',
  '<table><tr><td>',
  '<svg><p>',
  '<template><p>x</template>',
];

type Mutation = (html: string, rand: () => number) => string;
const at = (html: string, rand: () => number) => Math.floor(rand() * html.length);
const MUTATIONS: Record<string, Mutation> = {
  truncate: (h, r) => h.slice(0, at(h, r)),
  deleteSlice: (h, r) => {
    const i = at(h, r);
    return h.slice(0, i) + h.slice(i + Math.floor(r() * 5_000));
  },
  duplicateSlice: (h, r) => {
    const i = at(h, r);
    const s = h.slice(i, i + Math.floor(r() * 3_000));
    return h.slice(0, i) + s + s + h.slice(i);
  },
  swapSlices: (h, r) => {
    const [i, j] = [at(h, r), at(h, r)].sort((a, b) => a - b) as [number, number];
    const n = Math.min(Math.floor(r() * 2_000), j - i);
    return h.slice(0, i) + h.slice(j, j + n) + h.slice(i + n, j) + h.slice(i, i + n) + h.slice(j + n);
  },
  garbleAttributes: (h, r) =>
    h.replace(/="/g, (m) => (r() < 0.2 ? ['=', '="', "='", ' ', '=""'][Math.floor(r() * 5)]! : m)),
  insertJunk: (h, r) => {
    let out = h;
    for (let k = 0; k < 1 + r() * 20; k++) {
      const i = at(out, r);
      out = out.slice(0, i) + JUNK[Math.floor(r() * JUNK.length)] + out.slice(i);
    }
    return out;
  },
};
const NAMES = Object.keys(MUTATIONS);

/** DOM-level damage after parsing: elements deleted, duplicated, moved. */
function shuffleDom(doc: Document, rand: () => number) {
  const all = [...doc.querySelectorAll('body *')];
  for (let k = 0; k < Math.min(all.length, 1 + rand() * 15); k++) {
    const el = all[Math.floor(rand() * all.length)]!;
    const other = all[Math.floor(rand() * all.length)]!;
    const op = rand();
    try {
      if (op < 0.4) el.remove();
      else if (op < 0.7) el.parentNode?.insertBefore(el.cloneNode(true), el);
      else if (!el.contains(other)) other.appendChild(el);
    } catch {
      /* the DOM refused the move (e.g. a cycle): the page is what it is */
    }
  }
}

describe('fuzz: mutated corpus pages', () => {
  test('every corpus page is a seed, at the URL the ground truth gives it', () => {
    for (const page of CORPUS) expect(seeds.find((s) => s.file === page.file)?.url).toBe(page.url);
  });

  test(`${ITERATIONS} seeded mutations never throw and stay under ${MAX_MS_PER_PAGE} ms`, () => {
    const rand = prng(SEED);
    let slowest = 0;
    let releases = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = seeds[i % seeds.length]!;
      let html = seed.html;
      const steps = 1 + Math.floor(rand() * 3);
      const applied: string[] = [];
      for (let s = 0; s < steps; s++) {
        const name = NAMES[Math.floor(rand() * NAMES.length)]!;
        applied.push(name);
        html = MUTATIONS[name]!(html, rand);
      }
      const doc = parseDocument(html);
      if (rand() < 0.5) shuffleDom(doc, rand);
      const r = emptyRelease(seed.url);
      const start = performance.now();
      try {
        readRelease(doc, seed.url, r);
      } catch (e) {
        throw new Error(
          `iteration ${i} (seed ${SEED}, ${seed.file}, ${applied.join('+')}) threw: ${(e as Error).stack}`,
          { cause: e },
        );
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      expect(ms, `iteration ${i} (${seed.file}, ${applied.join('+')}) took ${ms.toFixed(1)} ms`).toBeLessThan(
        MAX_MS_PER_PAGE,
      );
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      if (r.isRelease) releases++;
    }
    // The mutations must leave real work to do: many pages are still releases.
    expect(releases).toBeGreaterThan(ITERATIONS / 20);
    expect(slowest).toBeLessThan(MAX_MS_PER_PAGE);
  }, 120_000);
});
