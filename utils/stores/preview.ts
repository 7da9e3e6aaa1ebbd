import { PLATFORM_RULES } from '../platforms';
import type { Draft, Platform } from '../drafts/schema';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Text as the feed shows it before "See more": the platform's recommended length for the body field
 * (Meta 125, LinkedIn 150), cut at a word boundary, never inside a grapheme.
 */
export function feedCut(text: string, limit: number): { shown: string; cut: boolean } {
  const g = Array.from(segmenter.segment(text), (s) => s.segment);
  if (g.length <= limit) return { shown: text, cut: false };
  const head = g.slice(0, limit).join('');
  const at = head.lastIndexOf(' ');
  return { shown: (at > limit * 0.6 ? head.slice(0, at) : head).replace(/[\s,;:.]+$/, ''), cut: true };
}

export function bodyLimit(platform: Platform): number {
  return PLATFORM_RULES[platform].fields[0]!.recommended.value;
}

export function bodyOf(d: Draft): string {
  return d.platform === 'meta' ? d.primaryText : d.introText;
}

export function displayDomain(url: string): string {
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return ''; }
}
