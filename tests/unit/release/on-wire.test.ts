import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractRelease } from '@/utils/release/extract';
import { extractWith } from '@/utils/release/page';
import { parseDocument } from '@/utils/release/node';
import { wireForHost } from '@/utils/release/hosts';
import { CORPUS, readCorpusPage } from '../../fixtures/release/corpus-truth';

/**
 * The content script runs on the wires' hosts only and ships the core extractor (page.ts) without the
 * off-wire strategies (off-wire.ts), to stay within its size budget. On a wire's host the two must give
 * the very same Release, so everything the corpus and the fixtures prove of extractRelease on wire pages
 * holds for what the extension shows.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures/release');
const wirePages = [
  ...CORPUS.filter((p) => wireForHost(new URL(p.url).hostname)).map((p) => ({
    name: p.file,
    url: p.url,
    html: readCorpusPage(p.file),
  })),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      name: f,
      url: `https://www.prnewswire.com/news-releases/${f.replace('.html', '')}-300000001.html`,
      html: readFileSync(path.join(FIXTURES, f), 'utf8'),
    })),
];

describe('the content script’s extractor on wire hosts', () => {
  test.each(wirePages)('$name: the same Release as extractRelease', ({ url, html }) => {
    expect(extractWith(parseDocument(html), url)).toEqual(extractRelease(parseDocument(html), url));
  });

  test('off the wires the strategies add what only other hosts have', () => {
    const html = readFileSync(path.join(FIXTURES, 'newsroom-emdash-2024.html'), 'utf8');
    const url = 'https://news.acme.example/2024/05/01/acme-opens-austin-plant/';
    expect(extractWith(parseDocument(html), url).dateline).toBeNull();
    expect(extractRelease(parseDocument(html), url).dateline).toEqual({
      city: 'AUSTIN',
      region: 'Texas',
      country: null,
    });
  });
});
