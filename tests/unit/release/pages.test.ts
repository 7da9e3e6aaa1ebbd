import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { ReleaseSchema } from '@/utils/contract/release';
import { holds, type Fact } from '../../fixtures/release/corpus-truth';

/**
 * Whole synthetic pages (tests/fixtures/release) of the kinds the extractor meets off the wires: a release
 * reposted on a news portal or a finance portal, company newsrooms, and the news pages and listings that
 * look like releases and are not.
 */
const PAGES: { file: string; url: string; facts: Fact[] }[] = [
  {
    file: 'syndicated-portal-prn-2008.html',
    url: 'https://www.reuters.example/article/pressRelease/idUS123456+07-Jan-2008+PRN20080107',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'generic' },
      {
        field: 'headline',
        expected: 'Harbor Freight Lines Reports Record December Volumes',
        note: 'not the logo h1, not the title with " | Reuters"',
      },
      { field: 'publishedAt', expected: '2008-01-07', note: 'only the dateline prints it' },
      { field: 'company', expected: 'Harbor Freight Lines, Inc.' },
      { field: 'dateline', expected: { city: 'NEW YORK', region: null, country: null } },
      { field: 'body', expected: 'NEW YORK, Jan. 7, 2008 /PRNewswire/ -- Harbor Freight Lines', compare: 'startsWith' },
      { field: 'body', expected: 'Reuters.com: Help and Contact Us', compare: 'excludes', note: 'the site footer' },
      { field: 'body', expected: 'All Right Reserved', compare: 'excludes' },
      { field: 'body', expected: 'Lakeside Dairy', compare: 'excludes', note: 'the sponsored "Press Releases" box' },
      {
        field: 'contacts',
        expected: [{ name: 'Tom Alvarez', email: 'press@hfl.example', phone: '+1-212-555-0188' }],
        note: 'after the SOURCE line',
      },
      { field: 'tickers', expected: [{ exchange: 'NASDAQ', symbol: 'HFLX' }] },
      { field: 'quotes', expected: { speaker: 'Ellen Brooks' }, compare: 'includes' },
    ],
  },
  {
    file: 'syndicated-portal-gnw.html',
    url: 'https://www.marketfeed.example/news/northgate-bio-starts-phase-2-trial-of-ng-101',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Northgate Bio Starts Phase 2 Trial of NG-101' },
      { field: 'publishedAt', expected: '2024-01-08T13:30:00Z', note: 'metadata that agrees with the dateline day' },
      {
        field: 'company',
        expected: 'Northgate Bio',
        note: 'never the portal (JSON-LD publisher) or the wire (author)',
      },
      { field: 'dateline', expected: { city: 'BOSTON', region: null, country: null } },
      { field: 'body', expected: 'More from MarketFeed', compare: 'excludes' },
      { field: 'body', expected: 'forward-looking', compare: 'excludes', note: 'legal boilerplate goes with About' },
      { field: 'contacts', expected: [{ name: 'Priya Shah', email: 'media@northgate.example', phone: null }] },
    ],
  },
  {
    file: 'newsroom-emdash-2024.html',
    url: 'https://news.acme.example/2024/05/01/acme-opens-austin-plant/',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Acme Opens Austin Plant', note: 'not the site-title h1' },
      { field: 'publishedAt', expected: '2024-05-01' },
      { field: 'company', expected: 'Acme Corp.' },
      {
        field: 'dateline',
        expected: { city: 'AUSTIN', region: 'Texas', country: null },
        note: '"AUSTIN, Texas—May 1, 2024—"',
      },
      { field: 'body', expected: 'Photo: Acme', compare: 'excludes', note: 'the figure caption' },
      { field: 'body', expected: 'Recent posts', compare: 'excludes' },
      { field: 'body', expected: 'names new CFO', compare: 'excludes' },
      { field: 'prose', expected: 'Photo - https://', compare: 'excludes', note: 'media lines are not copy' },
      {
        field: 'body',
        expected: 'Photo - https://news.acme.example/media/austin-plant.jpg',
        compare: 'includes',
        note: "but they are the release's text",
      },
      {
        field: 'images',
        expected: [
          {
            url: 'https://news.acme.example/wp-content/uploads/2024/05/austin-plant.jpg',
            alt: 'The new Acme plant in Austin',
            logo: false,
            width: 1200,
            height: 630,
          },
        ],
        note: 'og:image and its 1024x576 copy are one photo; no share button',
      },
      { field: 'contacts', expected: [{ name: 'Dana Cole', email: 'press@acme.example', phone: '+1 512 555 0100' }] },
      { field: 'reasons', expected: "on the issuer's own site", compare: 'includes' },
    ],
  },
  {
    file: 'newsroom-paren-city-de.html',
    url: 'https://www.nordlicht.example/en/press/speicherwerk',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'dateline', expected: { city: 'Berlin', region: null, country: null } },
      { field: 'publishedAt', expected: '2024-03-12', note: 'a date standing alone by the headline' },
      { field: 'company', expected: 'Nordlicht Energie GmbH', note: 'the announcing lead' },
      {
        field: 'contacts',
        expected: [{ name: 'Lena Maier', email: 'presse@nordlicht.example', phone: '+49 30 555 0100' }],
      },
      { field: 'language', expected: 'de' },
    ],
  },
  {
    file: 'syndicated-cnw-telbec-fr.html',
    url: 'https://www.portail-finance.example/nouvelles/hydro-sud-centrale-solaire',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'publishedAt', expected: '2017-04-07', note: 'French month, day first' },
      { field: 'dateline', expected: { city: 'MONTRÉAL', region: null, country: null } },
      { field: 'company', expected: 'Hydro-Sud inc.' },
      {
        field: 'about',
        expected: ["Hydro-Sud produit de l'électricité renouvelable au Québec depuis 1998."],
        note: '"À propos d\'Hydro-Sud"',
      },
      {
        field: 'contacts',
        expected: [{ name: 'Julie Tremblay', email: 'medias@hydrosud.example', phone: '514-555-0123' }],
      },
    ],
  },
  {
    file: 'newsroom-ir-prn-repost.html',
    url: 'https://corporate.acme.example/news/2025-09-30-Acme-Launches-Global-Racing-Organization',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Acme Launches Global Racing Organization', note: 'in a div, and og:title' },
      { field: 'publishedAt', expected: '2025-09-30', note: '"Sept. 30, 2025"' },
      { field: 'company', expected: 'Acme Corp.', note: "no SOURCE line on the company's copy: the About block" },
      { field: 'dateline', expected: { city: 'AKRON', region: 'Ohio', country: null } },
      { field: 'body', expected: 'Chief Communications', compare: 'excludes', note: '"More Stories"' },
      {
        field: 'images',
        expected: [
          {
            url: 'https://mma.prnewswire.com/media/95000/acme_logo.jpg',
            alt: 'Acme Corp. (PRNewsFoto/Acme Corp.)',
            logo: true,
          },
        ],
      },
      { field: 'contacts', expected: [{ name: 'Sarah Factor', email: 'sarah@acme.example', phone: '216-555-3433' }] },
    ],
  },
  {
    file: 'neg-news-funding.html',
    url: 'https://techdaily.example/2024/05/02/acme-raises-20m/',
    facts: [
      {
        field: 'isRelease',
        expected: false,
        note: 'funding news: an announcing lead and a contact line are not enough',
      },
      { field: 'confidence', expected: 0.6, compare: 'below' },
    ],
  },
  {
    file: 'neg-news-agency-earnings.html',
    url: 'https://financedaily.example/markets/acme-profit-beats-estimates',
    facts: [
      { field: 'isRelease', expected: false, note: 'earnings news from a news agency' },
      { field: 'reasons', expected: 'news agency dateline (AP) —', compare: 'includes' },
    ],
  },
  {
    file: 'neg-newsroom-listing.html',
    url: 'https://www.acme.example/newsroom/',
    facts: [
      { field: 'isRelease', expected: false, note: 'a newsroom index of release excerpts' },
      { field: 'reasons', expected: '4 newsroom excerpts: a listing', compare: 'includes' },
    ],
  },
];

const ROWS = PAGES.flatMap((p) => p.facts.map((fact) => ({ ...fact, file: p.file, url: p.url })));
const read = (file: string) => readFileSync(path.resolve(__dirname, '../../fixtures/release', file), 'utf8');
const extracted = new Map(PAGES.map((p) => [p.file, extractFromHtml(read(p.file), p.url)]));

describe('syndicated copies, newsrooms and their look-alikes', () => {
  test.each(ROWS)('$file: $field ($compare)', (row) => {
    const release = extracted.get(row.file)!;
    const actual = (release as unknown as Record<string, unknown>)[row.field];
    expect(
      holds(release, row),
      `${row.file} ${row.field}${row.note ? ` (${row.note})` : ''}: got ${JSON.stringify(actual)}`,
    ).toBe(true);
  });

  test.each(PAGES)('$file: schema-valid', ({ file }) =>
    expect(() => ReleaseSchema.parse(extracted.get(file))).not.toThrow(),
  );
});
