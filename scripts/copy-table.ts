/**
 * npm run -s copy:table [-- --out file.md] [--full]
 * For every release in ../shared/corpus (negatives left out), the Meta and LinkedIn news-angle primary text
 * and headline the engine writes, as a Markdown table a reader can judge. --full adds every angle's fields.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CORPUS, readCorpusPage } from '../tests/fixtures/release/corpus-truth';
import { extractFromHtml } from '../utils/release/node';
import { buildDraftSet } from '../utils/engine';
import type { Draft } from '../utils/contract/draft';

const { values } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean' } } });
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const body = (d: Draft) => (d.platform === 'meta' ? d.primaryText : d.introText);

const rows: string[] = [];
for (const page of CORPUS.filter((p) => p.kind !== 'negative')) {
  const release = extractFromHtml(readCorpusPage(page.file), page.url);
  const set = buildDraftSet(release, {}, { now: Date.parse('2030-01-01T00:00:00Z') });
  const pick = (p: Draft['platform']) => set.drafts.find((d) => d.platform === p && d.angle === 'news')!;
  const meta = pick('meta');
  const li = pick('linkedin');
  rows.push(
    `| ${page.file} | ${cell(body(meta))} | ${cell(meta.headline)} | ${cell(body(li))} | ${cell(li.headline)} |`,
  );
  if (values.full) {
    for (const d of set.drafts) {
      const hints = set.lint[d.id]!.filter((h) => !['no-utm', 'wire-destination', 'insecure-link'].includes(h.code));
      rows.push(
        `|   ↳ ${d.platform}/${d.angle} | ${cell(body(d))} | ${cell(d.headline)} | ${cell(d.description)} | ${cell(
          `${d.imageUrl ?? '(no image)'} — ${d.rationale} ${hints.map((h) => `[${h.code}] ${h.message}`).join(' ')}`,
        )} |`,
      );
    }
  }
}
const table = [
  '| release | Meta primary text (news) | Meta headline | LinkedIn intro text (news) | LinkedIn headline |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
if (values.out) writeFileSync(values.out, `${table}\n`);
else process.stdout.write(`${table}\n`);
