import type { Platform } from '../contract/draft';
import { bodyRule } from '../engine/ui/light';

/**
 * Text as the feed shows it before "See more": the platform's recommended length for the body field
 * (Meta 125, LinkedIn 150), cut at a word boundary, never inside a grapheme when given the engine's
 * grapheme splitter (code points until it has loaded, a few ms after first paint).
 */
export function feedCut(
  text: string,
  limit: number,
  split: (t: string) => string[] = Array.from,
): { shown: string; cut: boolean } {
  const g = split(text);
  if (g.length <= limit) return { shown: text, cut: false };
  const head = g.slice(0, limit).join('');
  const at = head.lastIndexOf(' ');
  return { shown: (at > limit * 0.6 ? head.slice(0, at) : head).replace(/[\s,;:.]+$/, ''), cut: true };
}

export function bodyLimit(platform: Platform): number {
  return bodyRule(platform).recommended.value;
}

export function displayDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
