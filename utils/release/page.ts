import type { AssetKind, Contact, Dateline, Release } from '../contract/release';
import { emptyRelease } from './empty';
import { wireForHost } from './hosts';
import { WIRES, WIRE_MARK, type WireAdapter } from './wires';
import { chooseDate, findDate, parseDate } from './dates';
import { ldGet, ldName, ldNodes, ldText, ldType } from './jsonld';
import { CONTACT_HEAD, CREDIT, NOT_PROSE, NOT_TEXT_BOX, markerOf } from './markers';
import { pickHeadline } from './headline';
import { images } from './images';
import { squash } from './text';
import { text, value, walk, type Run } from './walk';

/**
 * The extractor's core: everything a release needs wherever it is read, and all the content script ships
 * (8 KB gzip in all, with WXT's runtime), so patterns are data and the code is terse. Comments cost nothing
 * after minification. Signals that only exist off the wires (news-agency and newsroom datelines, a company
 * announcing on its own site) are in off-wire.ts, which `extractRelease` adds: the content script runs on
 * the wires' hosts only.
 */

const SAID = /\b(?:said|says|added|explained|stated|noted)\b,? *(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3})?/u;
const QUOTED = /[“"]([^”"]{20,})[”"]/g;
export const PERSON = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}$/u;
/** "(NASDAQ: IDEX)", "(NYSE American: XYZ)", "(TSXV: ABC.U)": listed exchanges only, symbols in capitals. */
const TICKER =
  /\b(NYSE(?: American)?|NASDAQ|Nasdaq|TSXV?|CSE|OTC\w*|ASX|LSE)\s?:\s?([A-Z][A-Z\d]{0,5}(?:\.[A-Z]{1,2})?)\b/g;
/** Asset kinds in test order; the capture group that matched a link's label + URL names its kind. */
const ASSET_KINDS: AssetKind[] = ['whitepaper', 'datasheet', 'webinar', 'report', 'pdf', 'other'];
const ASSET = /(white.?paper)|(data.?sheet)|(webinar)|(report)|(\.pdf\b)|(\be-?book|case.stud|brochure)/i;

/**
 * An element's tag, class and id: what says a container is a share bar, a sidebar, a caption… The class is
 * read as an attribute: linkedom rebuilds a DOMTokenList's string on every `className` read.
 */
export const names = (e: Element | null) => ` ${e?.localName} ${e?.getAttributeNode('class')?.value} ${e?.id}`;

/**
 * Whether a container from `el` up to `top` (at most `up` levels) is a share bar, gallery, sidebar… With
 * `known`, each container's answer is remembered for the next element under the same `top`: the runs of a
 * long release (a financial table has thousands of cells) share their ancestors.
 */
export const junk = (el: Element, top?: Element | null, up = 30, known?: Map<Element, boolean>) => {
  const path: Element[] = [];
  let hit: boolean | undefined;
  for (let a: Element | null = el; a && a !== top && up-- && hit === undefined; a = a.parentElement) {
    hit = known?.get(a) ?? (NOT_TEXT_BOX.test(names(a)) || undefined);
    path.push(a);
  }
  for (const a of known ? path : []) known!.set(a, !!hit);
  return !!hit;
};

/** The block a text block belongs to: a paragraph's or a list item's parent, else itself. */
export const group = (el: Element) =>
  /^(?:p|li|h\d|dd|dt|pre|blockquote)$/.test(el.localName) ? el.parentElement : el;

/**
 * The place a dateline names before its date or mark: "PALO ALTO, Calif., April 25, 2016 /PRNewswire/" →
 * PALO ALTO, Calif.; trailing separators and lower-case particles ("MONTRÉAL, le 12 mars") dropped, the
 * first of two places ("PARIS and TEANECK, N.J.") kept.
 */
