/**
 * `npm run -s accuracy`: per-field accuracy of the extractor on every real corpus page, per kind of page
 * (wire page, syndicated copy, newsroom, negative), against the ground truth in
 * tests/fixtures/release/corpus-truth.ts (from shared/corpus/MANIFEST.md). Prints the table, a line per
 * kind (pages with every fact right), the misses with what was extracted, and a JSON summary last.
 * Exit 1 if any fact fails.
 */
import { extractFromHtml } from '../utils/release/node';
import { CORPUS, holds, readCorpusPage, type Kind } from '../tests/fixtures/release/corpus-truth';

const KINDS: Kind[] = ['wire page', 'syndicated copy', 'newsroom', 'negative'];
type Tally = { ok: number; total: number };
const cells = new Map<string, Tally>(); // `${field}|${kind}` and `${field}|all`
const pages = new Map<Kind, Tally>();
const misses: string[] = [];
const count = (key: string, ok: boolean) => {
  const t = cells.get(key) ?? { ok: 0, total: 0 };
  t.total++;
  t.ok += +ok;
  cells.set(key, t);
};

for (const page of CORPUS) {
  const release = extractFromHtml(readCorpusPage(page.file), page.url);
  let right = true;
  for (const fact of page.facts) {
    const ok = holds(release, fact);
    right &&= ok;
    count(`${fact.field}|${page.kind}`, ok);
    count(`${fact.field}|all`, ok);
    if (!ok)
      misses.push(
        `${page.file} ${fact.field}: expected ${JSON.stringify(fact.expected)} (${fact.compare ?? 'equal'}), got ${JSON.stringify((release as unknown as Record<string, unknown>)[fact.field])}`,
      );
  }
  const p = pages.get(page.kind) ?? { ok: 0, total: 0 };
  p.total++;
  p.ok += +right;
  pages.set(page.kind, p);
}

const fields = [...new Set([...cells.keys()].map((k) => k.split('|')[0]!))].sort();
const cell = (t?: Tally) => (t ? `${t.ok}/${t.total} ${((100 * t.ok) / t.total).toFixed(0).padStart(3)}%` : '—');
const columns = [...KINDS, 'all'] as const;
console.log(['field'.padEnd(13), ...columns.map((k) => k.padStart(16))].join(' '));
for (const f of fields)
  console.log([f.padEnd(13), ...columns.map((k) => cell(cells.get(`${f}|${k}`)).padStart(16))].join(' '));
console.log(['pages right'.padEnd(13), ...KINDS.map((k) => cell(pages.get(k)).padStart(16)), ''].join(' '));
for (const miss of misses) console.log(`MISS ${miss}`);
const summary: Record<string, Record<string, string>> = {};
for (const k of columns)
  summary[k] = Object.fromEntries(
    fields
      .filter((f) => cells.has(`${f}|${k}`))
      .map((f) => [f, `${cells.get(`${f}|${k}`)!.ok}/${cells.get(`${f}|${k}`)!.total}`]),
  );
const ok = fields.reduce((n, f) => n + cells.get(`${f}|all`)!.ok, 0);
const total = fields.reduce((n, f) => n + cells.get(`${f}|all`)!.total, 0);
console.log(JSON.stringify({ pages: CORPUS.length, facts: total, correct: ok, byKind: summary }));
process.exitCode = misses.length ? 1 : 0;
