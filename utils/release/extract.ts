import type { AssetKind, Contact, Release } from './schema';
import { emptyRelease } from './empty';
import { wireForHost } from './hosts';
import { AGENCY_MARK, NEWSROOM_DATELINES, WIRES, WIRE_MARK, wireOfMark, type WireAdapter } from './wires';
import { findDate, parseDate, sameDate } from './dates';
import { ldGet, ldName, ldNodes, ldText, ldType } from './jsonld';
import { CONTACT_HEAD, CREDIT, NOT_PROSE, NOT_TEXT_BOX, markerOf } from './markers';
import { pickHeadline, withoutSite } from './headline';
import { images } from './images';
import { squash, text, value } from './text';
import { walk, type Run } from './walk';

// Size matters here: this file ships in the content script (8 KB gzip in all, with WXT's runtime), so
// patterns are data and the code is terse. Comments cost nothing after minification.

const SAID = /\b(?:said|says|added|explained|stated|noted)\b,? *(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3})?/u;
const QUOTED = /[“"]([^”"]{20,})[”"]/g;
const PERSON = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}$/u;
/** "(NASDAQ: IDEX)", "(NYSE American: XYZ)", "(TSXV: ABC.U)": listed exchanges only, symbols in capitals. */
const TICKER = /\b(NYSE(?: American)?|NASDAQ|Nasdaq|TSXV?|CSE|OTC\w*|ASX|LSE)\s?:\s?([A-Z][A-Z\d]{0,5}(?:\.[A-Z]{1,2})?)\b/g;
/**
 * A lead that announces: "Qualcomm Incorporated (NASDAQ: QCOM) today announced", "Visiongain has launched",
 * "Northwind Mining Corp. (TSXV:NWM) is pleased to report". Its subject is the issuer.
 */
const ANNOUNCES =
  /^(\p{Lu}[\p{L}\d&.'’-]*(?:,? (?:\p{Lu}[\p{L}\d&.'’-]*|&|of|and|de|du|the|for)){0,6})(?: ?\([^()]{2,40}\))*,? (?:(?:today|has|have|recently|officially|will) )?(?:announc|report|declar|launch|unveil|introduc|releas|publish|complet|clos|sign|appoint|expand|enter|receiv|win|won|join|partner|select|celebrat|open|(?:is|are) (?:pleased|proud|excited|delighted|thrilled))/u;
/** Asset kinds in test order; the capture group that matched a link's label + URL names its kind. */
const ASSET_KINDS: AssetKind[] = ['whitepaper', 'datasheet', 'webinar', 'report', 'pdf', 'other'];
const ASSET = /(white.?paper)|(data.?sheet)|(webinar)|(report)|(\.pdf\b)|(\be-?book|case.stud|brochure)/i;
/** A page the site files as a press release: its path, or the class of its body. */
const RELEASE_PAGE = /\/(?:press|news)[-_]?releases?\/.|\/releases?\/.|\/press(?:room)?\/.|\/newsroom\/.|press.?release/i;
/** A publisher that is a wire or a release service, never the issuer. */
const WIRE_NAME = /wire|cision|prweb|newsfile/i;

/**
 * An element's class and id, read as attributes: linkedom builds a whole DOMTokenList on every `class` read
 * through getAttribute, and this runs on every ancestor of the release's text.
 */
const names = (e: Element | null) => ` ${e?.getAttributeNode('class')?.value} ${e?.getAttributeNode('id')?.value}`;

