/**
 * What a line of a release's text says about where it is, as data: each row is a pattern tested on a
 * block's first line, and the part of the release it opens. The first row that matches wins. A release
 * reads: story, then "About X" boilerplate and legal text, contacts, the "SOURCE X" line, an end mark.
 */
export type Part = 'end' | 'source' | 'about' | 'contact' | 'legal' | 'flag';

/** "Media Contact:", "Investor inquiries", "For further information:", "Notes for Editors", "Renseignements :" */
export const CONTACT_HEAD = /^.{0,40}\b(?:contacts?|inquiries|enquiries|renseignements|further information|notes? (?:to|for) editors)\b[^:\n]{0,20}:? */i;

export const MARKERS: [RegExp, Part][] = [
  // "###", "-30-", PR Newswire's "Related Links" / "Also from this source", lists of other releases
  [/^(?:(?:# *){3}|-+ ?30 ?-+$|related (?:links|news|releases)|also from this source|more (?:news )?from )/i, 'end'],
  // "SOURCE Acme Corp.", "SOURCE: Emerging Growth LLC", "Source: Acme"
  [/^(?:SOURCE:?|Source:) +(.{2,80})$/, 'source'],
  // "About Acme Corp.", "ABOUT COGNIZANT", "À propos de Boulangerie Soleil": a name, not "About 200 jobs…"
  [/^(?:About|ABOUT|À propos d[e'’]|À PROPOS D[E'’]) +(?!\d|.*\b(?:is|are|was|were|will|has|have)\b)(.{2,60}?) *:?$/u, 'about'],
  [CONTACT_HEAD, 'contact'],
  [/^(?:safe harbou?r|forward[- ]looking|cautionary (?:note|statement|language)|(?:legal )?disclaimer)/i, 'legal'],
  // a line that only says what the page is
  [/^(?:for immediate release|press release|news release|communiqué(?: de presse)?)\W*$/i, 'flag'],
];

/** The first row matching a line, with its capture (the name after "SOURCE" or "About"). */
export function markerOf(line: string): [Part, string] | null {
  for (const [re, part] of MARKERS) {
    const m = re.exec(line);
    if (m) return [part, m[1] ?? ''];
  }
  return null;
}

/**
 * Containers that are never the release's text: share bars, galleries and their captions, related or
 * recommended lists, widgets, comments, cookie banners, menus. Tested on class and id, only between a text
 * block and the release's box (a template class like "inline-gallery-template" on the whole article is fine).
 */
export const NOT_TEXT_BOX =
  /share|social|related|recommend|gallery|carousel|slide|modal|caption|photo|thumb|widget|sidebar|comment|cookie|promo|newsletter|subscribe|breadcrumb|menu|navbar|footer|banner|advert|popup|toolbar|tags\b/i;

/**
 * Lines of a release that are not prose for ad copy: "Photo - https://…", "Logo - …", "View original
 * content…", image credits "(PRNewsfoto/Acme)", "Photo credit: …", and bare URLs.
 */
export const NOT_PROSE =
  /^(?:(?:photos?|logos?|videos?|images?|infographics?|multimedia|audio)(?: \d+)?\s*[-–—:]\s*\S+$|view original content|(?:photo|image) (?:credit|courtesy)|\((?:PRNewsfoto|CNW Group|Photo)[^)]*\)$|(?:https?:\/\/|www\.)\S+$)/i;
/** Credits inside a paragraph: "(PRNewsfoto/Acme Corp.)", "(CNW Group/Bank of Canada)". */
export const CREDIT = /\s*\((?:PRNewsfoto|PRNewswire Foto|CNW Group|Photo:?|Image:?|Credit:?)[^()]*\)/g;
