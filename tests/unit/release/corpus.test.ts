import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { ReleaseSchema, type Release } from '@/utils/contract/release';
import { CORPUS, CORPUS_ROWS, holds, readCorpusPage } from '../../fixtures/release/corpus-truth';

// Each real page is parsed and extracted once; every row below is one fact about one page.
const extracted = new Map<string, Release>(CORPUS.map((p) => [p.file, extractFromHtml(readCorpusPage(p.file), p.url)]));

describe('corpus pages (ground truth from shared/corpus/MANIFEST.md)', () => {
  test.each(CORPUS_ROWS)('$file: $field ($compare)', (row) => {
    const release = extracted.get(row.file)!;
    const actual = (release as unknown as Record<string, unknown>)[row.field];
    expect(
      holds(release, row),
      `${row.file} ${row.field}${row.note ? ` (${row.note})` : ''}: got ${JSON.stringify(actual)}`,
    ).toBe(true);
  });

  test.each(CORPUS)('$file: output matches the Release schema', ({ file }) => {
    expect(() => ReleaseSchema.parse(extracted.get(file))).not.toThrow();
  });

  test.each(CORPUS)('$file: reasons explain the verdict', ({ file }) => {
    const r = extracted.get(file)!;
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    // a release is named by its own text: a dateline, the wire's layout, a SOURCE line, JSON-LD, or a
    // newsroom's About block and announcing lead
    if (r.isRelease)
      expect(r.reasons.some((why) => /dateline|layout|SOURCE|PressRelease|About|announces/.test(why))).toBe(true);
  });
});
