import type { AssetKind, Contact, Release } from '../contract/release';
import { emptyRelease } from './empty';
import { wireForHost } from './hosts';
import { WIRES, WIRE_MARK, type WireAdapter } from './wires';
import { DATE_TEXT, parseDate } from './dates';
import { ldGet, ldName, ldNodes, ldText, ldType } from './jsonld';
import { lines, squash, text, value } from './text';

// Size matters here: this file ships in the content script (8 KB gzip in all, with WXT's runtime), so
// patterns are data and the code is terse. Comments cost nothing after minification.

/** Containers inside a body that are not the release's text: share bars, related links, galleries. */
const NOT_BODY = /^(p|li|nav|aside|figure|form)\b|share|related/;
/** "NEW YORK, March 12, 2024 – …": a dateline without a wire (company newsrooms). Weak evidence alone. */
const PLAIN_DATELINE = /^\p{Lu}[\p{L} .,'’-]{2,60}?,? (?:[A-Z][a-z]+\.? \d\d?,? \d{4}|\d\d? [A-Z][a-z]+ \d{4}) *[-–—]/u;
const ABOUT = /^(?:About|À propos d[e'’]) *(.{2,60}?) *:?$/;
const CONTACT_HEAD = /^.{0,40}\b(?:contacts?|inquiries|renseignements)\b(?: information)? *:? */i;
/** Legal boilerplate goes with "About", not the story. */
const BOILERPLATE = /^(?:safe harbou?r|forward[- ]looking|cautionary)/i;
/** Where a release's text ends: "###", PR Newswire's "Related Links", related-release lists. */
const END = /^(?:(?:# *){3}|related (?:links|news)|also from this source)/i;
const SOURCE_LINE = /^(?:SOURCE|Source:) +(.{2,80})$/;
const SAID = /\b(?:said|says|added|explained|stated|noted)\b,? *(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3})?/u;
const QUOTED = /[“"]([^”"]{20,})[”"]/g;
const PERSON = /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3}$/u;
/** "(NASDAQ: IDEX)", "(NYSE American: XYZ)", "(TSXV: ABC.U)": listed exchanges only, symbols in capitals. */
const TICKER =
  /\b(NYSE(?: American)?|NASDAQ|Nasdaq|TSXV?|CSE|OTC\w*|ASX|LSE)\s?:\s?([A-Z][A-Z\d]{0,5}(?:\.[A-Z]{1,2})?)\b/g;
/** Asset kinds in test order; the capture group that matched a link's label + URL names its kind. */
const ASSET_KINDS: AssetKind[] = ['whitepaper', 'datasheet', 'webinar', 'report', 'pdf', 'other'];
const ASSET = /(white.?paper)|(data.?sheet)|(webinar)|(report)|(\.pdf\b)|(\be-?book|case.stud|brochure)/i;

/**
 * Elements under `root` by tag name, in document order, plus `block` (the text blocks: p, li, h2–h6).
 * One walk replaces many querySelectorAll calls, each a full tree match in linkedom (localName, not
 * nodeName: linkedom upper-cases nodeName on every read.)
 */
function collect(root: Element | null | undefined): Record<string, Element[]> {
  const found: Record<string, Element[]> = { block: [] };
  for (const stack = root ? [root] : []; stack[0];) {
    const e = stack.pop()!;
    const name = e.localName;
    (found[name] ??= []).push(e);
    if (/^(p|li|h[2-6])$/.test(name)) found.block!.push(e);
    // menus, footers, pickers and drawings never hold a release: not walking them halves a wire page's cost
    if (!/^(nav|footer|aside|form|select|svg|noscript|template)$/.test(name))
      for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return found;
}

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
 */
export function readRelease(doc: Document, url: string, r: Release): void {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* not a URL: no wire, and no base for links */
  }
  const id = wireForHost(host);
  const w: Partial<WireAdapter> = WIRES.find((x) => x.id === id) ?? {};
  r.wire = host ? (id ?? 'generic') : null;
  // Adapter selectors are only ever run on their wire's pages. Everything else comes from one walk over the
  // elements: querySelectorAll costs a full tree match per call in linkedom, a walk costs one pass.
  const q = (sel?: string) => (sel ? doc.querySelector(sel) : null);
  const page = collect(doc.documentElement);
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
  for (const m of page.meta ?? []) {
    meta[(m.getAttribute('property') ?? m.getAttribute('name') ?? '').trim().toLowerCase()] ??=
      m.getAttribute('content')?.trim() ?? '';
  }
  const nodes = ldNodes((page.script ?? []).filter((e) => /ld/.test(e.getAttribute('type')!)));
  const ld =
    nodes.find((n) => /PressRelease/i.test(ldType(n))) ?? nodes.find((n) => /Article|BlogPosting/i.test(ldType(n)));
  const pressRelease = /PressRelease/i.test(ldType(ld));

  const headline = q(w.headline);
  const wireHeadline = text(headline);
  r.headline = wireHeadline || squash(ldText(ld, 'headline')) || squash(meta['og:title']) || text((page.h1 ?? [])[0]);
  // subtitles sit next to the headline: searching there costs nothing, searching the page costs a walk
  r.subheadline =
    [...((w.sub && headline?.parentElement?.querySelectorAll(w.sub)) || [])].map(text).filter(Boolean).join('\n') ||
    null;

  // The dateline: a wire's signature near the start of one of the first paragraphs of its block. Several
  // such paragraphs in separate blocks are excerpts on a listing page, not one release.
  const paragraphs = page.p ?? [];
  let dateline: Element | undefined;
  let leading = 0;
  // Without an adapter or a dateline, the story is the block holding the most real paragraphs.
  const story = new Map<Element | null, number>();
  let storyBox: Element | null = null;
  for (const p of paragraphs) {
    const t = lines(p, 300).trim();
    if (t.length > 60) story.set(p.parentElement, (story.get(p.parentElement) ?? 0) + 1);
    if (story.get(p.parentElement)! > (story.get(storyBox) ?? 0)) storyBox = p.parentElement;
    const m = WIRE_MARK.exec(t);
    let before = 0;
    for (let s = m && p.previousElementSibling; s && before < 3; s = s.previousElementSibling)
      if (s.localName === 'p' && lines(s, 9).trim()) before++;
    if (m && m.index < 200 && /^[\p{Lu}/(]/u.test(t) && before < 3 && !p.closest('blockquote')) {
      leading++;
      dateline ??= p;
    }
  }
  const datelineText = text(dateline);
  const mark = WIRE_MARK.exec(datelineText);
  const wireBody = w.body ? (dateline?.closest(w.body) ?? q(w.body)) : null;
  const box = wireBody ?? dateline?.parentElement ?? storyBox;

  // The body, read in order: story paragraphs, then "About X" boilerplate, then contacts, until the
  // "SOURCE X" line or another end marker.
  const inBox = collect(box);
  let aboutName = '';
  let source = '';
  let mode = 0; // 0 story, 1 about, 2 contacts
  for (const b of inBox.block!.slice(0, 600)) {
    let outer = false;
    for (let a = b.parentElement, up = 0; a && a !== box && up++ < 20; a = a.parentElement)
      outer ||= NOT_BODY.test(`${a.localName} ${a.getAttribute('class')}`);
    const raw = outer ? '' : lines(b).trim();
    const t = squash(raw);
    if (!t) continue;
    const nl = raw.indexOf('\n');
    const head = nl < 0 ? t : squash(raw.slice(0, nl));
    const about = head.length < 80 && ABOUT.exec(head);
    if ((source = SOURCE_LINE.exec(t)?.[1] ?? '') || END.test(t)) break;
    if (about) {
      mode = 1;
      aboutName ||= about[1]!;
      if (head !== t) r.about.push(squash(raw.slice(nl)));
    } else if ((CONTACT_HEAD.test(head) && (head.length < 60 || /@/.test(t))) || mode > 1) {
      mode = 2;
      const contact = contactFrom(raw);
      if (contact) r.contacts.push(contact);
    } else if (mode || BOILERPLATE.test(t)) {
      r.about.push(t);
      mode = 1;
    } else r.body.push(t);
  }
  for (const el of w.contact ? doc.querySelectorAll(w.contact) : []) {
    const c = contactFrom(lines(el).trim());
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
    if (!r.tickers.some((k) => k.exchange === x && k.symbol === symbol))
      r.tickers.push({ exchange: x, symbol: symbol! });
  }

  // The issuer: the wire's "SOURCE" line, then its byline, then a PressRelease's own author/publisher
  // (a NewsArticle's publisher is a newsroom, never the issuer), then the "About X" heading.
  r.company =
    squash(
      source ||
        value(q(w.company)) ||
        (pressRelease ? ldName(ldGet(ld, 'author')) || ldName(ldGet(ld, 'publisher')) : '') ||
        aboutName,
    ) || null;

  // A wire's dateline, or a newsroom's plain "CITY, Date –" opening the story.
  const plain = !mark && PLAIN_DATELINE.test(r.body[0] ?? '');
  const lead = mark ? datelineText : plain ? r.body[0]! : '';
  if (lead) {
    // "PALO ALTO, Calif., April 25, 2016 /PRNewswire/" → the place is what precedes the date or the mark
    const d = DATE_TEXT.exec(lead);
    const end = mark?.index ?? d?.index ?? 0;
    let loc = lead.slice(0, d && d.index < end ? d.index : end).split(/\d/)[0]!;
    // trailing separators and lower-case particles ("MONTRÉAL, le 12 mars 2024")
    for (let i = 0; i < 3; i++) loc = loc.replace(/[\s,\-–—/(]+$/, '').replace(/(^|[\s,])\p{Ll}+$/u, '$1');
    const [city, region, ...country] = loc.split(/ *, */);
    if (city && loc.length < 80 && /^\p{Lu}/u.test(city))
      r.dateline = { city, region: region || null, country: country.join(', ') || null };
  }

  // The release's own date, never one from a "related releases" block: structured data, then the wire's
  // printed date, then the dateline's day.
  for (const s of [
    ldText(ld, 'datePublished'),
    meta['article:published_time'],
    meta['og:article:published_time'],
    meta.date,
    value(q(w.date)),
    lead.slice(0, (mark?.index ?? 0) + 60),
  ]) {
    const d = parseDate(s, w.zone);
    if (d?.includes('T')) {
      r.publishedAt = d;
      break;
    }
    r.publishedAt ??= d;
  }

  const urls = new Set<string>();
  const add = (u: string | null, item: () => void) => u && !urls.has(u) && (urls.add(u), item());
  for (const a of inBox.a ?? []) {
    const u = abs(a.getAttribute('href'));
    const label = text(a);
    const kind = ASSET_KINDS[ASSET.exec(`${label} ${u}`)?.slice(1).findIndex(Boolean) ?? -1];
    if (kind) add(u, () => r.assets.push({ url: u!, label: label || u!, kind }));
  }
  const image = (src: string | null | undefined, alt: string | null | undefined) => {
    const u = abs(src);
    // tracking pixels and inline data are not pictures of the release
    if (!/^data:|\.gif\b|pixel/i.test(src!)) add(u, () => r.images.push({ url: u!, alt: squash(alt) }));
  };
  image(meta['og:image'], meta['og:image:alt']);
  for (const i of inBox.img ?? [])
    if (!i.hasAttribute('hidden')) image(i.getAttribute('src') || i.getAttribute('data-src'), i.getAttribute('alt'));

  r.language = doc.documentElement?.getAttribute('lang') || meta['og:locale']?.replace('_', '-') || null;
  r.canonicalUrl = abs(
    (page.link ?? []).find((l) => l.getAttribute('rel') === 'canonical')?.getAttribute('href') || meta['og:url'],
  );

  // Evidence: each item is something ordinary news articles lack, and none is enough on its own.
  let score = 0;
  const evidence = (seen: unknown, weight: number, why: string) => seen && ((score += weight), r.reasons.push(why));
  evidence(wireBody && wireHeadline, 0.4, `${id} release layout`);
  evidence(mark, 0.45, `wire dateline ${mark?.[0]}`);
  evidence(plain, 0.2, 'dateline "CITY, Date –"');
  evidence(source, 0.3, `"SOURCE ${source}" line`);
  evidence(pressRelease, 0.5, 'JSON-LD PressRelease');
  evidence(aboutName, 0.2, `"About ${aboutName}" boilerplate`);
  evidence(r.contacts[0], 0.2, 'media contact block');
  evidence(leading > 2, -1, `${leading} release excerpts: a listing page`);
  evidence(ld && !pressRelease, 0, `JSON-LD ${ldType(ld)} (weak alone)`);
  evidence(!r.body[0], 0, 'no release body');
  r.confidence = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  r.isRelease = score >= 0.6 && !!r.headline && !!r.body[0];
}
