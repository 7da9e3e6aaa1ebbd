import { squash } from './text';

/**
 * A run of text between block boundaries: a paragraph as a reader sees it, whatever the markup — a `<p>`,
 * loose text in a `<div>`, or lines split by a blank line (`<br><br>`) in a syndicated copy.
 */
export interface Run {
  /** The innermost block element holding the run. */
  el: Element;
  /** The text with a single `<br>` kept as a line break (contact blocks are lines). */
  raw: string;
  text: string;
  /**
   * It can open a release: among the first three runs of its parent block (a dateline leads its block), not
   * inside a blockquote (quoted text is never the release's own dateline), starting with a capital or "(".
   */
  lead: boolean;
}

export interface Walked {
  runs: Run[];
  /** Elements by tag name, for the few tags the extractor reads (meta, script, link, title, h1–h4, img, a). */
  tags: Record<string, Element[]>;
  /** For img and a: the index of the run holding it or coming next, i.e. where it sits in the reading order. */
  at: Map<Element, number>;
}

/**
 * What a tag is to the walk. Inline elements (span, a, b, font…) continue a run; any other element is a
 * block, which ends one run and starts another. Some are never text (code, drawings, controls, menus,
 * footers, sidebars, frames, the page's <title>): they are not walked, which also halves a wire page's cost.
 * A few are kept for the extractor.
 */
const tagSet = (tags: string) => new Set(tags.split(' '));
const INLINE = tagSet('a abbr b cite code em font i img label mark q s small span strong sub sup time u');
const SKIP = tagSet('script style template svg select button nav footer aside iframe title');
const KEEP = tagSet('meta script link title h1 h2 h3 h4 img a');

/**
 * Reading text out of the DOM the same way in a browser and in linkedom: no innerText (linkedom has no
 * layout), and never HTML. Scripts, styles and templates are not text, so hostile markup in a release
 * body is neither executed nor copied out.
 *
 * One walk over the document: its runs of text in reading order and the few elements the extractor needs.
 * Iterative (a broken page can nest thousands of unclosed tags). A
 * `<noscript>`'s own text is skipped: in a browser it is unparsed markup, in linkedom its elements are
 * real (a saved newsroom page keeps its only copy of the release there). The `hidden` attribute is not
 * read: it costs an attribute scan per element and hides no release text in practice.
 */
export function walk(root: Element | null): Walked {
  const runs: Run[] = [];
  const tags: Record<string, Element[]> = {};
  const at = new Map<Element, number>();
  const counts = new Map<Element | null, number>();
  const open = [root!];
  let buf = '';
  const flush = () => {
    const raw = buf.trim();
    if (raw) {
      const el = open[open.length - 1]!;
      const n = counts.get(el.parentElement) ?? 0;
      counts.set(el.parentElement, n + 1);
      const text = squash(raw);
      runs.push({
        el,
        raw,
        text,
        lead: n < 3 && !open.some((e) => e.localName === 'blockquote') && /^[\p{Lu}/(]/u.test(text),
      });
    }
    buf = '';
  };
  // a block's end is pushed as null before its children, so it pops after them
  const stack: (Node | null)[] = root ? [root] : [];
  while (stack.length) {
    const x = stack.pop();
    if (!x) {
      flush();
      open.pop();
      continue;
    }
    if (x.nodeType === 3) {
      if ((x.parentNode as Element).localName !== 'noscript') buf += x.nodeValue;
      continue;
    }
    if (x.nodeType !== 1) continue;
    const e = x as Element;
    const name = e.localName;
    if (KEEP.has(name)) {
      (tags[name] ??= []).push(e);
      if (name === 'img' || name === 'a') at.set(e, runs.length);
    }
    if (SKIP.has(name) && e !== root) continue;
    if (name === 'br') {
      // a blank line (two breaks) ends a run; one break is a line inside it
      if (/\n\s*$/.test(buf)) flush();
      else buf += '\n';
      continue;
    }
    if (!INLINE.has(name) && e !== root) {
      flush();
      open.push(e);
      stack.push(null);
    }
    for (let c = e.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  flush();
  return { runs, tags, at };
}

/** An element's text, runs joined by spaces ("" for none): what a heading or a link says. */
export const text = (el: Element | null | undefined) =>
  el
    ? walk(el)
        .runs.map((x) => x.text)
        .join(' ')
    : '';

/** What an element says: a time's datetime, otherwise its text. */
export const value = (el: Element | null | undefined) => el?.getAttribute('datetime') ?? text(el);
