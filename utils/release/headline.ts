import { text } from './walk';

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\d]+/gu));
export const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\d]/gu, '');
/** A title cut short by the site: "Visiongain publishes … Forecast 2020-2030..." */
const cut = (s: string) => /(?:\.\.\.|…)$/.test(s);

/**
 * A part of a title that names a section of the site: "Press Info", "Newsroom", "Press Releases", "Media Center".
 * (Words are separated by a space, so a long run of them cannot backtrack: "newsroom" is one word, never news+room.)
 */
const SECTION_WORD =
  '(?:press|news|media|info(?:rmation)?|releases?|room|center|centre|newsroom|pressroom|investors?|relations|and|&)';
const SECTION = RegExp(`^${SECTION_WORD}(?: ${SECTION_WORD})*$`, 'i');

/**
 * A page title without the site's name around it, nor a section's ("Apple - Press Info - X" → X): "Qualcomm Declares Quarterly Cash Dividend | Qualcomm",
 * "X - Visiongain", "Nasdaq.com - X" → X. A part is the site's when it is og:site_name or the host's name, or
 * a short name whose first word is the host's ("Qualcomm Incorporated" on qualcomm.com); never a headline
 * that opens with the company's name ("Acme Opens Austin Plant | Portal" on acme.example).
 */
export function withoutSite(title: string, site: string, host: string): string {
  const isSite = (p: string) => {
    const a = alnum(p);
    const named = p.split(' ');
    return (
      SECTION.test(p) ||
      (a.length > 1 && (a === alnum(site) || host.includes(a) || (named.length < 4 && host.includes(alnum(named[0]!)))))
    );
  };
  let t = title;
  for (let m; (m = / +(?:[|–—·-]|::) +([^|–—·]+)$/.exec(t)) && isSite(m[1]!);) t = t.slice(0, m.index);
  for (let m; (m = /^([^|–—·]+?) +(?:[|–—·-]|::) +/.exec(t)) && isSite(m[1]!);) t = t.slice(m[0].length);
  return t;
}

/**
 * The headline: the heading that best matches the page's titles (og:title, JSON-LD, <title>, each without
 * the site's name), since the first h1 is often the site's logo and titles are often cut short; a title
 * alone when no heading matches, the first heading when there is no title. A heading cut with "…" loses to a
 * full title.
 */
export function pickHeadline(titles: string[], heads: Element[]): string {
  const sets = titles.map(words);
  let best = '';
  let top = 0.7;
  // a heading scoring 1 (every word shared) cannot be beaten: the rest are not read
  for (const h of heads) {
    if (top >= 1) break;
    const ht = text(h);
    if (ht.length < 8 || ht.length > 300) continue;
    const hw = words(ht);
    sets.forEach((tw, i) => {
      let common = 0;
      for (const x of tw) common += +hw.has(x);
      const score = common / (cut(titles[i]!) ? tw.size : Math.max(tw.size, hw.size));
      // a heading in a link is another page's teaser ("… Second Quarter 2026" beside "… First Quarter 2026")
      // unless it is this page's title word for word
      if (score > top && (score >= 1 || !h.closest('a'))) {
        top = score;
        best = ht;
      }
    });
  }
  const full = titles.find((t) => !cut(t));
  return (cut(best) && full && full.length > best.length ? full : best) || full || titles[0] || text(heads[0]);
}
