/**
 * npm run -s bench:drafts — draft-engine throughput and media-list hashing time.
 * Last stdout line is JSON: {"draftsPerSecond", "draftSetsPerSecond", "hash50kMs", "hash50kRows"}.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFromHtml } from '../../utils/release/node';
import { buildDraftSet } from '../../utils/engine/build';
import { importMediaList } from '../../utils/engine/medialist';

const CORPUS = resolve(process.cwd(), '../shared/corpus');
const pages = [
  [
    'prn-hackerrank-cybermedia.html',
    'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html',
  ],
  [
    'prn-ideanomics-debt-reduction.html',
    'https://www.prnewswire.com/news-releases/ideanomics-announces-reduction-of-debt-holders-as-part-of-growth-plans-301074797.html',
  ],
] as const;
// Extraction is outside the timed loop: this measures the draft engine only.
const releases = pages.map(([f, u]) => extractFromHtml(readFileSync(resolve(CORPUS, f), 'utf8'), u));
const now = Date.parse('2026-11-23T12:00:00Z');

for (let i = 0; i < 50; i++) buildDraftSet(releases[i % releases.length]!, {}, { now }); // warm-up
let sets = 0;
let drafts = 0;
const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  drafts += buildDraftSet(releases[sets % releases.length]!, {}, { now, idSeed: String(sets) }).drafts.length;
  sets++;
}
const seconds = (performance.now() - t0) / 1000;

const ROWS = 50_000;
const csv = [
  'Name,Email,Outlet,Beat',
  ...Array.from(
    { length: ROWS },
    (_, i) => `"Reporter ${i}, Jr.",Reporter.${i}@Outlet${i % 977}.example,"Outlet ${i % 977}",Tech`,
  ),
].join('\r\n');
const h0 = performance.now();
let lastProgress = 0;
const list = await importMediaList(csv, {
  onProgress: (done) => {
    lastProgress = done;
  },
});
const hashMs = performance.now() - h0;
if (list.hashes.length !== ROWS || lastProgress !== ROWS) throw new Error(`hashed ${list.hashes.length}/${ROWS}`);

const result = {
  draftsPerSecond: Math.round(drafts / seconds),
  draftSetsPerSecond: Math.round(sets / seconds),
  hash50kMs: Math.round(hashMs),
  hash50kRows: list.hashes.length,
};
console.log(`draft engine: ${result.draftSetsPerSecond} draft sets/s (${result.draftsPerSecond} drafts/s)`);
console.log(`media list: ${ROWS} rows parsed, normalised and SHA-256 hashed in ${result.hash50kMs} ms`);
console.log(JSON.stringify(result));
