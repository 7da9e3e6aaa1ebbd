import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { ReleaseSchema } from '@/utils/contract/release';
import { WIRE_HOSTS } from '@/utils/release/hosts';
import { WIRES } from '@/utils/release/wires';
import { holds, type Fact } from '../../fixtures/release/corpus-truth';

/**
 * Synthetic pages (tests/fixtures/release) written in each wire's own conventions for the wires that have
 * no saved page in the corpus: their dateline signature, contact block and house date format.
 */
const FIXTURES: { file: string; url: string; facts: Fact[] }[] = [
  {
    file: 'businesswire.html',
    url: 'https://www.businesswire.com/news/home/20241105000001/en/Acme-Robotics-Launches-Fleet-OS',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'businesswire' },
      { field: 'headline', expected: 'Acme Robotics Launches Fleet OS', note: 'not the logo h1' },
      { field: 'subheadline', expected: 'One operating system for mixed warehouse fleets' },
      { field: 'publishedAt', expected: '2024-11-05T13:00:00Z' },
      { field: 'company', expected: 'Acme Robotics' },
      { field: 'dateline', expected: { city: 'BOSTON', region: null, country: null } },
      { field: 'tickers', expected: [{ exchange: 'NYSE', symbol: 'ACME' }] },
      {
        field: 'quotes',
        expected: {
          speaker: 'Dana Whitfield',
          text: 'Warehouses no longer have to pick one robot vendor for life. Fleet OS lets every robot share one map.',
        },
        compare: 'includes',
      },
      { field: 'contacts', expected: [{ name: 'Jordan Lee', email: 'press@acme.example', phone: '+1 617-555-0142' }] },
      {
        field: 'assets',
        expected: { url: 'https://www.acme.example/fleet-os-white-paper.pdf', kind: 'whitepaper' },
        compare: 'includes',
      },
      { field: 'assets', expected: { url: 'https://www.acme.example/webinar', kind: 'webinar' }, compare: 'includes' },
      {
        field: 'body',
        expected: 'Not part of the release',
        compare: 'excludes',
        note: 'text after ### is not the release',
      },
      {
        field: 'images',
        expected: [{ url: 'https://mms.businesswire.com/media/20241105/acme-fleet.jpg', alt: '', logo: false }],
      },
    ],
  },
  {
    file: 'accesswire.html',
    url: 'https://www.accesswire.com/838001/northwind-mining-reports-high-grade-drill-results',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'accesswire' },
      { field: 'headline', expected: 'Northwind Mining Reports High-Grade Drill Results at Eagle Project' },
      { field: 'publishedAt', expected: '2024-03-12T08:30:00-04:00' },
      { field: 'company', expected: 'Northwind Mining Corp.' },
      { field: 'dateline', expected: { city: 'VANCOUVER', region: 'BC', country: null } },
      {
        field: 'tickers',
        expected: [
          { exchange: 'TSXV', symbol: 'NWM' },
          { exchange: 'OTCQB', symbol: 'NWMCF' },
        ],
      },
      {
        field: 'contacts',
        expected: [{ name: 'Priya Natarajan', email: 'ir@northwind.example', phone: '604-555-0199' }],
      },
    ],
  },
  {
    file: 'einpresswire.html',
    url: 'https://www.einpresswire.com/article/700001/brightwater-analytics-opens-london-office',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'einpresswire' },
      { field: 'publishedAt', expected: '2024-06-03T09:15:00+01:00', note: 'NewsArticle inside @graph' },
      { field: 'company', expected: 'Brightwater Analytics', note: 'not the JSON-LD author (a person)' },
      { field: 'dateline', expected: { city: 'LONDON', region: 'ENGLAND', country: 'UNITED KINGDOM' } },
      { field: 'contacts', expected: { name: 'Sam Okafor', phone: '+44 20 7946 0018' }, compare: 'includes' },
      { field: 'language', expected: 'en-GB' },
    ],
  },
  {
    file: 'prweb.html',
    url: 'https://www.prweb.com/releases/greenleaf-dental-adds-saturday-hours-302001.html',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'prweb' },
      {
        field: 'publishedAt',
        expected: '2024-02-06',
        note: 'only the dateline gives a date: the day, no invented time',
      },
      { field: 'company', expected: 'Greenleaf Dental' },
      { field: 'dateline', expected: { city: 'SEATTLE', region: null, country: null } },
      {
        field: 'quotes',
        expected: [
          {
            speaker: 'Maria Chen',
            text: 'Working families told us weekday appointments were the hardest part of dental care.',
          },
        ],
      },
      { field: 'contacts', expected: [{ name: 'Tom Reyes', email: 'tom@greenleaf.example', phone: '(206) 555-0147' }] },
      {
        field: 'assets',
        expected: [
          {
            url: 'https://www.prweb.com/files/greenleaf-patient-report-2024.pdf',
            label: '2024 patient access report',
            kind: 'report',
          },
        ],
      },
    ],
  },
  {
    file: 'newswirecom.html',
    url: 'https://www.newswire.com/news/summit-payroll-wins-2024-hr-tech-award-22334455',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'newswirecom' },
      { field: 'publishedAt', expected: '2024-09-18T10:00:00-06:00' },
      { field: 'company', expected: 'Summit Payroll' },
      { field: 'reasons', expected: 'JSON-LD PressRelease', compare: 'includes' },
      { field: 'dateline', expected: { city: 'DENVER', region: null, country: null } },
      {
        field: 'images',
        expected: [
          {
            url: 'https://cdn.newswire.com/files/x/summit-award.jpg',
            alt: 'Summit Payroll team with the award',
            logo: false,
          },
        ],
      },
    ],
  },
  {
    file: 'newsfile.html',
    url: 'https://www.newsfilecorp.com/release/215001/Aurora-Lithium-Closes-5-Million-Private-Placement',
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'wire', expected: 'newsfile' },
      { field: 'publishedAt', expected: '2024-07-22' },
      { field: 'company', expected: 'Aurora Lithium Inc.' },
      { field: 'dateline', expected: { city: 'Vancouver', region: 'British Columbia', country: null } },
      {
        field: 'tickers',
        expected: [
          { exchange: 'CSE', symbol: 'AUL' },
          { exchange: 'OTCQB', symbol: 'AULTF' },
        ],
      },
      {
        field: 'contacts',
        expected: [{ name: 'Ken Mutua', email: 'ken@auroralithium.example', phone: '+1 778 555 0163' }],
      },
    ],
  },
  {
    file: 'cision-fr.html',
    url: 'https://www.newswire.ca/fr/news-releases/boulangerie-soleil-ouvre-dix-succursales-302100.html',
    facts: [
      { field: 'isRelease', expected: true, note: 'a French release' },
      { field: 'wire', expected: 'cision' },
      { field: 'headline', expected: 'Boulangerie Soleil ouvre dix succursales au Québec' },
      { field: 'subheadline', expected: 'Une croissance de 40 % en deux ans' },
      { field: 'publishedAt', expected: '2024-03-12T08:00:00-04:00' },
      { field: 'company', expected: 'Boulangerie Soleil inc.' },
      {
        field: 'dateline',
        expected: { city: 'MONTRÉAL', region: null, country: null },
        note: '"MONTRÉAL, le 12 mars 2024 /CNW/"',
      },
      { field: 'about', expected: ['Boulangerie Soleil exploite 35 boulangeries au Québec.'] },
      { field: 'contacts', expected: [{ name: 'Marc Gagnon', email: 'marc@soleil.example', phone: '514-555-0110' }] },
      { field: 'language', expected: 'fr' },
    ],
  },
];

