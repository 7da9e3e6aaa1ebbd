import { graphemeCount } from '../platforms/count';
import { BOUND_TO_PREVIOUS, BOUNDARY_WORDS, DANGLING, HEADLINE_REWRITES, PAIRED_BEFORE } from './phrases';

/**
 * Shortening that keeps meaning: a short form is the whole text, a rewrite that says the same ("X: Y" for
 * "X Announces Y", no ticker), or a prefix that ends at a phrase boundary (a comma, colon, dash, or before
 * "to", "for", "with", "as"…). Never a cut after an arbitrary word: "Reduction of Debt" from "Reduction of
 * Debt Holders" says something else. When none fits, the whole text is kept and `how.kind` is 'long'.
 */
export type ShortHow =
  | { kind: 'whole' }
  | { kind: 'rewrite'; note: string }
  | { kind: 'cut'; before: string; note: string | null }
  | { kind: 'long'; note: string | null };

export interface ShortForm {
  text: string;
  how: ShortHow;
}

const WORD_ALT = BOUNDARY_WORDS.join('|');
const BOUNDARY_RE = new RegExp(`[,;:](?=\\s)|\\s+(?:[–—|]|-{1,2})\\s+|\\s+(?=(?:${WORD_ALT})\\s)`, 'gi');

export const balanced = (s: string) =>
  (s.match(/\(/g) ?? []).length === (s.match(/\)/g) ?? []).length && (s.match(/["“”«»„]/g) ?? []).length % 2 === 0;

/** Every prefix of `text` that ends at a real phrase boundary, with the boundary it ends at. */
export function boundaryCuts(text: string): { text: string; before: string }[] {
  const out: { text: string; before: string }[] = [];
  for (const m of text.matchAll(BOUNDARY_RE)) {
    const head = text
      .slice(0, m.index)
      .trim()
      .replace(/[,;:]$/, '');
    const rest = text.slice(m.index! + m[0].length).trimStart();
    const sep = m[0].trim();
    const word = sep ? null : rest.split(/\s/)[0]!.toLowerCase();
    const words = head.split(/\s+/);
    const last = words[words.length - 1]!.toLowerCase().replace(/[^\p{L}&-]/gu, '');
    if (!head || words.length < 2 || DANGLING.has(last) || !balanced(head)) continue;
    if (word && BOUND_TO_PREVIOUS[word]?.includes(last)) continue;
    if (word && PAIRED_BEFORE[word]?.test(head)) continue;
    if (out.some((c) => c.text === head)) continue;
    out.push({ text: head, before: sep || word! });
  }
  return out;
}

/** The text and its meaning-keeping rewrites, each applied on top of the last. */
function wholeForms(text: string): { text: string; note: string | null }[] {
  const forms = [{ text, note: null as string | null }];
  for (const r of HEADLINE_REWRITES) {
    const prev = forms[forms.length - 1]!;
    const next = prev.text.replace(r.re, r.to).replace(/\s+/g, ' ').trim();
    if (next && next !== prev.text) forms.push({ text: next, note: [prev.note, r.note].filter(Boolean).join(', ') });
  }
  return forms;
}

/**
 * The best honest form of `text` within `target` graphemes: whole, else a whole rewrite, else the longest
 * boundary cut that keeps `keep` (the company) and at least `minShare` of the target.
 */
export function shortForm(
  text: string,
  target: number,
  keep: string | null = null,
  minShare = 0.5,
  accept: (s: string) => boolean = () => true,
): ShortForm {
  const fits = (s: string) => graphemeCount(s) <= target;
  if (fits(text)) return { text, how: { kind: 'whole' } };
  const forms = wholeForms(text);
  const rewrite = forms.slice(1).find((f) => fits(f.text));
  if (rewrite) return { text: rewrite.text, how: { kind: 'rewrite', note: rewrite.note! } };
  const k = keep?.toLowerCase();
  const keeps = (s: string) => !k || !text.toLowerCase().includes(k) || s.toLowerCase().includes(k);
  // Never cut at the colon a rewrite put in: "Acme: …" alone says nothing.
  const cuts = forms.flatMap((f) =>
    boundaryCuts(f.text)
      .filter((c) => !f.note?.includes('colon') || c.text.length > f.text.indexOf(': ') + 1)
      .map((c) => ({ ...c, note: f.note })),
  );
  const ok = cuts.filter(
    (c) => fits(c.text) && keeps(c.text) && accept(c.text) && graphemeCount(c.text) >= target * minShare,
  );
  const best = ok.sort((a, b) => graphemeCount(b.text) - graphemeCount(a.text))[0];
  if (best) return { text: best.text, how: { kind: 'cut', before: best.before, note: best.note } };
  // No honest short form: the whole text, minus a ticker (the first rewrite never changes meaning).
  const plain = forms.find((f) => f.note === HEADLINE_REWRITES[0]!.note) ?? forms[0]!;
  return { text: plain.text, how: { kind: 'long', note: plain.note } };
}

/** The rationale's words for what was done to a headline. */
export function describeShort(how: ShortHow, target: number): string {
  switch (how.kind) {
    case 'whole':
      return 'the headline as written';
    case 'rewrite':
      return `the headline rewritten ${how.note}`;
    case 'cut':
      return `the headline cut ${/^[^\p{L}]+$/u.test(how.before) ? `at its "${how.before}"` : `before "${how.before}"`}${how.note ? ` (${how.note})` : ''}`;
    case 'long':
      return `the whole headline${how.note ? ` (${how.note})` : ''}: no phrase boundary shortens it to ${target} characters without changing its meaning, so the platform's own truncation shows`;
  }
}
