import type { Release } from '../contract/release';
import { emptyRelease } from '../release/empty';
import { WIRE_MATCHES } from '../release/hosts';

/**
 * The right-click menu, as data: one "Boost this release" entry per context it makes sense in.
 * Links only offer it when they point at a wire (the background may fetch only those hosts).
 */
export const MENU_ITEMS = [
  { id: 'boost-page', title: 'Boost this release', contexts: ['page'] },
  { id: 'boost-link', title: 'Boost this release', contexts: ['link'], targetUrlPatterns: WIRE_MATCHES },
  { id: 'boost-selection', title: 'Boost this release (selected text)', contexts: ['selection'] },
] as const;
export type MenuId = (typeof MENU_ITEMS)[number]['id'];

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
