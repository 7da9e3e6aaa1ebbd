/** Text helpers. Reading text out of the DOM is walk.ts's. */
/**
 * Whitespace runs as one space, trimmed. Only the whitespace that is not already a single space is matched
 * (most text has none): it reads 2–3× faster than replacing every space, and the walk squashes every run.
 */
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s{2,}|[^\S ]/g, ' ').trim();

/** JSON-LD strings often carry HTML entities ("HackerRank &amp; Cybermedia"): the common ones. */
export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
