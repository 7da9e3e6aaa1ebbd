/**
 * Drafts hold the CTA as the workspace shows it ("Learn more") or as an enum ("LEARN_MORE"); both
 * platforms want upper snake case enums (Meta call_to_action.type, LinkedIn contentCallToActionLabel).
 * Which values each platform accepts lives in the draft engine's rule tables; the fakes validate them.
 */
export function toCtaEnum(cta: string): string {
  return cta
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
