/**
 * `npm run -s accuracy`: per-field accuracy of the extractor on the real corpus pages, against the ground
 * truth in tests/fixtures/release/corpus-truth.ts (from shared/corpus/MANIFEST.md). Prints one line per
 * field, the misses with what was extracted, and a JSON summary last. Exit 1 if any fact fails.
 */
import { extractFromHtml } from '../utils/release/node';
import { CORPUS, holds, readCorpusPage } from '../tests/fixtures/release/corpus-truth';

const byField = new Map<string, { ok: number; total: number }>();
const misses: string[] = [];

for (const page of CORPUS) {
  const release = extractFromHtml(readCorpusPage(page.file), page.url);
  for (const fact of page.facts) {
    const tally = byField.get(fact.field) ?? { ok: 0, total: 0 };
    tally.total++;
    if (holds(release, fact)) tally.ok++;
    else
      misses.push(
        `${page.file} ${fact.field}: expected ${JSON.stringify(fact.expected)} (${fact.compare ?? 'equal'}), got ${JSON.stringify((release as unknown as Record<string, unknown>)[fact.field])}`,
      );
    byField.set(fact.field, tally);
  }
}

const summary: Record<string, string> = {};
for (const [field, { ok, total }] of [...byField].sort()) {
  summary[field] = `${ok}/${total}`;
  console.log(`${field.padEnd(14)} ${String(ok).padStart(3)}/${total}  ${((100 * ok) / total).toFixed(0)}%`);
}
for (const miss of misses) console.log(`MISS ${miss}`);
const ok = [...byField.values()].reduce((n, t) => n + t.ok, 0);
const total = [...byField.values()].reduce((n, t) => n + t.total, 0);
console.log(JSON.stringify({ pages: CORPUS.length, facts: total, correct: ok, byField: summary }));
process.exitCode = misses.length ? 1 : 0;