const ROWS = FIXTURES.flatMap((f) => f.facts.map((fact) => ({ ...fact, file: f.file, url: f.url })));
const read = (file: string) => readFileSync(path.resolve(__dirname, '../../fixtures/release', file), 'utf8');
const extracted = new Map(FIXTURES.map((f) => [f.file, extractFromHtml(read(f.file), f.url)]));

describe('wire fixtures', () => {
  test.each(ROWS)('$file: $field', (row) => {
    const release = extracted.get(row.file)!;
    const actual = (release as unknown as Record<string, unknown>)[row.field];
    expect(
      holds(release, row),
      `${row.file} ${row.field}${row.note ? ` (${row.note})` : ''}: got ${JSON.stringify(actual)}`,
    ).toBe(true);
  });

  test.each(FIXTURES)('$file: schema-valid', ({ file }) =>
    expect(() => ReleaseSchema.parse(extracted.get(file))).not.toThrow(),
  );

  test('every wire in hosts.ts has exactly one adapter row, and a fixture or corpus page', () => {
    expect(WIRES.map((w) => w.id).sort()).toEqual(Object.keys(WIRE_HOSTS).sort());
    const covered = new Set([...FIXTURES.map((f) => extracted.get(f.file)!.wire), 'prnewswire', 'globenewswire']);
    expect([...covered].sort()).toEqual(Object.keys(WIRE_HOSTS).sort());
  });

  test('a wire release republished on another site is still a release (generic strategy)', () => {
    const r = extractFromHtml(
      read('businesswire.html'),
      'https://finance.example.com/news/acme-robotics-launches-fleet-os',
    );
    expect(r.wire).toBe('generic');
    expect(r.isRelease).toBe(true);
    expect(r.reasons).toContain('wire dateline (BUSINESS WIRE)');
    expect(r.company).toBe('Acme Robotics');
  });
});
