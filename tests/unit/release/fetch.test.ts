import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchRelease, BoostError } from '@/utils/release/fetch';
import { parseDocument } from '@/utils/release/node';
import { CORPUS_DIR } from '../../fixtures/release/corpus-truth';

const corpus = (f: string) => readFile(path.join(CORPUS_DIR, f), 'utf8');
const URL_ =
  'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html';
const respond =
  (body: string, init: ResponseInit = {}) =>
  async () =>
    new Response(body, { headers: { 'content-type': 'text/html' }, ...init });

describe('fetchRelease (Boost on a link)', () => {
  it('extracts a linked release page', async () => {
    const r = await fetchRelease(URL_, parseDocument, respond(await corpus('prn-hackerrank-cybermedia.html')));
    expect(r.isRelease).toBe(true);
    expect(r.headline).toContain('HackerRank');
  });
  it('refuses a page that is not a release, in words', async () => {
    await expect(
      fetchRelease(URL_, parseDocument, respond(await corpus('neg-prn-ism-search-listing-excerpt.html'))),
    ).rejects.toThrow(/doesn't lead to a press release/);
  });
  it('explains a dead network and an HTTP error', async () => {
    await expect(
      fetchRelease(URL_, parseDocument, async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow(BoostError);
    await expect(fetchRelease(URL_, parseDocument, respond('gone', { status: 404 }))).rejects.toThrow(/answered 404/);
  });
  it('refuses a file', async () => {
    await expect(
      fetchRelease(
        URL_,
        parseDocument,
        async () => new Response('%PDF', { headers: { 'content-type': 'application/pdf' } }),
      ),
    ).rejects.toThrow(/not a web page/);
  });
});