export function placeOf(lead: string, end: number): Dateline | null {
  // (without a portal's mark before it: "/EINPresswire.com/ -- SAN FRANCISCO, CA--(Marketwired …")
  let loc = lead
    .slice(0, end)
    .replace(/^\/.*?\/[\s-]*/, '')
    .split(/\d/)[0]!;
  for (let i = 0; i < 3; i++) loc = loc.replace(/[\s,\-–—/(]+$/, '').replace(/(^|[\s,])\p{Ll}+$/u, '$1');
  const [city, region, ...country] = loc
    .replace(/^\(|\)$/g, '')
    .split(/ (?:and|&) /)[0]!
    .split(/ *, */);
  return city && loc.length < 80 && /^\p{Lu}/u.test(city)
    ? { city, region: region || null, country: country.join(', ') || null }
    : null;
}

/** One contact from a block of lines: the first person-like line, the first e-mail and phone number. */
function contactFrom(raw: string): Contact | null {
  const ls = raw.replace(CONTACT_HEAD, '').split('\n').map(squash);
  const all = ls.join('\n');
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(all)?.[0] ?? null;
  const phone = /\+?\(?\d[\d ().-]{7,}\d/.exec(all)?.[0] ?? null;
  const name = ls.map((l) => l.split(',')[0]!).find((l) => PERSON.test(l)) ?? null;
  return email || phone ? { name, email, phone } : null;
}

/** Where the core would read the release, for a strategy to look again (off-wire.ts). */
export interface Boxed {
  r: Release;
  doc: Document;
  runs: Run[];
  box?: Element | null;
  /** The release's runs: runs[from..to). */
  from: number;
  to: number;
}

/** Strategies beyond the core: where the release is, and what else the page says (off-wire.ts). */
export interface Strategies {
  /** The page's titles (og:title, JSON-LD, twitter:title, <title>, then og:site_name) to pick the headline by. */
  titles: (titles: string[], r: Release) => string[];
  box: (b: Boxed) => [Element | null | undefined, number, number];
  after: (f: Found) => Evidence[];
}

/** What the core found, for the strategies that read pages off the wires (off-wire.ts). */
export interface Found {
  r: Release;
  doc: Document;
  /** The JSON-LD node read (a PressRelease, else an Article). */
  ld: unknown;
  runs: Run[];
  box?: Element | null;
  /** The release's runs: runs[from..to). */
  from: number;
  to: number;
  /** A wire's dateline signature, when the release has one. */
  mark: RegExpExecArray | null | undefined;
  /** The page's machine-readable date. */
  machine?: string | null;
}
/** Evidence: seen, weight, why. */
export type Evidence = readonly [unknown, number, string];

/** Recognise and extract a press release, with extra strategies. Never throws: a page that breaks the reader is not a release. */
export function extractWith(doc: Document, url: string, more?: Strategies): Release {
  const r = emptyRelease(url);
  try {
    readPage(doc, url, r, more);
  } catch {
    r.isRelease = false;
    r.reasons.push('page could not be read');
  }
  return r;
}

/**
 * The extractor without its safety net. Pure: it reads text and attributes of the DOM it is given and
 * nothing else, so it runs alike in the content script, the CLI and the tests.
 *
 * The release is found by its own text, not by one page's markup: the dateline, then the block holding it,
 * read until the boilerplate. A wire's adapter only adds certainty and speed.
 */
export function readPage(doc: Document, url: string, r: Release, more?: Strategies): void {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* not a URL: no wire, and no base for links */
  }
  const id = wireForHost(host);
  const w: Partial<WireAdapter> = WIRES.find((x) => x.id === id) ?? {};
  r.wire = host ? (id ?? 'generic') : null;
  // Everything comes from one walk. Adapter selectors are only ever run on their wire's pages, inside the
  // template's header (the block around an h1): never over the whole page.
  const { runs, tags, at } = walk(doc.documentElement);
  const all = (tag: string) => tags[tag] ?? [];
  let header: Element | null = null;
  for (const h of w.header ? all('h1') : []) if ((header = h.closest(w.header!))) break;
  const q = (sel?: string) => (sel && header?.querySelector(sel)) || null;
  // Only http(s) links leave the extractor: never javascript: or data: URLs from a hostile page.
  const abs = (u?: string | null) => {
    try {
      const x = new URL(u!, url);
      return u && /^https?:$/.test(x.protocol) ? x.href : null;
    } catch {
      return null;
    }
  };

  const meta: Record<string, string> = {};
  for (const m of all('meta'))
    meta[(m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase()] ??=
      m.getAttribute('content')?.trim() ?? '';
  const nodes = ldNodes(all('script').filter((e) => /ld/.test(e.getAttribute('type')!)));
  const ld =
    nodes.find((n) => /PressRelease/i.test(ldType(n))) ?? nodes.find((n) => /Article|BlogPosting/i.test(ldType(n)));
  const pressRelease = /PressRelease/i.test(ldType(ld));

  // The headline: the wire's, else the heading matching the page's titles (off the wires, off-wire.ts reads
  // them without the site's name).
  const headline = q(w.headline);
  const wireHeadline = text(headline);
  // the adapter's other selectors only where its template is recognised by its headline: on another
  // template of the wire they would each scan the whole page for nothing
  const a: Partial<WireAdapter> = wireHeadline ? w : {};
  const titles = [
    meta['og:title'],
    ldText(ld, 'headline'),
    meta['twitter:title'],
    text(all('title')[0]),
    meta['og:site_name'],
  ].map(squash);
  const heads = ['h1', 'h2', 'h3', 'h4'].flatMap(all).slice(0, 60);
  r.headline = wireHeadline || pickHeadline((more?.titles(titles, r) ?? titles).slice(0, 4).filter(Boolean), heads);
  // subtitles sit next to the headline; a line in capitals only is a label ("PRIVILEGED INFORMATION")
  const subs = [...((a.sub && headline?.parentElement?.querySelectorAll(a.sub)) || [])].flatMap((e) =>
    walk(e).runs.map((x) => x.text),
  );
  r.subheadlines = subs.filter((s) => /\p{Ll}/u.test(s));
  r.subheadline = r.subheadlines.join('\n') || null;

  // The dateline: a wire's signature near the start of a run that leads its block. Several such runs
  // are excerpts on a listing page, not one release.
  let at0 = -1;
  let leading = 0;
  runs.forEach((s, i) => {
    const m = s.lead && WIRE_MARK.exec(s.text.slice(0, 300));
    if (m && m.index < 200 && !junk(s.el, null, 3)) {
      leading++;
      if (at0 < 0) at0 = i;
    }
  });
  const dl = runs[at0];
  const mark = dl && WIRE_MARK.exec(dl.text);

  // The release's box: the wire's body, else the block holding the dateline; off the wires a strategy may
  // widen it or find it another way.
  const wireBody = a.body ? (dl ? dl.el.closest(a.body) : doc.querySelector(a.body)) : null;
  let box = wireBody ?? (dl && group(dl.el));
  if (!box?.contains(runs[at0]?.el ?? null)) at0 = runs.findIndex((s) => box?.contains(s.el));
  // the box's runs around the dateline (they are contiguous)
  let from = Math.max(at0, 0);
  let to = at0 + 1;
  while (from > 0 && box!.contains(runs[from - 1]!.el)) from--;
  while (to && to < runs.length && box!.contains(runs[to]!.el)) to++;
  if (!wireBody && more) [box, from, to] = more.box({ r, doc, runs, box, from, to });

  // The body, read in order: story, then "About X" boilerplate and legal text, then contacts, the
  // "SOURCE X" line (contacts may follow it), until an end mark.
  let aboutName = '';
  let source = '';
  let ends = '';
  let mode = 0; // 0 story, 1 about, 2 contacts, 3 after the SOURCE line
  let stop = to;
  const known = new Map<Element, boolean>();
  const junkInBox = (e: Element) => junk(e, box, 30, known);
  for (let i = from; i < to && r.body.length < 600; i++) {
    const s = runs[i]!;
    const t = s.text;
    if (junkInBox(s.el) || t === r.headline || subs.includes(t)) continue;
    const head = squash(s.raw.split('\n', 1)[0]);
    const [part, name = ''] = markerOf(head);
    if (part === 'end') {
      stop = Math.min(stop, i);
      break;
    }
    if (part === 'legal' || part === 'close') ends = part === 'close' ? 'end mark' : ends || 'legal boilerplate';
    if (part === 'source' || part === 'close') {
      source ||= name;
      mode = 3;
      stop = Math.min(stop, i);
    } else if (part === 'about' && mode < 3) {
      mode = 1;
      if (/^\p{Lu}/u.test(name)) aboutName ||= name;
      if (head !== t) r.about.push(squash(s.raw.slice(s.raw.indexOf('\n'))));
    } else if ((part === 'contact' && (head.length < 60 || /@/.test(t))) || mode === 2) {
      const c = contactFrom(s.raw);
      mode = 2;
      if (c) r.contacts.push(c);
    } else if (mode < 3) {
      (mode || part === 'legal' ? r.about : r.body).push(t);
      if (part === 'legal') mode = 1;
    }
  }
  for (const el of a.contact ? doc.querySelectorAll(a.contact) : []) {
    const c = contactFrom(
      walk(el)
        .runs.map((x) => x.raw)
        .join('\n'),
    );
    if (c) r.contacts.push(c);
  }
  for (const t of r.body) {
    const said = SAID.exec(t);
    if (!said) continue;
    // Quoted segments joined as sentences: "…one position," says X. "Government…" → "…one position. Government…"
    const parts = [...t.matchAll(QUOTED)].map((m) => m[1]!.replace(/[\s,]*$/, '').replace(/[^.!?…]$/, '$&.'));
    if (parts[0]) r.quotes.push({ speaker: said[1] ?? null, text: parts.join(' ') });
  }
  for (const [, exchange, symbol] of [r.headline, ...r.body, ...r.about].join('\n').matchAll(TICKER)) {
    const x = exchange!.toUpperCase();
    if (!r.tickers.some((k) => k.exchange === x && k.symbol === symbol))
      r.tickers.push({ exchange: x, symbol: symbol! });
  }
  r.prose = r.body.filter((t) => !NOT_PROSE.test(t)).map((t) => t.replace(CREDIT, ''));

  // The wire's dateline: its place, and its date in the wire's house zone
  const zone = w.zone;
  const leadDate = mark && findDate(dl.text.slice(0, mark.index + 60), zone);
  if (mark) r.dateline = placeOf(dl.text, Math.min(mark.index, leadDate?.[1] ?? 1e4));

  // The issuer: the "SOURCE" line, the wire's byline, a PressRelease's own author/publisher, the "About X"
  // heading. On a promotional release the SOURCE line names the issuer, not the company it writes about.
  r.company =
    squash(
      source ||
        (a.companyMeta && meta[a.companyMeta]) ||
        value(q(a.company)) ||
        (pressRelease && (ldName(ldGet(ld, 'author')) || ldName(ldGet(ld, 'publisher')))) ||
        aboutName ||
        '',
    ) || null;

  // The date: the page's metadata when it agrees with what the page prints (the wire's printed date, else
  // the dateline's), the printed one when they disagree.
  const machine = [
    ldText(ld, 'datePublished'),
    meta['article:published_time'],
    meta['og:article:published_time'],
    meta.date,
    meta.pubdate,
  ]
    .map((s) => parseDate(s))
    .find(Boolean);
  const printed = [parseDate(value(q(a.date)), w.zone), leadDate?.[0]].filter(Boolean) as string[];
  r.publishedAt = chooseDate(machine, printed);

  // Links and pictures inside the release's text, up to its end (never a widget or list below it)
  const inBody = (e: Element, i = at.get(e)!) => i >= from && i <= stop && !!box?.contains(e);
  for (const a of all('a')) {
    const u = inBody(a) && abs(a.getAttribute('href'));
    const label = u && text(a);
    const kind = u && ASSET_KINDS[ASSET.exec(`${label} ${u}`)?.slice(1).findIndex(Boolean) ?? -1];
    if (kind && !r.assets.some((x) => x.url === u) && !junkInBox(a)) r.assets.push({ url: u, label: label || u, kind });
  }
  const pics = images();
  pics.add(
    abs(meta['og:image']),
    squash(meta['og:image:alt']),
    +meta['og:image:width']! || 0,
    +meta['og:image:height']! || 0,
  );
  for (const i of all('img'))
    if (inBody(i))
      pics.add(
        abs(i.getAttribute('src') || i.getAttribute('data-src')),
        squash(i.getAttribute('alt')),
        +i.getAttribute('width')! || 0,
        +i.getAttribute('height')! || 0,
      );
  r.images = pics.list();

  r.language = doc.documentElement?.getAttribute('lang') || meta['og:locale']?.replace('_', '-') || null;
  r.canonicalUrl = abs(
    all('link')
      .find((l) => l.getAttribute('rel') === 'canonical')
      ?.getAttribute('href') || meta['og:url'],
  );

  // Evidence: each item is something ordinary news articles lack, and none is enough on its own.
  let score = 0;
  for (const [seen, weight, why] of [
    [wireBody && wireHeadline, 0.4, `${id} layout`],
    [mark, 0.45, `wire dateline ${mark?.[0]}`],
    [source, 0.3, `SOURCE ${source}`],
    [pressRelease, 0.5, 'JSON-LD PressRelease'],
    [aboutName, 0.2, `About ${aboutName}`],
    [r.contacts[0], 0.2, 'contact block'],
    [ends, ends[0] === 'e' ? 0.2 : 0.1, ends],
    ...(more?.after({ r, doc, ld, runs, box, from, to, mark, machine }) ?? []),
    [leading > 2, -1, `${leading} excerpts: a listing`],
    [!r.body[0], 0, 'no release body'],
  ] as Evidence[])
    if (seen) {
      score += weight;
      r.reasons.push(why);
    }
  r.confidence = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  r.isRelease = score >= 0.6 && !!r.headline && !!r.body[0];
}
