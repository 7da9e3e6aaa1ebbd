/** Text helpers. Reading text out of the DOM is walk.ts's. */
export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** JSON-LD strings often carry HTML entities ("HackerRank &amp; Cybermedia"): the common ones. */
export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
