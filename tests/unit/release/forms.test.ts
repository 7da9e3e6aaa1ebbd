import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';

/**
 * Every dateline form the extractor anchors on, each in a small page of its own kind: the wires' forms on a
 * page that reposts the release (no adapter, no metadata: the text is all there is), a newsroom's forms on
 * a company site, and news agencies' forms, which are never a release's.
 */
const page = (lead: string, rest: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>Acme Opens Austin Plant | Portal</title></head><body>
   <div class="menu"><a href="/">Home</a> | <a href="/markets">Markets</a></div>
   <h1 class="logo">Portal</h1><div class="story"><h1>Acme Opens Austin Plant</h1>
   <p>${lead} Acme Corp. today opened a plant in Austin, adding two hundred jobs to the region this year.</p>
   <p>The plant will make anvils for the company's customers across the southern United States.</p>${rest}</div>
   <div class="footer-links"><p>Copyright 2024 Portal. All Right Reserved.</p></div></body></html>`;
const REPOST = 'https://finance.portal.example/news/acme-opens-austin-plant-123.html';
const NEWSROOM = 'https://www.acme.example/news/acme-opens-austin-plant';
const SOURCE = '<p>SOURCE Acme Corp.</p>';
const ABOUT = '<p>About Acme Corp.</p><p>Acme makes anvils.</p><p>Media contact: Dana Cole, press@acme.example</p>';

describe('wire datelines, on a page reposting the release', () => {
  test.each([
    ['NEW YORK, Jan. 7, 2008 /PRNewswire/ --', { city: 'NEW YORK', region: null, country: null }, '2008-01-07'],
    [
      'NEW YORK, Jan. 8, 2008 /PRNewswire-FirstCall/ --',
      { city: 'NEW YORK', region: null, country: null },
      '2008-01-08',
    ],
    ['BOSTON--(BUSINESS WIRE)--', { city: 'BOSTON', region: null, country: null }, null],
    ['WHITEFISH, MT / ACCESSWIRE / July 13, 2015 /', { city: 'WHITEFISH', region: 'MT', country: null }, '2015-07-13'],
    ['OTTAWA, 7 April 2017 /CNW/ -', { city: 'OTTAWA', region: null, country: null }, '2017-04-07'],
    ['MONTRÉAL, le 7 avril 2017 /CNW Telbec/ -', { city: 'MONTRÉAL', region: null, country: null }, '2017-04-07'],
    ['BOSTON, Jan. 08, 2024 (GLOBE NEWSWIRE) --', { city: 'BOSTON', region: null, country: null }, '2024-01-08'],
    [
      'SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -',
      { city: 'SAN FRANCISCO', region: 'CA', country: null },
      '2016-04-06',
    ],
    [
      'LONDON, ENGLAND, UNITED KINGDOM, June 3, 2024 /EINPresswire.com/ --',
      { city: 'LONDON', region: 'ENGLAND', country: 'UNITED KINGDOM' },
      '2024-06-03',
    ],
    [
      'Vancouver, British Columbia--(Newsfile Corp. - July 22, 2024) -',
      { city: 'Vancouver', region: 'British Columbia', country: null },
      '2024-07-22',
    ],
    ['SEATTLE (PRWEB) February 06, 2024 --', { city: 'SEATTLE', region: null, country: null }, '2024-02-06'],
    ['DENVER, Sept. 18, 2024 (Newswire.com) -', { city: 'DENVER', region: null, country: null }, '2024-09-18'],
    ['CHICAGO , May 7, 2026 /PRNewswire/ --', { city: 'CHICAGO', region: null, country: null }, '2026-05-07'],
    // a portal's mark before the release's own dateline: the dateline is the second
    [
      '/EINPresswire.com/ -- SAN FRANCISCO, CA--(Marketwired - August 11, 2016) -',
      { city: 'SAN FRANCISCO', region: 'CA', country: null },
      '2016-08-11',
    ],
  ])('%s', (lead, dateline, date) => {
    const r = extractFromHtml(page(lead, SOURCE), REPOST);
    expect(r).toMatchObject({
      isRelease: true,
      wire: 'generic',
      dateline,
      publishedAt: date,
      company: 'Acme Corp.',
      headline: 'Acme Opens Austin Plant',
    });
    expect(r.body[0]).toBe(
      `${lead} Acme Corp. today opened a plant in Austin, adding two hundred jobs to the region this year.`,
    );
    expect(r.body.join(' ')).not.toMatch(/Copyright|Markets/);
    expect(r.reasons.join()).toMatch(/wire dateline/);
  });

  test('a time printed without a zone takes the house zone of the wire the dateline names', () => {
    const r = extractFromHtml(page('TORONTO, March 12, 2024 8:30 AM /CNW/ -', SOURCE), REPOST);
    expect(r.publishedAt).toBe('2024-03-12T08:30:00-04:00');
  });
});

describe("a newsroom's own datelines, on the company's site", () => {
  test.each([
    ['AUSTIN, Texas, May 1, 2024 –', { city: 'AUSTIN', region: 'Texas', country: null }, '2024-05-01'],
    ['AUSTIN, Texas—May 1, 2024—', { city: 'AUSTIN', region: 'Texas', country: null }, '2024-05-01'],
    ['LONDON, 7 April 2017 –', { city: 'LONDON', region: null, country: null }, '2017-04-07'],
    ['RALEIGH, N.C. (Nov. 3, 2024) –', { city: 'RALEIGH', region: 'N.C.', country: null }, '2024-11-03'],
    ['DALLAS – (March 2, 2023) –', { city: 'DALLAS', region: null, country: null }, '2023-03-02'],
    ['PARIS, le 12 mars 2024 –', { city: 'PARIS', region: null, country: null }, '2024-03-12'],
    ['NEW YORK, NY, March 12th, 2024 –', { city: 'NEW YORK', region: 'NY', country: null }, '2024-03-12'],
    ['SAN DIEGO, CA / Oct. 16, 2014 /', { city: 'SAN DIEGO', region: 'CA', country: null }, '2014-10-16'],
    ['(Berlin) –', { city: 'Berlin', region: null, country: null }, null],
    ['WASHINGTON —', { city: 'WASHINGTON', region: null, country: null }, null],
  ])('%s', (lead, dateline, date) => {
    const r = extractFromHtml(page(lead, ABOUT), NEWSROOM);
    expect(r).toMatchObject({ isRelease: true, dateline, publishedAt: date, company: 'Acme Corp.' });
    expect(r.reasons.join()).toMatch(/dateline/);
    // the story starts after the dateline, its date included: its subject is the issuer
    expect(r.reasons).toContain('lead: "Acme Corp." announces');
    // the title's "Acme Opens…" opens with the host's name (acme.example) but is the headline, not the site
    expect(r.headline).toBe('Acme Opens Austin Plant');
  });

  test('a bare "SAN DIEGO" line before the first paragraph is the dateline, not a paragraph', () => {
    const r = extractFromHtml(page('', ABOUT).replace('<p> Acme', '<p>SAN DIEGO</p><p>Acme'), NEWSROOM);
    expect(r).toMatchObject({ isRelease: true, dateline: { city: 'SAN DIEGO', region: null, country: null } });
    expect(r.body[0]).toMatch(/^Acme Corp\. today opened/);
    expect(r.prose![0]).toMatch(/^Acme Corp\. today opened/);
  });
});

describe('releases in other languages: the same parts under their own names', () => {
  const german = (lead: string) =>
    `<!DOCTYPE html><html lang="de"><head><title>Acme eröffnet Werk in Bremen</title></head><body>
     <nav><a href="/">Start</a> | <a href="/presse">Presse</a></nav><article><h1>Acme eröffnet Werk in Bremen</h1>
     <p>${lead} Die Acme GmbH hat heute in Bremen ein neues Werk mit zweihundert Arbeitsplätzen eröffnet.</p>
     <p>Das Werk fertigt Ambosse für Kunden in ganz Norddeutschland.</p>
     <p>Über Acme GmbH</p><p>Acme stellt seit 1950 Ambosse her.</p>
     <p>Pressekontakt: Tim Vogel, presse@acme.example</p></article></body></html>`;

  test.each([
    ['BREMEN, 3. März 2026 /PRNewswire/ --', '2026-03-03'],
    ['BREMEN, 14. Oktober 2025 –', '2025-10-14'],
  ])('a German release (%s) with "Über" and "Pressekontakt" is a release', (lead, date) => {
    const r = extractFromHtml(german(lead), 'https://www.acme.example/presse/werk-bremen');
    expect(r).toMatchObject({ isRelease: true, publishedAt: date, company: 'Acme GmbH' });
    expect(JSON.stringify(r.contacts)).toMatch(/Tim Vogel/);
    expect(r.body.join(' ')).not.toMatch(/Presse \||Ambosse her/);
  });
});

describe('news agency datelines are not press-release datelines', () => {
  test.each(['LONDON, March 28 (Reuters) -', 'NEW YORK (AP) —', 'PARIS (AFP) -', 'TOKYO, May 2 (Bloomberg) --'])(
    '%s',
    (lead) => {
      // even with what else a release carries: an About block, a contact, an announcing lead
      const r = extractFromHtml(page(lead, ABOUT), 'https://finance.portal.example/news/acme-plant');
      expect(r.isRelease).toBe(false);
      expect(r.confidence).toBeLessThan(0.6);
      expect(r.reasons.join()).toMatch(/news agency dateline/);
    },
  );
});

describe('datelines that open news stories as often as releases', () => {
  test('"WASHINGTON —" is read as the dateline but does not count as evidence: a news story stays a news story', () => {
    const news = page('WASHINGTON —', '<p>Contact the reporter: sam@dailynews.example</p>').replace(
      '<title>Acme Opens Austin Plant | Portal',
      '<title>Acme Opens Austin Plant | Daily News',
    );
    const r = extractFromHtml(news, 'https://www.dailynews.example/business/acme-opens-austin-plant');
    expect(r.dateline).toEqual({ city: 'WASHINGTON', region: null, country: null });
    expect(r.isRelease).toBe(false);
    expect(r.confidence).toBeLessThan(0.6);
  });

  test('a byline\'s "Published March 3, 2024 –" is no dateline: a bare space before the date takes a parenthesis', () => {
    const news = page('Published March 3, 2024 –', '<p>Contact the reporter: sam@dailynews.example</p>');
    const r = extractFromHtml(news, 'https://www.dailynews.example/business/acme-opens-austin-plant');
    expect(r.dateline).toBeNull();
    expect(r.isRelease).toBe(false);
  });

  test('a bare "ADVERTISEMENT" line in capitals is the page\'s, not a city', () => {
    const news = page('', '<p>Contact the reporter: sam@dailynews.example</p>').replace(
      '<p> Acme',
      '<p>ADVERTISEMENT</p><p>Acme',
    );
    const r = extractFromHtml(news, 'https://www.dailynews.example/business/acme-opens-austin-plant');
    expect(r.dateline).toBeNull();
    expect(r.isRelease).toBe(false);
  });
});

describe("the issuer's own site: a distinctive word of its name opens a label of the host", () => {
  const release = (issuer: string) =>
    `<!DOCTYPE html><html lang="en"><head><title>Plant opens in Austin</title></head><body><article>
     <h1>Plant opens in Austin</h1>
     <p>AUSTIN, Texas, May 1, 2024 – ${issuer} today opened a plant in Austin, adding two hundred jobs to the region.</p>
     <p>The plant will make anvils for customers across the southern United States from next year.</p></article></body></html>`;
  const OWN = "on the issuer's own site";

  test.each([
    ['The Boeing Company', 'https://investors.boeing.com/investors/news/plant'],
    ['W.W. Grainger, Inc.', 'https://invest.grainger.com/news/plant'],
    ['3M Company', 'https://news.3m.com/2024-05-01-plant'],
    ['Bank of Canada', 'https://www.bankofcanada.ca/2024/05/plant/'],
  ])('%s on %s', (issuer, url) => {
    const r = extractFromHtml(release(issuer), url);
    expect(r.company).toBe(issuer);
    expect(r.reasons).toContain(OWN);
  });

  test.each([
    // a word inside a label, a one-letter word, a legal form: none names the site
    ['Biotech Inc.', 'https://www.fiercebiotech.com/biotech/plant'],
    ['W.W. Grainger, Inc.', 'https://www.wsj.com/articles/plant'],
    ['Acme Holdings Group', 'https://www.group.example/holdings/plant'],
  ])('not %s on %s', (issuer, url) => {
    const r = extractFromHtml(release(issuer), url);
    expect(r.company).toBe(issuer);
    expect(r.reasons).not.toContain(OWN);
  });
});

test('a newsroom lead with a trademark sign ("Acme® today announced") names the issuer, and /pr/ files a release', () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Acme - Press Info - Acme Raises Its Dividend</title></head>
    <body><nav><a href="/">Home</a></nav><div class="content"><h1 class="title">Acme Raises Its Dividend</h1>
    <p>AUSTIN, Texas—April 27, 2015—Acme® today announced that its board has raised the quarterly dividend by eleven percent.</p>
    <p>The dividend is payable on May 14, 2015 to shareholders of record as of May 11, 2015.</p></div></body></html>`;
  const r = extractFromHtml(html, 'https://www.acme.example/pr/library/2015/04/27Acme-Raises-Its-Dividend.html');
  expect(r.reasons).toEqual(expect.arrayContaining(['lead: "Acme" announces', 'a press-release page']));
  expect(r).toMatchObject({ isRelease: true, company: 'Acme', headline: 'Acme Raises Its Dividend' });
});
