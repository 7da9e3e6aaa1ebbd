/**
 * Reading text out of the DOM the same way in a browser and in linkedom: no innerText (linkedom has no
 * layout), and never HTML. Scripts, styles and templates are not text, so hostile markup in a release
 * body is neither executed nor copied out.
 */
const NOT_TEXT = /^(script|style|noscript|template|button)$/;

/**
 * Text with <br> kept as a line break (contact blocks are lines). `max` stops early once that much text is
 * read: detection only needs a paragraph's opening, and reading whole subtrees of a broken page (unclosed
 * tags nest everything) again and again would be quadratic.
 */
export function lines(node: Node, max = 1e9): string {
  let s = '';
  for (let c = node.firstChild; c && s.length < max; c = c.nextSibling) {
    const t = c.nodeType;
    const name = (c as Element).localName;
    s +=
      t === 3 ? c.nodeValue : t !== 1 ? '' : name === 'br' ? '\n' : NOT_TEXT.test(name) ? '' : lines(c, max - s.length);
  }
  return s;
}

export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export const text = (el: Element | null | undefined) => (el ? squash(lines(el)) : '');

/** What an element says: a meta's content, a time's datetime, otherwise its text. */
export const value = (el: Element | null | undefined) =>
  el?.getAttribute(el.localName === 'meta' ? 'content' : 'datetime') ?? text(el);

/** JSON-LD strings often carry HTML entities ("HackerRank &amp; Cybermedia"): the common ones. */
export const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
