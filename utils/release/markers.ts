/**
 * What a line of a release's text says about where it is, as data: each row is a pattern tested on a
 * block's first line, and the part of the release it opens. The first row that matches wins. A release
 * reads: story, then "About X" boilerplate and legal text, contacts, the "SOURCE X" line, an end mark.
 */
export type Part = 'end' | 'close' | 'source' | 'about' | 'contact' | 'legal';

/**
 * "Media Contact:", "Investor inquiries", "For further information:", "Notes for Editors", "Renseignements :",
 * "Pressekontakt:", "Contacto de prensa:", and "Media:" / "Investors:" / "Press:" with their colon (without it they are words of the story).
 */
export const CONTACT_HEAD =
  /^.{0,40}\b(?:(?:contact(?:o?s?)|(?:presse)?kontakte?|inquiries|renseignements|further information|notes? (?:to|for) editors)\b[^:\n]{0,20}:?|(?:media|investors?|press)(?: relations)?:) */i;

export const MARKERS: [RegExp, Part][] = [
  // PR Newswire's "Related Links" / "Also from this source" (lists of other releases): the page goes on
  [/^(?:related (?:links|news)|also from this source)/i, 'end'],
  // "###", "-30-": the release's text is over (a media contact may follow)
  [/^(?:(?:# *){3,}|-+ ?30 ?-+)$/, 'close'],
  // "SOURCE Acme Corp.", "SOURCE: Emerging Growth LLC", "Source: Acme", and an older wire's
  // "SOURCE Acme Corp. -0- 01/07/2008 /CONTACT: …/" run together
  [/^(?:SOURCE:?|Source:) +(.{2,80}?) *(?:-0-|\/[A-Z]|$)/, 'source'],
  // "About Acme Corp.", "ABOUT COGNIZANT", "À propos de Boulangerie Soleil", "À propos d'Hydro-Sud", "Über
  // Acme": a name, not a sentence ("About 200 jobs are…", "About the size of a field.") nor a menu's "About Us"
  [
    /^(?:(?:About|ABOUT|Über) +|À propos d(?:e |['’]))(?!\d|U[sS]$|uns$|.*\b(?:is|are|was|were|will|ha[sv]e?)\b|.*\s\p{Ll}+\.$)(.{2,60}?) *:?$/u,
    'about',
  ],
  [CONTACT_HEAD, 'contact'],
  [/^(?:safe harbou?r|forward[- ]looking|cautionary|(?:legal )?disclaimer)/i, 'legal'],
];

/** The first row matching a line, with its capture (the name after "SOURCE" or "About"). */
export function markerOf(line: string): [Part?, string?] {
  let m: RegExpExecArray | null = null;
  const row = MARKERS.find(([re]) => (m = re.exec(line)));
  return [row?.[1], m?.[1]];
}

/**
 * Containers that are never the release's text: share bars, galleries and their captions, related or
 * recommended lists, widgets, comments, menus, and a table inside the release (financial tables are not
 * paragraphs; a page laid out in a table holds the release's box, never sits inside it). Tested on tag,
 * class and id (a <figcaption> is a caption), only between a text
 * block and the release's box (a template class like "inline-gallery-template" on the whole article is fine).
 */
export const NOT_TEXT_BOX =
  /^ table |share|social|related|recommend|gallery|carousel|caption|photo|widget|sidebar|comment|newsletter|menu|footer/i;

/**
 * Lines of a release that are not prose for ad copy: "Photo - https://…", "Logo - …", "View original
 * content…", and bare URLs; and credits inside a paragraph: "(PRNewsfoto/Acme Corp.)", "(CNW Group/Bank
 * of Canada)".
 */
export const NOT_PROSE = /^(?:(?:photo|logo|video|image)s?\W+(?:https?:|www\.)|view original content|\S+$)/i;
export const CREDIT = / ?\((?:PRNewsfoto|CNW Group|Photo)\/[^)]*\)/gi;
