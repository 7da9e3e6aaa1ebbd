import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { ReleaseSchema } from '@/utils/contract/release';

/** A small page: head markup and body markup. */
const page = (head: string, body: string, lang = 'en') =>
  `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const NEWSROOM = 'https://www.acme.example/newsroom/acme-opens-austin-plant';
const PRN_URL = 'https://www.prnewswire.com/news-releases/acme-opens-austin-plant-302000001.html';
const prnPage = (story: string, extraHead = '') =>
  page(
    `<title>Acme Opens Austin Plant</title>${extraHead}`,
    `<article><header class="release-header"><h1>Acme Opens Austin Plant</h1><p class="mb-no">May 1, 2024, 08:00 ET</p></header>
     <section class="release-body container ">${story}</section></article>`,
  );

describe('edge cases', () => {
  test('missing fields: a bare release still extracts what it has, and nulls the rest', () => {
    const r = extractFromHtml(
      page(
        '',
        '<h1>Acme Opens Austin Plant</h1><div><p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p><p>About Acme</p><p>Acme makes anvils.</p></div>',
        '',
      ),
      NEWSROOM,
    );
    expect(r).toMatchObject({
      isRelease: true,
      wire: 'generic',
      headline: 'Acme Opens Austin Plant',
      subheadline: null,
      publishedAt: '2024-05-01',
      company: 'Acme',
      dateline: { city: 'AUSTIN', region: 'Texas', country: null },
      canonicalUrl: null,
      language: null,
      contacts: [],
      quotes: [],
      tickers: [],
      assets: [],
      images: [],
    });
    expect(() => ReleaseSchema.parse(r)).not.toThrow();
  });

  test('two datelines: the first one is the release’s; the one quoted further down changes nothing', () => {
    const r = extractFromHtml(
      prnPage(`<p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p>
        <p>More.</p><p>Even more.</p><p>Still more.</p>
        <p>NEW YORK, Jan. 2, 2020 /PRNewswire/ -- (from Acme's earlier announcement) Acme chose Austin.</p>
        <blockquote><p>CHICAGO, March 3, 2019 /PRNewswire/ -- quoted.</p></blockquote><p>SOURCE Acme</p>`),
      PRN_URL,
    );
    expect(r.dateline).toEqual({ city: 'AUSTIN', region: 'Texas', country: null });
    expect(r.publishedAt).toBe('2024-05-01T08:00:00-04:00');
    expect(r.isRelease).toBe(true);
    expect(r.reasons.join()).not.toMatch(/listing/);
  });

  test('malformed JSON-LD: repaired when it can be (trailing comma, raw newline), skipped when not', () => {
    const repaired = extractFromHtml(
      page(
        `<script type="application/ld+json">{"@type":"PressRelease","headline":"Acme Opens
         Austin Plant","datePublished":"2024-05-01T08:00:00-05:00","publisher":{"name":"Acme Corp."},}</script>`,
        '<main><p>Acme opened a plant in Austin today, adding two hundred jobs to the region, the company said in its announcement to partners and staff.</p><p>About Acme</p><p>Acme makes anvils.</p></main>',
      ),
      NEWSROOM,
    );
    expect(repaired.reasons).toContain('JSON-LD PressRelease');
    expect(repaired).toMatchObject({
      isRelease: true,
      company: 'Acme Corp.',
      publishedAt: '2024-05-01T08:00:00-05:00',
    });

    const hopeless = extractFromHtml(
      page(
        '<script type="application/ld+json">{"@type": "PressRelease", </script><script type="application/ld+json">[[[</script>',
        '<p>Hello</p>',
      ),
      NEWSROOM,
    );
    expect(hopeless.isRelease).toBe(false);
  });

  test('JSON-LD with capitalised keys and a nested @graph', () => {
    const r = extractFromHtml(
      page(
        `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","mainEntity":{"@type":"PressRelease","Headline":"Acme &amp; Co Open Plant","DatePublished":"2024-05-01T08:00:00-05:00","Author":{"Name":"Acme &amp; Co"}}}]}</script>`,
        '<main><p>AUSTIN, Texas, May 1, 2024 -- Acme &amp; Co opened a plant in Austin today, adding two hundred jobs to the region.</p></main>',
      ),
      NEWSROOM,
    );
    expect(r).toMatchObject({
      headline: 'Acme & Co Open Plant',
      company: 'Acme & Co',
      publishedAt: '2024-05-01T08:00:00-05:00',
      isRelease: true,
    });
  });

  test('empty body: not a release (nothing to draft from), and says why', () => {
    const r = extractFromHtml(prnPage(''), PRN_URL);
    expect(r.isRelease).toBe(false);
    expect(r.reasons).toContain('no release body');
    expect(r.headline).toBe('Acme Opens Austin Plant');
  });

  test('hostile markup is read as text and never passed on as HTML or script', () => {
    const r = extractFromHtml(
      prnPage(
        `<p onclick="steal()">AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme<script>alert("x")</script> opened a plant.<img src=x onerror="alert(1)"></p>
         <p>Get the <a href="javascript:alert(1)">data sheet</a> and the <a href="data:text/html,<script>alert(1)</script>">white paper</a>.</p>
         <p><style>p{}</style><b>About Acme</b></p><p>Acme makes anvils &lt;script&gt;.</p><p>SOURCE Acme</p>`,
        '<link rel="canonical" href="javascript:alert(1)"><meta property="og:image" content="javascript:alert(2)">',
      ).replace('<h1>', '<h1 onmouseover="alert(3)"><script>alert(4)</script>'),
      PRN_URL,
    );
    expect(JSON.stringify(r)).not.toMatch(/alert\(|javascript:|data:|onerror|onclick|onmouseover|steal/i);
    expect(r.body[0]).toBe('AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.');
    expect(r.about).toEqual(['Acme makes anvils <script>.']); // the page's own escaped text, kept as text
    expect(r).toMatchObject({ headline: 'Acme Opens Austin Plant', canonicalUrl: null, assets: [], isRelease: true });
    for (const { url } of r.images) expect(url).toMatch(/^https:\/\//);
  });

  test('an enormous page is read in bounded time and the body is capped', () => {
    const story = Array.from(
      { length: 20_000 },
      (_, i) => `<p>Paragraph ${i} of a very long release about anvils and plants.</p>`,
    ).join('');
    const html = prnPage(`<p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p>${story}`);
    const start = performance.now();
    const r = extractFromHtml(html, PRN_URL);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(r.isRelease).toBe(true);
    expect(r.body.length).toBeLessThanOrEqual(601);
  });

  test('an invalid URL is no wire and no error', () => {
    const r = extractFromHtml(prnPage('<p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme.</p>'), 'not a url');
    expect(r.wire).toBeNull();
    expect(() => ReleaseSchema.parse(r)).not.toThrow();
  });
});

