import type { WireId } from './hosts';

/**
 * One row per newswire: how its release pages are laid out. Hosts live in hosts.ts (the one list);
 * everything else a wire needs is here, and the shared strategies in extract.ts do the rest. A new wire is
 * a row plus fixtures, never a new code path.
 *
 * Every selector field is a CSS selector list: the first match in document order wins. A selector may point
 * at a `time` (its datetime is read). The template is recognised by its header, the block around the
 * release's h1: the headline, subheadline, date and company are looked for inside it, never in the whole
 * page (a scan of the whole page costs as much as reading it), and only once it is found (another template
 * of the same wire is read like any other page).
 */
export interface WireAdapter {
  id: WireId;
  /** How the wire signs the dateline, as a regex alternative: "PRNewswire" in "/PRNewswire/ --". */
  mark: string;
  /** The template's header: the nearest block around the page's h1 that matches it. */
  header?: string;
  /** The headline inside the header. */
  headline?: string;
  /** Every match beside the headline is a line of the subheadline (PR Newswire prints bullets as several `p.subtitle`). */
  sub?: string;
  /** The release's own date, inside the header: never one from a "related releases" block. */
  date?: string;
  /** The issuer, inside the header. */
  company?: string;
  /** The meta tag naming the issuer (`<meta name="author">`), read with the page's other metadata. */
  companyMeta?: string;
  /** The release's text: the block matching it that holds the dateline. */
  body?: string;
  /** Contact block printed outside the body. */
  contact?: string;
  /** Zone of a printed time that names none (the wire's house zone). */
  zone?: string;
}

// PR Newswire and Cision/CNW share one platform. The PR Newswire and GlobeNewswire selectors come from
// the saved pages in the corpus, Business Wire's from its reported structure (MANIFEST.md). The other
// wires' layouts are unverified, so they carry only what is sure (their dateline signature and house
// zone) and the shared strategies do the rest: body around the dateline, JSON-LD, meta tags.
const prn = {
  header: '.release-header',
  headline: 'h1',
  sub: '.subtitle',
  // the printed date only: meta[name=date] is read with the page's other metadata and must agree with it
  // (2017 pages label an ET time as UTC there)
  date: '.mb-no,.release-details',
  companyMeta: 'author',
  body: 'section.release-body',
  zone: 'ET',
};

export const WIRES: WireAdapter[] = [
  { id: 'prnewswire', mark: 'PRNewswire', ...prn },
  { id: 'cision', mark: 'CNW', ...prn },
  {
    id: 'businesswire',
    mark: 'BUSINESS WIRE',
    // reported layout, unverified: the timestamp may sit outside .bw-release-main, so the header is the page
    header: 'body',
    headline: '.bw-release-main h1',
    sub: '.bw-release-subhead',
    date: '.bw-release-timestamp time',
    body: '#bw-release-story,.bw-release-story',
    contact: '.bw-release-contact',
    zone: 'ET',
  },
  {
    id: 'globenewswire',
    mark: 'GLOBE NEWSWIRE|Marketwired',
    // the saved page's header, else the page (a layout without that block, seen in synthetic traps)
    header: '.main-header-container,body',
    headline: 'h1.article-headline',
    sub: '.article-sub-headline',
    date: '.article-published time',
    company: '.article-source a',
    body: '#main-body-container',
    zone: 'ET',
  },
  { id: 'accesswire', mark: 'ACCESSWIRE', zone: 'ET' },
  { id: 'einpresswire', mark: 'EINPresswire', zone: 'GMT' },
  { id: 'prweb', mark: 'PRWEB', zone: 'ET' },
  { id: 'newswirecom', mark: 'Newswire\\.com', zone: 'ET' },
  { id: 'newsfile', mark: 'Newsfile Corp', zone: 'ET' },
];

/**
 * The dateline forms, the anchor of every release whatever the page around it. The wire forms are built
 * from the table above: "/PRNewswire/ --", "/CNW/ -", "/CNW Telbec/", "--(BUSINESS WIRE)--",
 * "/ ACCESSWIRE / July 13, 2015 /", "(GLOBE NEWSWIRE)", "--(Marketwired - April 06, 2016)",
 * "/EINPresswire.com/", "(PRWEB)", "(Newsfile Corp. - March 12, 2024)".
 */
const MARK = `[/(] *(${WIRES.map((w) => w.mark).join('|')})[^/()]{0,40}[/)]`;
/**
 * The last of two marks close together: a portal reposting a release signs the line before the release's own
 * dateline ("/EINPresswire.com/ --  SAN FRANCISCO, CA--(Marketwired - August 11, 2016) -").
 */
export const WIRE_MARK = new RegExp(`${MARK}(?!.{0,60}${MARK})`, 'i');

/** The wire a dateline names, for its house zone when the page is not the wire's own (a reposted copy). */
export const wireOfMark = (mark: string) => WIRES.find((w) => RegExp(w.mark, 'i').test(mark));

/**
 * A newsroom's own datelines, only ever read at the start of the story: "AUSTIN, Texas, May 1, 2024 –",
 * "AUSTIN, Texas—May 1, 2024—", "RALEIGH, N.C. (Nov. 3, 2024) –", "DALLAS – (March 2, 2023) –", "PARIS, le
 * 12 mars 2024 –", "NEW YORK, March 12th, 2024 –", "SAN DIEGO, CA / Oct. 16, 2014 /", "(Berlin) – ", a bare
 * "SAN DIEGO" line before the first paragraph, and "WASHINGTON — " in capitals. The first (with its date)
 * also marks a listing's excerpts, and its match ends where the story starts.
 */
export const NEWSROOM_DATELINES = [
  /^\p{Lu}[\p{L} .,'’-]{2,60}?(?:[,—–/-] ?\(?| \()(?:le )?(?:[A-Z][a-z]+\.? \d\d?(?:st|nd|rd|th)?,? \d{4}|\d\d?(?:er)?\.? \p{L}+ \d{4})\)? *[-–—/]+ */u,
  /^\(\p{Lu}[\p{L} .'’-]{1,30}\) *[-–—]/u,
  /^\p{Lu}[\p{Lu} .,'’-]{2,40}$/u,
  /^\p{Lu}[\p{Lu} .,'’-]{2,40}? [-–—] \p{Lu}/u,
];

/**
 * News agencies sign their datelines like wires ("LONDON, March 28 (Reuters) -", "NEW YORK (AP) —"): a story
 * by a news agency, never a press release, however release-like the rest of the page looks.
 */
export const AGENCY_MARK =
  /\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|Kyodo|Yonhap|IANS|PTI|ANI|CNN|Dow Jones|MarketWatch|RTTNews|Associated Press|Agence France-Presse)\) *[-–—]/;
