/**
 * `npm run -s bench:extract`: our extractor against @mozilla/readability on every corpus page, in this one
 * process, on the same DOM implementation (linkedom).
 *
 * What is timed, honestly:
 * - Parsing is excluded from both: each page is parsed before its clock starts.
 * - Ours runs many times on one parsed document (it only reads the DOM).
 * - Readability mutates the document it is given, so every Readability run gets a fresh parse of the same
 *   HTML, made before its clock starts (cloneNode is not used: linkedom's deep clone is itself a full parse-
 *   sized walk, and a fresh parse is the cleanest "same input" for both).
 * - The two are interleaved round by round, so both see the same machine load (this box is shared).
 * - Each tool's figure is the median over pages of the per-page median run. Readability does far more
 *   (it scores and rewrites the whole page); we compare the two only because they answer the same question:
 *   "where is the article on this page?".
 *
 * The last stdout line is JSON: {"oursMedianMs","readabilityMedianMs","speedup","contentScriptGzipBytes"}.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extractRelease } from '../../utils/release/extract';
import { parseDocument } from '../../utils/release/node';
import { CORPUS, CORPUS_DIR } from '../fixtures/release/corpus-truth';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT_SCRIPT = path.join(ROOT, '.output/chrome-mv3/content-scripts/newswire.js');
const ROUNDS = 11; // each round: one Readability run and OURS_PER_ROUND runs of ours, interleaved
const OURS_PER_ROUND = 9;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

const files = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();
const rows: { page: string; oursMs: number; readabilityMs: number; isRelease: boolean }[] = [];

for (const file of files) {
  const html = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
  const url = CORPUS.find((p) => p.file === file)?.url ?? `https://example.com/${file}`;

  const doc = parseDocument(html);
  let isRelease = false;
  for (let i = 0; i < 5; i++) isRelease = extractRelease(doc, url).isRelease; // warm-up
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const fresh = parseDocument(html); // Readability rewrites its input: a fresh parse per run, untimed
    let start = performance.now();
    new Readability(fresh as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (round > 0) theirs.push(performance.now() - start); // round 0 is warm-up
    for (let i = 0; i < OURS_PER_ROUND; i++) {
      start = performance.now();
      extractRelease(doc, url);
      ours.push(performance.now() - start);
    }
  }
  rows.push({ page: file, oursMs: round(median(ours)), readabilityMs: round(median(theirs), 2), isRelease });
}

function contentScriptGzipBytes(): number | null {
  if (!existsSync(CONTENT_SCRIPT)) {
    try {
      process.stderr.write('bench: no built content script; running `npm run -s build`…\n');
      execSync('npm run -s build', { cwd: ROOT, stdio: 'ignore' });
    } catch {
      process.stderr.write('bench: build failed; contentScriptGzipBytes is null\n');
      return null;
    }
  }
  return existsSync(CONTENT_SCRIPT) ? gzipSync(readFileSync(CONTENT_SCRIPT)).length : null;
}

console.table(rows);
const oursMedianMs = round(median(rows.map((r) => r.oursMs)));
const readabilityMedianMs = round(median(rows.map((r) => r.readabilityMs)), 2);
console.log(
  JSON.stringify({
    oursMedianMs,
    readabilityMedianMs,
    speedup: round(readabilityMedianMs / oursMedianMs, 1),
    contentScriptGzipBytes: contentScriptGzipBytes(),
  }),
);
