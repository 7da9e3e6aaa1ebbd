import type { Release } from '../contract/release';
import { AGENCY_MARK, NEWSROOM_DATELINES, wireOfMark } from './wires';
import { chooseDate, findDate } from './dates';
import { PERSON, group, junk, names, placeOf, type Boxed, type Evidence, type Found, type Strategies } from './page';
import type { Run } from './walk';
import { squash } from './text';
import { CONTACT_HEAD } from './markers';
import { ldGet, ldName, ldType } from './jsonld';
import { alnum, withoutSite } from './headline';

/**
 * Reading releases off the wires: syndicated copies on finance portals, company and institution newsrooms,
 * and the news pages that look like them. These signals never occur on a wire's own pages, so they are read
 * only on other hosts, and the content script (wire hosts only) does not ship them.
 */

/**
 * A lead that announces: "Qualcomm Incorporated (NASDAQ: QCOM) today announced", "3M today opened", "Apple® today
 * announced", "Visiongain has launched",
 * "Northwind Mining Corp. (TSXV:NWM) is pleased to report". Its subject is the issuer.
 */
const ANNOUNCES =
  /^([\p{Lu}\d][\p{L}\d&.'’®™-]*(?:,? (?:\p{Lu}[\p{L}\d&.'’®™-]*|&|of|and|de|the)){0,6})(?: ?\([^()]*\))*,? (?:today |has |is )?(?:announc|report|declar|launch|unveil|introduc|releas|publish|complet|sign|appoint|expand|receiv|win|partner|open|pleased|proud)/u;
/**
 * A page the site files as a press release: its path ("/news/releases/2014/…", "/press-releases/…", "/pr/library/…"), or a
 * class of its body or of the article holding the release ("node-type-press-release",
 * "category-news-releases").
 */
const RELEASE_PAGE = /\/(?:press|news)[-_]?releases?\/.|\/releases?\/.|\/newsroom\/.|\/pr\/.|(?:press|news).?release/i;
/** Not an organisation in a contact block: a job title or a department's role. */
const ROLE =
  /\b(?:director|manager|officer|president|head|lead|specialist|coordinator|relations|communications|media|public|press|senior|chief|vp|executive|spokes\w*)\b/i;
/** A page's own words in capitals that are no city: a bare "ADVERTISEMENT" line is no dateline. */
const UI =
  /^(?:advertise\w*|sponsored|close|menu|share|subscribe|loading|related|more|updated|breaking|exclusive|watch|video|photos?)\b/i;
/** Where a newsroom's dateline ends: a spaced hyphen or a dash ("AUSTIN, Texas – ", "(Berlin) – "). */
const DASH = /\s[-–—]|[–—]/;

/**
 * The runs an element holds around run `i`, which it holds: they are contiguous (runs are in reading order),
 * so each end is found by bisection, a few `contains` instead of one per run (a page's main column holds
 * hundreds, and `contains` climbs the tree).
 */
export function span(runs: Run[], el: Element, i: number): [number, number] {
  let lo = 0;
  let hi = i;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (el.contains(runs[m]!.el)) hi = m;
    else lo = m + 1;
  }
  const from = lo;
  lo = i + 1;
  hi = runs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (el.contains(runs[m]!.el)) lo = m + 1;
    else hi = m;
  }
  return [from, lo];
}

/**
 * Where the release is on a page of another site: the block holding the dateline, widened while its parent
 * holds at least twice the story (a repost may split the text in two); without a dateline, the block with
 * the most long runs (navigation and sidebars aside).
 */
function box(b: Boxed): [Element | null | undefined, number, number] {
  const { r, runs } = b;
  let { box, from, to } = b;
  if (r.wire && r.wire !== 'generic') return [box, from, to];
  const long = (s: { text: string }) => +(s.text.length > 80);
  const sums = [0];
  runs.forEach((s, i) => sums.push(sums[i]! + long(s)));
  if (!box) {
    const count = new Map<Element | null, number>();
    let top = -1;
    runs.forEach((s, i) => {
      const g = group(s.el);
      const n = (count.get(g) ?? 0) + long(s);
      count.set(g, n);
      if (n > (box ? count.get(box)! : 0) && !junk(s.el, null, 4)) {
        box = g;
        top = i;
      }
    });
    [from, to] = box ? span(runs, box, top) : [0, 0];
  }
  for (let up = 3, p; up-- && (p = box?.parentElement) && p !== b.doc.body;) {
    const [a, z] = span(runs, p, from);
    if (sums[z]! - sums[a]! < Math.max(2 * (sums[to]! - sums[from]!), 1)) break;
    [box, from, to] = [p, a, z];
  }
  return [box, from, to];
}