describe('generic strategy (company newsrooms and other sites)', () => {
  test('a newsroom release: plain dateline, About boilerplate and a media contact', () => {
    const r = extractFromHtml(
      page(
        '<meta property="og:title" content="Acme Opens Austin Plant"><link rel="canonical" href="/newsroom/acme-opens-austin-plant">',
        `<nav><p>Products</p></nav><article><h1>Acme Opens Austin Plant</h1>
         <p>AUSTIN, Texas, May 1, 2024 – Acme Corp. (NASDAQ: ACME) today opened its fourth plant.</p>
         <p>“Austin gives us room to grow,” said Jane Roe, chief executive officer.</p>
         <h3>About Acme Corp.</h3><p>Acme makes anvils.</p>
         <h3>Media Contact</h3><p>Jane Doe<br>press@acme.example<br>+1 512 555 0100</p></article>`,
      ),
      NEWSROOM,
    );
    expect(r).toMatchObject({
      isRelease: true,
      wire: 'generic',
      company: 'Acme Corp.',
      publishedAt: '2024-05-01',
      dateline: { city: 'AUSTIN', region: 'Texas', country: null },
      canonicalUrl: 'https://www.acme.example/newsroom/acme-opens-austin-plant',
      tickers: [{ exchange: 'NASDAQ', symbol: 'ACME' }],
      quotes: [{ speaker: 'Jane Roe', text: 'Austin gives us room to grow.' }],
      contacts: [{ name: 'Jane Doe', email: 'press@acme.example', phone: '+1 512 555 0100' }],
      about: ['Acme makes anvils.'],
    });
  });

  test('a news story that quotes a company and mentions its press release is not a release', () => {
    const r = extractFromHtml(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Acme opens plant","author":{"@type":"Person","name":"A. Reporter"},"publisher":{"name":"Daily News"}}</script>',
        `<article><h1>Acme opens plant</h1><p>NEW YORK (AP) — Acme Corp. (NASDAQ: ACME) said in a press release on Monday that it will open a plant in Austin.</p>
         <p>“We are thrilled,” said Jane Roe, Acme's chief executive, in the statement.</p><p>About 200 jobs are expected.</p>
         <p>Contact the newsroom at tips@dailynews.example.</p></article>`,
      ),
      'https://dailynews.example/business/acme-opens-plant',
    );
    expect(r.isRelease).toBe(false);
    expect(r.confidence).toBeLessThan(0.6);
  });

  test('a listing of release excerpts (newsroom index, wire search page) is not a release', () => {
    const card = (city: string, day: number) =>
      `<div class="card"><h3><a href="/r/${day}">Acme news ${day}</a></h3><p>${city}, May ${day}, 2024 /PRNewswire/ -- Acme announced news number ${day}.</p></div>`;
    const r = extractFromHtml(
      page(
        '<title>News releases</title>',
        `<h1>News releases</h1>${card('AUSTIN', 1)}${card('BOSTON', 2)}${card('DENVER', 3)}`,
      ),
      'https://www.prnewswire.com/news-releases/',
    );
    expect(r.isRelease).toBe(false);
    expect(r.reasons.join()).toMatch(/3 excerpts: a listing/);
  });

  test('NewsArticle JSON-LD alone is not enough', () => {
    const r = extractFromHtml(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Acme opens plant","datePublished":"2024-05-01T08:00:00Z"}</script>',
        '<article><h1>Acme opens plant</h1><p>Acme opened a plant in Austin on Monday, in a move analysts had expected for months, adding two hundred jobs.</p></article>',
      ),
      'https://dailynews.example/business/acme',
    );
    expect(r.isRelease).toBe(false);
    expect(r.reasons).toContain('JSON-LD NewsArticle (weak alone)');
  });
});

describe('the headline on a page reposting the release', () => {
  test("a linked teaser one word off the title is another release's, not this one's headline", () => {
    const r = extractFromHtml(
      page(
        '<title>Acme Reports Results for the First Quarter 2026 | Portal</title>',
        `<div class="headline">Acme Reports Results for the First Quarter 2026</div>
         <div class="story"><p>CHICAGO, May 7, 2026 /PRNewswire/ -- Acme Corp. today reported first quarter results.</p>
         <p>Sales rose four percent on strong demand for anvils across the southern United States.</p><p>SOURCE Acme Corp.</p></div>
         <ul class="more"><li><a href="/news/acme-q2"><h3>Acme Reports Results for the Second Quarter 2026</h3></a></li>
         <li><a href="/news/acme-q4"><h3>Acme Reports Results for the Fourth Quarter 2025</h3></a></li></ul>`,
      ),
      'https://finance.portal.example/news/acme-q1-2026',
    );
    expect(r).toMatchObject({ isRelease: true, headline: 'Acme Reports Results for the First Quarter 2026' });
  });
});
