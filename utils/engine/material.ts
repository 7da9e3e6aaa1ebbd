import type { Image } from '../contract/release';
import { splitDateline } from './dateline';
import { balanced } from './shorten';
import { EVENT_DATE_RE, EVENT_PLACE_RE, EVENT_RE, isLabel, NOT_AD_TEXT } from './phrases';
import { clean, sentences } from './text';

/**
 * What of a release may become ad text. A release is made of a lead (the dateline paragraph), quotes,
 * facts and its subheadline; around them sit captions, credits, logo alt text, links, contacts and legal
 * text, which never may.
 */

/** Why a sentence or line is not ad text, or null when it may be. */
export function notAdText(text: string, imageAlts: string[] = [], wholeLine = false): string | null {
  const t = clean(text);
  const hit = NOT_AD_TEXT.find((r) => (!wholeLine || r.wholeLine) && r.re.test(t));
  if (hit) return hit.why;
  // A caption repeated in the text: the page's own alt text, word for word.
  if (imageAlts.some((alt) => alt.length >= 12 && (t.includes(alt) || alt.includes(t)))) return 'image caption';
  return null;
}

/** Parenthesised links and credits inside a sentence go; the sentence stays. */
export function tidy(text: string): string {
  return clean(
    text
      .replace(/\s*\((?:https?:\/\/|www\.)[^)]*\)/gi, '')
      .replace(/\s*\((?:PRNewsfoto|CNW Group|Photo|Image)\/[^)]*\)/gi, '')
      .replace(/\s*\((?:photo|image|video)s?\s*(?:credit|courtesy)?[^)]*\)/gi, ''),
  );
}

export interface Material {
  /** The lead: the dateline paragraph without its dateline (or the first prose paragraph). */
  leadParagraph: string | null;
  /** Paragraphs of story that may become ad text, lead first, in order. */
  paragraphs: string[];
  /** Their sentences, each passed through the ad-text filter. */
  sentences: string[];
}

/**
 * Story paragraphs: the extractor's `prose` (no media lines, credits) when it has it, else the body; labels
 * (headings, names) and boilerplate out. The lead is the paragraph that carries the dateline; a release
 * that opens with highlights before it (earnings) still leads with the dateline paragraph.
 */
export function storyMaterial(paragraphs: string[], images: Image[]): Material {
  const alts = images.map((i) => clean(i.alt)).filter(Boolean);
  const paras = paragraphs.map(clean).filter(Boolean);
  let leadAt = paras.findIndex((p) => splitDateline(p).dateline);
  const story: string[] = [];
  let lead: string | null = null;
  paras.forEach((p, i) => {
    let text = p;
    if (i === leadAt) {
      text = splitDateline(p).text;
      // A dateline alone on its line: the lead is the next paragraph.
      if (!text) leadAt = i + 1;
    }
    text = tidy(text);
    if (!text || isLabel(text) || notAdText(text, alts, true)) {
      if (i === leadAt) leadAt = i + 1;
      return;
    }
    if (i === leadAt) lead = text;
    story.push(text);
  });
  lead ??= story.find((p) => !isLabel(p)) ?? null;
  const ordered = lead ? [lead, ...story.filter((p) => p !== lead)] : story;
  return {
    leadParagraph: lead,
    paragraphs: ordered,
    sentences: ordered
      .flatMap(sentences)
      .map(tidy)
      .filter((s) => s.split(/\s+/).length >= 4 && !notAdText(s, alts)),
  };
}

/** "June 3-5, 2026 · Las Vegas Convention Center": the date and place of an event release, else null. */
export function eventDatePlace(headline: string, texts: string[]): string | null {
  const all = [headline, ...texts];
  if (!all.some((t) => EVENT_RE.test(t))) return null;
  for (const t of texts.flatMap(sentences)) {
    if (!EVENT_RE.test(t) && !EVENT_RE.test(headline)) continue;
    const date = EVENT_DATE_RE.exec(t)?.[0];
    if (!date) continue;
    const place = EVENT_PLACE_RE.exec(t.slice(t.indexOf(date)))?.[1] ?? EVENT_PLACE_RE.exec(t)?.[1];
    return place ? `${date} · ${place.replace(/^the\s+/i, 'the ').replace(/[.,]$/, '')}` : date;
  }
  return null;
}

/** The clause of a sentence that carries its figure: "Delivered sales of $4.7 billion" from the whole line. */
export function figureClause(sentence: string, figure: RegExp): string | null {
  const clause = sentence
    .replace(/[.]$/, '')
    .split(/,\s+|;\s+|\s+[–—]\s+/)
    .find((c) => figure.test(c) && c.split(/\s+/).length >= 3 && balanced(c));
  if (!clause) return null;
  const text = clause.replace(/^(?:and|which|with|while|representing)\s+/i, '').trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