/** Words of a name that name nobody: legal forms, articles, a site's sections ("Qualcomm News"). */
const GENERIC =
  /^(?:the|and|of|inc|corp|corporation|co|company|ltd|llc|plc|group|holdings?|international|global|news|media|www|com|org|net|press|investors?|ir)?$/;

/** The labels of the page's host: "www.qualcomm.com" → www, qualcomm, com (none for a page with no URL). */
const hostLabels = (r: Release) => (r.wire ? new URL(r.url).hostname.toLowerCase().split('.') : []);
/** The host's name as titles are matched against it: "www.qualcomm.com" → "wwwqualcommcom". */
const hostNameOf = (r: Release) => hostLabels(r).join('').replace(/\W/g, '');

/** The headline is picked from the titles without the site's name around them ("Qualcomm Declares … | Qualcomm"). */
const titles = (t: string[], r: Release) =>
  r.wire && r.wire !== 'generic' ? t : t.slice(0, 4).map((x) => withoutSite(x, t[4]!, hostNameOf(r)));

export const OFF_WIRE: Strategies = { titles, box, after: offWire };

function offWire(f: Found): Evidence[] {
  const { r, runs, mark } = f;
  // a wire's own pages are read by the core alone, as the content script reads them
  if (r.wire && r.wire !== 'generic') return [];
  const publisher = ldName(ldGet(f.ld, 'publisher'));
  const labels = hostLabels(r);
  /**
   * A name that is this site's own: one of its distinctive words opens a label of the host ("Qualcomm
   * Incorporated" on qualcomm.com, "The Boeing Company" on investors.boeing.com, "3M" on 3m.com, "BBC News" on
   * bbc.co.uk); never a word inside a label ("Biotech Inc." on fiercebiotech.com) nor a legal form.
   */
  const ours = (name: string) =>
    labels.some(
      (l) =>
        l === alnum(name) ||
        name
          .toLowerCase()
          .split(/[^\p{L}\d]+/u)
          .some((w) => !GENERIC.test(w) && (l === w || (w.length > 3 && l.startsWith(w)))),
    );

  // A news agency signs its stories like a wire ("LONDON, March 28 (Reuters) -"); several newsroom
  // datelines leading their blocks are a listing's excerpts.
  let agency = '';
  let listed = 0;
  for (const s of runs)
    if (s.lead) {
      agency ||= (!mark && AGENCY_MARK.exec(s.text.slice(0, 120))?.[0]) || '';
      // (a year and a dash first: the full pattern is slow to fail on every leading line of a page)
      listed += +(/\d{4}\)? *[-–—/]/.test(s.text) && NEWSROOM_DATELINES[0]!.test(s.text));
    }

  // A line that only says what the page is ("FOR IMMEDIATE RELEASE") is no part of the story, nor are a
  // date standing alone or the headline run together with it ("October 16, 2014Acme Declares…"): a
  // newsroom's template printed around the text
  let flag = false;
  while (/^(?:for immediate|press|news) release\W*$/i.test(r.body[0] ?? '')) {
    flag = true;
    r.body.shift();
    r.prose!.shift();
  }
  const stray = (t: string) =>
    t.length < 300 &&
    ((r.headline && t.split(r.headline).join('').length < t.length / 2) ||
      (t.length < 40 && (findDate(t)?.[1] ?? 99) < 12));
  r.body = r.body.filter((t) => !stray(t));
  r.prose = r.prose!.filter((t) => !stray(t));

  // A newsroom's dateline opening the story: "CITY, Date –", "(City) –", or a bare "SAN DIEGO" line, which
  // is the dateline and not a paragraph of the story
  const first = r.body[0] ?? '';
  // (the form's match, kept: a dated form's match ends where the story starts)
  let opening: RegExpExecArray | null = null;
  const form =
    mark || !r.body[1] || UI.test(first) ? -1 : NEWSROOM_DATELINES.findIndex((re) => (opening = re.exec(first)));
  const plain = form >= 0;
  // a reposted wire release keeps its wire's house zone ("/ ACCESSWIRE / … 8:30 AM" is ET)
  const zone = wireOfMark(mark?.[1] ?? '-')?.zone;
  const date = plain && findDate(first.slice(0, 60));
  const dash = first.search(DASH);
  if (plain) r.dateline = placeOf(first, date ? date[1] : dash < 0 ? 1e4 : dash);
  const city = plain && NEWSROOM_DATELINES[2]!.test(first) && r.body.shift();
  if (city && r.prose![0] === first) r.prose!.shift();
  // a media contact's name, then the organisation: "Jennifer Moore, Mosbacher Institute, (979) 571-1113"
  const organisation = () => {
    for (const s of runs.slice(f.from, f.to))
      if (CONTACT_HEAD.test(s.raw)) {
        const parts = s.raw
          .replace(CONTACT_HEAD, '')
          .split(/[,\n]/)
          .map(squash)
          .filter((p) => /^\p{Lu}[\p{L}&.'’ -]{1,60}$/u.test(p) && !ROLE.test(p));
        return PERSON.test(parts[0] ?? '') ? parts[1] : parts[0];
      }
  };
  // the classes of the containers around the release, up to <body>
  let filed = '';
  for (let e = f.box; e; e = e.parentElement) filed += names(e);
  // the story proper starts after the dateline ("… /PRNewswire/ -- Acme today announced")
  const story =
    (mark
      ? mark.input.slice(mark.index + mark[0].length)
      : plain && !city
        ? first.slice(form ? dash + 2 : opening![0].length)
        : (r.body[0] ?? '')
    ).replace(/^[\s\-–—/]+/, '') || r.body[1];
  const announcer = ANNOUNCES.exec(story ?? '')?.[1]?.replace(/[®™]/g, '');
  // the issuer when nothing names it: the announcing lead's subject, the publisher when it is neither this
  // site nor a wire, the organisation a media contact speaks for ("Jane Roe, Acme Institute, 555-0100")
  r.company ||=
    squash(
      announcer ||
        (!/wire|cision|prweb|newsfile/i.test(publisher) && !ours(publisher) && publisher) ||
        organisation() ||
        '',
    ) || null;

  // The date: the newsroom dateline's, else a date standing alone near the story ("24 March 2020")
  const wired = mark && findDate(mark.input.slice(0, mark.index + 60), zone);
  const printed = [wired, date].flatMap((d) => (d ? [d[0]] : []));
  const region = f.box?.parentElement?.parentElement;
  const [a, b] = printed[0] || !region || f.from === f.to ? [0, 0] : span(runs, region, f.from);
  for (let i = a; i < b && !printed[0]; i++) {
    // (every date form has a four-digit year: most short lines around a story have none)
    const d = runs[i]!.text.length < 60 && /\d{4}/.test(runs[i]!.text) && findDate(runs[i]!.text);
    if (d && d[1] < 12) printed.push(d[0]);
  }
  r.publishedAt = chooseDate(f.machine, printed);

  return [
    // a bare "SAN DIEGO" line weighs less, and a capital city and a dash ("WASHINGTON — "), which opens news
    // stories as often as releases, nothing: both are read, not counted on
    [plain, [0.2, 0.2, 0.1, 0][form]!, `dateline "${r.dateline?.city}"`],
    [flag, 0.1, 'says press release'],
    [announcer, 0.2, `lead: "${announcer}" announces`],
    // a company announcing on its own site ("Qualcomm Incorporated … today announced" on qualcomm.com)
    [r.company && ours(r.company), 0.2, "on the issuer's own site"],
    [RELEASE_PAGE.test(r.url.replace(/[?#].*/, '') + filed), 0.2, 'a press-release page'],
    [agency, -0.6, `news agency dateline ${agency}`],
    [listed > 2, -1, `${listed} newsroom excerpts: a listing`],
    // an Article's JSON-LD is said, never counted: newsrooms and news sites both write it
    [ldType(f.ld) && !/PressRelease/.test(ldType(f.ld)), 0, `JSON-LD ${ldType(f.ld)} (weak alone)`],
  ];
}
