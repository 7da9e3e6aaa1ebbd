import type { Release } from '../contract/release';
import { emptyRelease } from '../release/empty';

/**
 * A release made from text the user selected: the selection becomes the body, the page title the
 * headline (both editable later). The user asserted it is a release, so confidence is theirs.
 */
export function selectionRelease(selection: string, pageTitle: string, pageUrl: string): Release {
  const paragraphs = selection
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    ...emptyRelease(pageUrl),
    isRelease: true,
    confidence: 1,
    reasons: ['selected by the user'],
    wire: 'generic',
    headline: pageTitle.trim() || paragraphs[0]?.slice(0, 120) || 'Untitled release',
    body: paragraphs,
  };
}
