import { graphemeCount, isSimpleText } from '../platforms/count';

/** Text helpers for copy: grapheme-safe cutting, sentences, tone. Pure and locale-neutral. */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export const ELLIPSIS = '…';

export function graphemes(text: string): string[] {
  if (isSimpleText(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Words a clipped phrase must not end on: "Partner to" or "Close the" read as broken.
const DANGLING = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'for',
  'and',
  'or',
  'with',
  'by',
  'at',
  'as',
  'from',
  'its',
  'their',
  'our',
  'his',
  'her',
  '&',
  '-',
  '–',
  '—',
  'that',
  'which',
  'is',
  'are',
  'was',
  'will',
]);

function trimDangling(text: string): string {
  let t = text.replace(/[\s,;:(\-–—/]+$/u, '');
  for (let i = 0; i < 4; i++) {
    const words = t.split(' ');
    if (words.length < 2 || !DANGLING.has(words[words.length - 1]!.toLowerCase())) break;
    t = words
      .slice(0, -1)
      .join(' ')
      .replace(/[\s,;:(\-–—/]+$/u, '');
  }
  return t;
}

/**
 * Cut to at most `max` graphemes at a word boundary, with an ellipsis. Never splits a grapheme (emoji,
 * accents); falls back to a grapheme cut only when there is no space to cut at (a long URL, CJK text).
 */
export function truncate(text: string, max: number, ellipsis = true): string {
  if (max <= 0) return '';
  if (graphemeCount(text) <= max) return text;
  const mark = ellipsis ? ELLIPSIS : '';
  const room = max - mark.length;
  if (room <= 0) return graphemes(text).slice(0, max).join('');
  const head = graphemes(text).slice(0, room + 1);
  const joined = head.join('');
  // A space at `room` means the cut falls exactly between words.
  const lastSpace = head[room] === ' ' ? joined.length - 1 : joined.lastIndexOf(' ');
  // A clause end (", " "; " " — ") near the limit reads better than the last word that fits.
  const clause = Math.max(...[', ', '; ', ' — ', ' – ', ': '].map((sep) => joined.lastIndexOf(sep)));
  const at = clause > joined.length * 0.7 ? clause : lastSpace;
  const wordCut = at > joined.length * 0.4 ? trimDangling(joined.slice(0, at)) : '';
  const body = wordCut || head.slice(0, room).join('').trimEnd();
  return body + mark;
}

const ABBREV =
  /(?:\b(?:Inc|Corp|Co|Ltd|LLC|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|etc|Calif|Mass|Wash|Fla|Ill|Penn|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$/;

/** Sentences of a paragraph, not fooled by "Calif.", "Inc." or "U.S.". */
export function sentences(paragraph: string): string[] {
  const parts = clean(paragraph).split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z0-9])/);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && ABBREV.test(prev)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out.filter(Boolean);
}

// Superlatives and PR clichés a journalist discounts on sight. Lint flags them; the generator drops them.
export const HYPE_WORDS = [
  'revolutionary',
  'revolutionize',
  'revolutionizes',
  'game-changing',
  'game changer',
  'game-changer',
  'groundbreaking',
  'ground-breaking',
  'cutting-edge',
  'world-class',
  'best-in-class',
  'industry-leading',
  'market-leading',
  'state-of-the-art',
  'disruptive',
  'unprecedented',
  'unparalleled',
  'next-generation',
  'next generation',
  'leading-edge',
  'innovative',
  'seamless',
  'seamlessly',
  'synergy',
  'synergies',
  'paradigm shift',
  'world-leading',
  'best-of-breed',
  'turnkey',
  'robust',
  'amazing',
  'incredible',
  'awesome',
  'breakthrough',
  'unique',
  'ultimate',
  'first-ever',
  'must-have',
  'cutting edge',
];

const HYPE_RE = new RegExp(`\\b(?:${HYPE_WORDS.map((w) => w.replace(/[-\s]/g, '[-\\s]')).join('|')})\\b`, 'gi');

// PR clichés: flagged by lint; the generator rewrites them in dePr rather than deleting words.
const CLICHE_RE =
  /\b(?:(?:is|are)\s+(?:pleased|proud|excited|thrilled|delighted)\s+to\s+announce|(?:a|the)\s+(?:leading|premier|foremost)\s+(?:global\s+)?(?:provider|supplier|developer|maker|company|platform))\b/gi;

export function findHype(text: string): string[] {
  const found = [...text.matchAll(HYPE_RE), ...text.matchAll(CLICHE_RE)].map((m) =>
    m[0].toLowerCase().replace(/\s+/g, ' '),
  );
  return [...new Set(found)];
}

/** Drop hype adjectives ("an innovative platform" → "a platform"), fixing the article they leave behind. */
const HYPE_ALT = HYPE_RE.source.slice(2, -2);
// "flexible, innovative systems" → "flexible systems"; "innovative and scalable" → "scalable".
const HYPE_LISTED = new RegExp(
  `(?:,\\s*|\\s+(?:and|&)\\s+)(?:${HYPE_ALT})\\b|\\b(?:${HYPE_ALT})(?:,\\s*|\\s+(?:and|&)\\s+)(?=\\w)`,
  'gi',
);

export function dehype(text: string): string {
  // Only text that lost a word gets its articles fixed: "a ouvert" is French, not a broken "an".
  if (!new RegExp(HYPE_RE.source, 'i').test(text)) return clean(text);
  return clean(
    text
      .replace(HYPE_LISTED, ' ')
      .replace(HYPE_RE, ' ')
      .replace(/\b(a|an)\s+(?=[,.;]|$)/gi, '$1 '),
  )
    .replace(/\b([Aa])n\s+(?=[bcdfghjklmnpqrstvwxyz])/g, '$1 ')
    .replace(/\b([Aa])\s+(?=[aeiou])/g, '$1n ')
    .replace(/\s+([,.;:])/g, '$1');
}

/** Share of letters that are capitals; acronyms alone (STEM, NASDAQ) don't make text shouty. */
export function isShouting(text: string): boolean {
  const capsWords = text.match(/\b[A-Z]{2,}(?:['’][A-Z]+)?\b/g) ?? [];
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 12 && upper.length / letters.length > 0.6) return true;
  // Three all-caps words in a row of 4+ letters each is a shouted phrase, not an acronym.
  return capsWords.length >= 3 && /\b[A-Z]{4,}\s+[A-Z]{4,}\s+[A-Z]{4,}\b/.test(text);
}

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'at', 'by', 'with', 'as']);

/**
 * Shouted text back to normal case: Title Case for a headline-like line, sentence case for prose. Short
 * all-consonant capitals (CTEC, NYSE) stay: they are likely acronyms.
 */
export function unshout(text: string): string {
  if (!isShouting(text)) return text;
  const prose = /[.!?]\s+\S/.test(text) || text.length > 90;
  let sentenceStart = true;
  return text.replace(/\p{L}[\p{L}'’]*|[.!?]/gu, (w, offset: number) => {
    if (/^[.!?]$/.test(w)) {
      sentenceStart = true;
      return w;
    }
    const lower = w.toLowerCase();
    const first = sentenceStart;
    sentenceStart = false;
    if (w.length <= 4 && /^[A-Z]+$/.test(w) && !SMALL.has(lower) && !/[AEIOU]/.test(w.slice(1))) return w;
    if (prose ? !first : offset > 0 && SMALL.has(lower)) return lower;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

/** Press-release boilerplate that reads badly in an ad. */
export function dePr(text: string): string {
  return clean(
    text
      // ("Ideanomics" or the "Company") — legal defined terms
      .replace(/\s*\((?:the\s+)?["“][^"”]+["”](?:\s*(?:or|and)\s*(?:the\s+)?["“][^"”]+["”])*\)/g, '')
      .replace(/\b(?:is|are)\s+(?:pleased|proud|excited|thrilled|delighted|happy)\s+to\s+announce\b/gi, 'announced')
      .replace(/\b(?:is|are)\s+(?:pleased|proud|excited|thrilled|delighted|happy)\s+to\s+(?=\w)/gi, '')
      // "a leading provider of X" → "a provider of X": the claim goes, the fact stays.
      .replace(
        /\b(a|the)\s+(?:leading|premier|foremost)\s+(?:global\s+)?(provider|supplier|developer|maker|company|platform)\b/gi,
        '$1 $2',
      ),
  );
}

/** Everything the generator applies to a field before fitting it to the limit. */
export function tone(text: string): string {
  return unshout(dehype(dePr(clean(text))));
}

export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max))
    .replace(/-+$/, '')
    .replace(/(?:-(?:a|an|the|to|of|in|on|for|and|or|with|by|at|as))+$/, '');
}
