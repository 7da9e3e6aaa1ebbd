import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_DIR } from '../../fixtures/release/corpus-truth';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(TSX, ['scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('CLI: npm run -s extract -- <file.html> --url <url>', () => {
  test('prints the Release JSON for a release', () => {
    const out = run(
      path.join(CORPUS_DIR, 'gnw-segment-launches-sources.html'),
      '--url',
      'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/x.html',
    );
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ isRelease: true, wire: 'globenewswire', company: 'Segment' });
  });

  test('a negative is isRelease false with exit 0', () => {
    const out = run(path.join(CORPUS_DIR, 'neg-bbc-article.html'), '--url=https://www.bbc.com/news/business-40504764');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).isRelease).toBe(false);
  });

  test.each([
    [['missing.html', '--url', 'https://example.com/'], /cannot read missing.html: no such file/],
    [[CORPUS_DIR, '--url', 'https://example.com/'], /is a directory/],
    [[path.join(CORPUS_DIR, 'neg-bbc-article.html')], /no --url given/],
    [[path.join(CORPUS_DIR, 'neg-bbc-article.html'), '--url', 'bbc.com'], /not an absolute URL/],
    [['--url', 'https://example.com/'], /no HTML file given/],
    [['a.html', 'b.html', '--url', 'https://example.com/'], /one file at a time/],
    [['--bogus'], /unknown option --bogus/],
  ])('%j → a clear message on stderr and a non-zero exit', (args, message) => {
    const out = run(...args);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });
});
