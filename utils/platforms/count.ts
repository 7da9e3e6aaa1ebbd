import type { CountingRule } from './types';

// One segmenter for the process: constructing Intl.Segmenter is the costly part.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const URL_RE = /\bhttps?:\/\/[^\s]+/gi;

export function graphemeCount(text: string): number {
  // Fast path: pure ASCII has one grapheme per code unit (except CRLF, which segments as one).
  if (/^[\x00-\x7f]*$/.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Characters as the platform counts them: graphemes, with URLs at a fixed length when it shortens them. */
export function countChars(text: string, rule: CountingRule = { unit: 'graphemes', urlLength: null }): number {
  if (rule.urlLength === null) return graphemeCount(text);
  let urls = 0;
  const rest = text.replace(URL_RE, () => { urls++; return ''; });
  return graphemeCount(rest) + urls * rule.urlLength;
}