/** One contact from a block of lines: the first person-like line, the first e-mail and phone number. */
function contactFrom(raw: string): Contact | null {
  const ls = raw.split('\n').map(squash);
  ls[0] = ls[0]!.replace(CONTACT_HEAD, '');
  const all = ls.join('\n');
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(all)?.[0] ?? null;
  const phone = /\+?\(?\d[\d ().-]{7,}\d/.exec(all)?.[0] ?? null;
  const name = ls.map((l) => l.split(',')[0]!).find((l) => PERSON.test(l)) ?? null;
  return email || phone ? { name, email, phone } : null;
}

/** Recognise and extract a press release. Never throws: a page that breaks the reader is not a release. */
export function extractRelease(doc: Document, url: string): Release {
  const r = emptyRelease(url);
  try {
    readRelease(doc, url, r);
  } catch {
    r.isRelease = false;
    r.reasons.push('page could not be read');
  }
  return r;
}

/**
 * The extractor without its safety net (the fuzz test calls it to prove the net is never needed). Pure:
 * it reads text and attributes of the DOM it is given and nothing else, so it runs alike in the content
 * script, the CLI and the tests.
 *
 * The release is found by its own text, not by one page's markup: the dateline in any of its forms, then
 * the block holding it, read until the boilerplate. A wire's adapter only adds certainty and speed.
 */
export function readRelease(doc: Document, url: string, r: Release): void {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* not a URL: no wire, and no base for links */
  }
  const id = wireForHost(host);
  const w: Partial<WireAdapter> = WIRES.find((x) => x.id == id) ?? {};
  r.wire = host ? (id ?? 'generic') : null;
  // Adapter selectors are only ever run on their wire's pages. Everything else comes from one walk.
  const q = (sel?: string) => (sel ? doc.querySelector(sel) : null);
  const { runs, tags, at } = walk(doc.documentElement);
  const all = (tag: string) => tags[tag] ?? [];
  // Only http(s) links leave the extractor: never javascript: or data: URLs from a hostile page.
  const abs = (u?: string | null) => {
    try {
      const x = new URL(u!, url);
      return u && /^https?:$/.test(x.protocol) ? x.href : null;
    } catch {
      return null;
    }
  };
  /** Whether a container between `el` and `top` (at most `up` levels) is a share bar, gallery, sidebar… */
  const junk = (el: Element, top?: Element | null, up = 30) => {
    for (let a: Element | null = el; a && a != top && up--; a = a.parentElement) if (NOT_TEXT_BOX.test(names(a))) return true;
    return false;
  };

  const meta: Record<string, string> = {};
  for (const m of all('meta')) meta[(m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase()] ??= m.getAttribute('content')?.trim() ?? '';
  const nodes = ldNodes(all('script').filter((e) => /ld/.test(e.getAttribute('type')!)));
  const ld = nodes.find((n) => /PressRelease/i.test(ldType(n))) ?? nodes.find((n) => /Article|BlogPosting/i.test(ldType(n)));
  const pressRelease = /PressRelease/i.test(ldType(ld));

  // The headline: the wire's, else the heading matching the page's titles, else a title.
  const hostName = host.replace(/\W/g, '');
  const titles = [meta['og:title'], ldText(ld, 'headline'), meta['twitter:title'], text(all('title')[0])]
    .map((t) => withoutSite(squash(t), meta['og:site_name'] ?? '', hostName))
    .filter(Boolean);
  const headline = q(w.headline);
  const wireHeadline = text(headline);
  r.headline = wireHeadline || pickHeadline(titles, [...all('h1'), ...all('h2'), ...all('h3'), ...all('h4')].slice(0, 60)) || text(all('h1')[0]);
  // subtitles sit next to the headline; a line in capitals only is a label ("PRIVILEGED INFORMATION")
  const subs = [...(w.sub && headline?.parentElement?.querySelectorAll(w.sub) || [])].flatMap((e) => walk(e).runs.map((x) => x.text));
  r.subheadlines = subs.filter((s) => /\p{Ll}/u.test(s));
  r.subheadline = r.subheadlines.join('\n') || null;

  // The dateline: a wire's signature near the start of a run that leads its block. Several such runs
  // are excerpts on a listing page, not one release. A news agency's dateline marks a news story.
  let dl: Run | undefined;
  let at0 = 0;
  let leading = 0;
  let agency = '';
  runs.forEach((s, i) => {
    if (s.n > 2 || s.q || !/^[\p{Lu}/(]/u.test(s.text)) return;
    const t = s.text.slice(0, 300);
    const m = WIRE_MARK.exec(t);
    const wire = m && m.index < 200;
    const a = !dl && AGENCY_MARK.exec(t.slice(0, 120));
    if ((wire || a || NEWSROOM_DATELINES[0]!.test(t)) && !junk(s.el, null, 3)) {
      leading++;
      if (wire) dl ??= ((at0 = i), s);
      agency ||= (a && a[0]) || '';
    }
  });
  const mark = dl && WIRE_MARK.exec(dl.text);

  // The release's box: the wire's body, else the block holding the dateline (climbing while its parent
  // holds at least twice the story, as when a repost splits the text in two), else the block with most
  // long runs. Navigation and sidebars never count.
  const sums = [0];
  runs.forEach((s, i) => sums.push(sums[i]! + +(s.text.length > 80 && !s.t)));
  const long = (a: number, b: number) => sums[b]! - sums[a]!;
  const group = (el: Element) => (/^(?:p|li|h\d|dd|dt|pre|blockquote)$/.test(el.localName) ? el.parentElement : el);
  const wireBody = w.body ? (dl?.el.closest(w.body) ?? q(w.body)) : null;
  let box = wireBody ?? (dl && group(dl.el));
  if (!box) {
    const count = new Map<Element | null, number>();
    let top = 0;
    runs.forEach((s, i) => {
      const g = group(s.el);
      const n = (count.get(g) ?? 0) + +(s.text.length > 80 && !s.t);
      count.set(g, n);
      if (n > top && !junk(s.el, null, 4)) (top = n), (at0 = i), (box = g);
    });
  }
  if (box && !box.contains(runs[at0]?.el ?? null)) at0 = runs.findIndex((s) => box!.contains(s.el));
  const range = (el: Element, i = at0) => {
    let a = i;
    let b = i + 1;
    while (a > 0 && el.contains(runs[a - 1]!.el)) a--;
    while (b < runs.length && el.contains(runs[b]!.el)) b++;
    return [a, b] as const;
  };
  let [from, to] = box && at0 >= 0 ? range(box) : [0, 0];
  for (let up = 0; box && !wireBody && up < 3; up++) {
    const p: Element | null = box.parentElement;
    if (!p || p == doc.body || !p.parentElement) break;
    const [a, b] = range(p);
    const [had, has] = [long(from, to), long(a, b)];
    if (has <= had || has < 2 * had) break;
    [box, from, to] = [p, a, b];
  }

  // The body, read in order: story, then "About X" boilerplate and legal text, then contacts, the
  // "SOURCE X" line (contacts may follow it), until an end mark.
  let aboutName = '';
  let source = '';
  let endMark = false;
  let legal = false;
  let flag = false;
  let mode = 0; // 0 story, 1 about, 2 contacts, 3 after the SOURCE line
  let stop = to;
  for (let i = from; i < to && r.body.length < 600; i++) {
    const s = runs[i]!;
    const t = s.text;
    if (s.t || junk(s.el, box) || t == r.headline || subs.includes(t)) continue;
    const nl = s.raw.indexOf('\n');
    const head = nl < 0 ? t : squash(s.raw.slice(0, nl));
    const [part, name] = markerOf(head) || [];
    if (part == 'end') {
      endMark = !/^[rma]/i.test(t);
      stop = Math.min(stop, i);
      break;
    }
    if (part == 'flag') flag = true;
    else if (part == 'source') (source = name!), (mode = 3), (stop = i);
    else if (part == 'about' && mode < 3) {
      mode = 1;
      if (/^\p{Lu}/u.test(name!)) aboutName ||= name!;
      if (head != t) r.about.push(squash(s.raw.slice(nl)));
    } else if ((part == 'contact' && (head.length < 60 || /@/.test(t))) || mode == 2) {
      mode = 2;
      const c = contactFrom(s.raw);
      if (c) r.contacts.push(c);
    } else if (mode == 3) continue;
    else if (mode || part == 'legal') (legal ||= part == 'legal'), r.about.push(t), (mode = 1);
    else r.body.push(t);
  }
  for (const el of w.contact ? doc.querySelectorAll(w.contact) : []) {
    const c = contactFrom(walk(el).runs.map((x) => x.raw).join('\n'));
    if (c) r.contacts.push(c);
  }
  for (const t of r.body) {
    const said = SAID.exec(t);
    // Quoted segments joined as sentences: "…one position," says X. "Government…" → "…one position. Government…"
    const parts = [...t.matchAll(QUOTED)].map((m) => m[1]!.replace(/[\s,]*$/, '').replace(/[^.!?…]$/, '$&.'));
    if (said && parts[0]) r.quotes.push({ speaker: said[1] ?? null, text: parts.join(' ') });
  }
  for (const [, exchange, symbol] of [r.headline, ...r.body, ...r.about].join('\n').matchAll(TICKER)) {
    const x = exchange!.toUpperCase();
    if (!r.tickers.some((k) => k.exchange == x && k.symbol == symbol)) r.tickers.push({ exchange: x, symbol: symbol! });
  }

  // The dateline: a wire's, else a newsroom's "CITY, Date –", "(City) –" or a bare "CITY" line opening the story.
  const first = r.body[0] ?? '';
  const plain = !mark && NEWSROOM_DATELINES.some((re) => re.test(first)) && r.body[1] != null;
  const lead = mark ? dl!.text : plain ? first : '';
  const leadDate = findDate(lead.slice(0, (mark?.index ?? 0) + 60), w.zone ?? wireOfMark(mark?.[1] ?? '-')?.zone);
  if (lead) {
    // "PALO ALTO, Calif., April 25, 2016 /PRNewswire/" → the place is what precedes the date or the mark
    const end = mark?.index ?? lead.length;
    let loc = lead.slice(0, leadDate && leadDate[1] < end ? leadDate[1] : end).split(/\d/)[0]!;
    // trailing separators and lower-case particles ("MONTRÉAL, le 12 mars 2024"); the first of two places
    for (let i = 0; i < 3; i++) loc = loc.replace(/[\s,\-–—/(]+$/, '').replace(/(^|[\s,])\p{Ll}+$/u, '$1');
    loc = loc.replace(/^\(|\)$/g, '').split(/ (?:and|&) /)[0]!;
    const [city, region, ...country] = loc.split(/ *, */);
    if (city && loc.length < 80 && /^\p{Lu}/u.test(city)) r.dateline = { city, region: region || null, country: country.join(', ') || null };
  }
  // the story proper starts after the dateline ("… /PRNewswire/ -- Acme today announced")
  // a bare "SAN DIEGO" line is the dateline, not a paragraph of the story
  if (plain && NEWSROOM_DATELINES[2]!.test(first)) r.body.shift();
  const story = (mark ? lead.slice(mark.index + mark[0].length) : plain ? r.body[0]!.replace(/^.*?[-–—] /, '') : first).replace(/^[\s\-–—/]+/, '') || r.body[1] || '';
  const announcer = ANNOUNCES.exec(story)?.[1];
  r.prose = r.body.filter((t) => !NOT_PROSE.test(t)).map((t) => t.replace(CREDIT, ''));

  // The issuer: the "SOURCE" line, the wire's byline, a PressRelease's own author/publisher, the "About X"
  // heading, the subject of the announcing lead, an Article's publisher when it is neither this site nor a
  // wire. On a promotional release the SOURCE line names the issuer, not the company it writes about.
  const publisher = ldName(ldGet(ld, 'publisher'));
  /** A name that is this site's own: "Qualcomm Incorporated" on qualcomm.com, "BBC News" on bbc.com. */
  const ours = (name: string) => hostName.includes(name.toLowerCase().replace(/\W/g, '')) || hostName.includes(name.toLowerCase().split(/\W/)[0]!.padEnd(3, '#'));
  r.company =
    squash(
      source || value(q(w.company)) || (pressRelease ? ldName(ldGet(ld, 'author')) || publisher : '') || aboutName || announcer ||
        (publisher && !WIRE_NAME.test(publisher) && !ours(publisher) ? publisher : ''),
    ) || null;

  // The date: the page's metadata when it agrees with what the page prints (a printed date, else the
  // dateline's, else a date standing alone near the story), the printed one when they disagree.
  const machine = [ldText(ld, 'datePublished'), meta['article:published_time'], meta['og:article:published_time'], meta.date, meta.pubdate]
    .map((s) => parseDate(s))
    .find(Boolean);
  const region = box?.parentElement?.parentElement;
  const printed = [parseDate(value(q(w.date)), w.zone), leadDate?.[0]].filter(Boolean) as string[];
  const [ra, rb] = printed[0] || !region || from == to ? [0, 0] : range(region, from);
  for (let i = ra; i < rb; i++) {
    const t = runs[i]!.text;
    const d = t.length < 60 && /\d{4}/.test(t) && findDate(t, w.zone);
    if (d && d[1] < 12) {
      printed.push(d[0]);
      break;
    }
  }
  const said = printed.find((d) => d.includes('T')) ?? printed[0];
  r.publishedAt = (machine && (!said || sameDate(machine, said)) ? (machine.includes('T') || !said ? machine : said) : said) ?? null;

  // Links and pictures inside the release's text, up to its end (never a widget or list below it)
  const urls = new Set<string>();
  const inBody = (e: Element) => box?.contains(e) && at.get(e)! >= from && at.get(e)! <= stop;
  for (const a of all('a')) {
    if (!inBody(a)) continue;
    const u = abs(a.getAttribute('href'));
    const label = text(a);
    const kind = ASSET_KINDS[ASSET.exec(`${label} ${u}`)?.slice(1).findIndex(Boolean) ?? -1];
    if (kind && u && !urls.has(u) && !junk(a, box)) urls.add(u), r.assets.push({ url: u, label: label || u, kind });
  }
  const pics = images();
  pics.add(abs(meta['og:image']), squash(meta['og:image:alt']), '', +meta['og:image:width']! || 0, +meta['og:image:height']! || 0);
  for (const i of all('img')) {
    if (!inBody(i)) continue;
    let context = '';
    for (let a: Element | null = i; a && a != box; a = a.parentElement) context += names(a);
    // the largest candidate of a srcset, else src
    const set = (i.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)).sort((x, y) => parseInt(y[1]!) - parseInt(x[1]!))[0];
    const big = set?.[1]?.endsWith('w') ? set : null;
    pics.add(abs(big?.[0] ?? (i.getAttribute('src') || i.getAttribute('data-src'))), squash(i.getAttribute('alt')), context, parseInt(big?.[1] ?? i.getAttribute('width')!) || 0, big ? 0 : parseInt(i.getAttribute('height')!) || 0);
  }
  r.images = pics.list();

  r.language = doc.documentElement?.getAttribute('lang') || meta['og:locale']?.replace('_', '-') || null;
  r.canonicalUrl = abs(all('link').find((l) => l.getAttribute('rel') == 'canonical')?.getAttribute('href') || meta['og:url']);

  // Evidence: each item is something ordinary news articles lack, and none is enough on its own.
  let score = 0;
  const evidence = (seen: unknown, weight: number, why: string) => seen && ((score += weight), r.reasons.push(why));
  evidence(wireBody && wireHeadline, 0.4, `${id} release layout`);
  evidence(mark, 0.45, `wire dateline ${mark?.[0]}`);
  evidence(plain, 0.2, `dateline "${r.dateline?.city}"`);
  evidence(source, 0.3, `"SOURCE ${source}" line`);
  evidence(pressRelease, 0.5, 'JSON-LD PressRelease');
  evidence(aboutName, 0.2, `"About ${aboutName}" boilerplate`);
  evidence(r.contacts[0], 0.2, 'media contact block');
  evidence(endMark, 0.2, 'end mark');
  evidence(legal || flag, 0.1, flag ? 'says "press release"' : 'legal boilerplate');
  evidence(announcer, 0.2, `lead: "${announcer}" announces`);
  // a company announcing on its own site ("Qualcomm Incorporated … today announced" on qualcomm.com)
  evidence(r.company && ours(r.company), 0.2, 'on the issuer\'s own site');
  evidence(RELEASE_PAGE.test(`${url.replace(/[?#].*/, '')} ${names(doc.documentElement && doc.body)}`), 0.2, 'a press-release page');
  evidence(agency, -0.6, `news agency dateline ${agency}`);
  evidence(leading > 2, -1, `${leading} release excerpts: a listing page`);
  evidence(ld && !pressRelease, 0, `JSON-LD ${ldType(ld)} (weak alone)`);
  evidence(!r.body[0], 0, 'no release body');
  r.confidence = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  r.isRelease = score >= 0.6 && !!r.headline && !!r.body[0];
}
