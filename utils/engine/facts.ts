import type { Asset, Dateline, Quote, Release } from '../contract/release';
import { wireForHost } from '../release/hosts';
import { splitDateline } from './dateline';
import { chooseImage, type ImageChoice } from './image';
import { eventDatePlace, storyMaterial } from './material';
import { clean, sentences } from './text';

/**
 * What the copy is made from, read off a Release. The extractor may leave fields empty (quotes, dateline,
 * about): each fact falls back to reading the body text, so drafts stay useful while extraction improves.
 */
export interface ReleaseFacts {
  headline: string;
  subheadline: string | null;
  company: string | null;
  dateline: Dateline | null;
  /** First sentence of the story, dateline boilerplate removed. */
  lead: string | null;
  /** Body sentences (no dateline, no about/safe-harbor), in order. */
  story: string[];
  quotes: Quote[];
  /** Sentences carrying the release's own numbers, best first. */
  figures: string[];
  asset: Asset | null;
  /** The company's own site, read from the about block or body, never a wire page. */
  companyUrl: string | null;
  imageUrl: string | null;
  /** The picture chosen and why (photo or logo), for the rationale. */
  image: ImageChoice | null;
  /** "June 3-5, 2026 · Las Vegas" when the release announces an event, else null. */
  event: string | null;
  /** The release's language ("fr", "de-DE"…), for quotation marks. */
  language: string | null;
}

const BOILER =
  /^(?:about\s+\S|safe harbor|forward[- ]looking|media contact|contacts?:|investor relations|source\s|for more information|###)/i;
export const FIGURE_RE =
  /(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|[MBK]n?)\b)?|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)|\b\d[\d,.]*\s?(?:million|billion|thousand)\b|\b\d[\d,.]*(?:\s?(?:to|-|–)\s?\d[\d,.]*)?\s+(?:months?|weeks?|days?|years?|hours?|times|x)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:to\s+\w+\s+)?(?:months?|weeks?|years?)\b)/i;
// Segments from 12 characters: a split quote's first half is often short; scare quotes ("the Company") are
// dropped after halves are joined, by the 30-character floor in mineQuotes. English, French « » and German „ “.
const QUOTE_RE = /[“"]([^”"]{12,600})[”"]|«\s?([^»]{12,600}?)\s?»|„([^“”]{12,600})[“”]/g;
/** A sentence that is mostly a quotation: the quote angle's material, kept out of lead and figures. */
export const QUOTED_RE = /[“"][^”"]{30,}[”"]|«[^»]{30,}»|„[^“”]{30,}[“”]/;
const NAME = "[\\p{Lu}][\\p{L}.'’-]+(?:\\s+(?:[\\p{Lu}][\\p{L}.'’-]+|de|van|von|da|del|du|le|la)){0,3}";
const SAID =
  '(?:said|says|added|adds|noted|explained|commented|according to|a déclaré|a dit|a ajouté|a expliqué|a souligné|déclare|explique|ajoute|précise|souligne|sagte|sagt|erklärte|erklärt|betonte|so)';
const SPEAKER_AFTER = new RegExp(
  `^\\s*,?\\s*${SAID}\\s+(${NAME})(?:\\s*,\\s*([^.“"”«»„]{3,120}?))?(?=[.“"”«»„]|$)`,
  'u',
);
const SPEAKER_BEFORE = new RegExp(
  `(${NAME})(?:\\s*,\\s*([^.“"”«»„]{3,120}?))?\\s*,?\\s+(?:said|says|added|noted|explained|a déclaré|déclare|sagte|erklärte)\\s*[:,]?\\s*$`,
  'u',
);
const URL_RE = /\b(?:https?:\/\/|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s)"”,;]*)?/gi;
const ASSET_WORDS: [RegExp, Asset['kind']][] = [
  [/white ?paper/i, 'whitepaper'],
  [/\breport\b|\bsurvey\b|\bstudy\b|\bindex\b/i, 'report'],
  [/data ?sheet/i, 'datasheet'],
  [/webinar/i, 'webinar'],
  [/\.pdf\b/i, 'pdf'],
  [/e-?book|guide/i, 'other'],
];

function isWireOrSocial(url: string): boolean {
  try {
    const host = new URL(url.startsWith('http') ? url : `https://${url}`).hostname;
    return Boolean(wireForHost(host)) || /(?:twitter|x|facebook|linkedin|instagram|youtube)\.com$/.test(host);
  } catch {
    return true;
  }
}

const normalUrl = (u: string) => (u.startsWith('http') ? u : `https://${u}`).replace(/[.)]+$/, '');

/**
 * Quotes from body text. Wire style splits one quote around its attribution ("A," said X. "B."): the parts
 * of a paragraph that share one speaker are joined back into one quote.
 */
function mineQuotes(paragraphs: string[]): Quote[] {
  const out: Quote[] = [];
  for (const p of paragraphs) {
    const parts = [...p.matchAll(QUOTE_RE)].map((m) => {
      const s = SPEAKER_AFTER.exec(p.slice(m.index! + m[0].length)) ?? SPEAKER_BEFORE.exec(p.slice(0, m.index));
      return {
        speaker: s ? clean([s[1], s[2]].filter(Boolean).join(', ')) : null,
        text: clean(m[1] ?? m[2] ?? m[3] ?? '').replace(/,$/, '.'),
      };
    });
    const speakers = new Set(parts.map((q) => q.speaker).filter(Boolean));
    if (parts.length > 1 && speakers.size === 1) {
      out.push({ speaker: [...speakers][0]!, text: parts.map((q) => q.text).join(' ') });
    } else out.push(...parts);
  }
  return out.filter((q) => q.text.length >= 30);
}

export const SENIOR_RE =
  /\b(?:ceo|chief|founder|president|chair\w*|director|head|vice president|vp|gm|general manager|professor|secretary|minister)\b/i;

/** The quote a journalist would lift: attributed, substantial, ideally with a figure or a senior voice. */
export function quoteScore(q: Quote): number {
  const len = q.text.length;
  return (
    (q.speaker ? 4 : 0) +
    (q.speaker && SENIOR_RE.test(q.speaker) ? 2 : 0) +
    (FIGURE_RE.test(q.text) ? 2 : 0) +
    (len >= 60 && len <= 280 ? 2 : len < 60 ? 0 : 1)
  );
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};
/** example.com for www.example.com and news.example.com (good enough without a public-suffix list). */
const siteOf = (host: string) => host.split('.').slice(-2).join('.');

/**
 * Only the company's own material is promoted: a release often links third-party documents (a government
 * proposal, an analyst report) that an ad must not send people to. "Own" = same site as the company's
 * URL, or a host that carries the company's name.
 */
export function isOwnAsset(url: string, company: string | null, companyUrl: string | null): boolean {
  const host = hostOf(url);
  if (!host || isWireOrSocial(url)) return false;
  if (companyUrl && siteOf(hostOf(companyUrl)) === siteOf(host)) return true;
  const token = company
    ?.toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
  return Boolean(token && token.length >= 3 && host.replace(/[^a-z0-9]/g, '').includes(token));
}

function pickAsset(release: Release, paragraphs: string[], companyUrl: string | null): Asset | null {
  const own = release.assets.filter((a) => isOwnAsset(a.url, release.company, companyUrl));
  const typed = own.find((a) => a.kind !== 'other') ?? own[0];
  if (typed) return typed;
  // Body text only: an asset word next to a non-wire link in the same sentence.
  for (const s of paragraphs.flatMap(sentences)) {
    const url = [...s.matchAll(URL_RE)].map((m) => m[0]).find((u) => !isWireOrSocial(u));
    const kind = ASSET_WORDS.find(([re]) => re.test(s));
    if (url && kind && isOwnAsset(normalUrl(url), release.company, companyUrl)) {
      const label = clean(s.replace(URL_RE, '').replace(/\b(?:at|here|visit|download|available|:)\s*[.]?$/i, ''));
      return { url: normalUrl(url), label: label.slice(0, 80), kind: kind[1] };
    }
  }
  return null;
}

function pickCompanyUrl(company: string | null, texts: string[]): string | null {
  const urls = texts.flatMap((t) => [...t.matchAll(URL_RE)].map((m) => m[0])).filter((u) => !isWireOrSocial(u));
  const token = company
    ?.toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
  const own =
    token && token.length >= 3
      ? urls.find((u) =>
          hostOf(normalUrl(u))
            .replace(/[^a-z0-9]/g, '')
            .includes(token),
        )
      : undefined;
  // Only a site that carries the company's name: releases also link regulators (sec.gov) and partners.
  return own ? normalUrl(own) : null;
}

/** A subheadline made of bullets ("- A - B") becomes its first bullet. */
function deck(sub: string | null): string | null {
  if (!sub) return null;
  const first = clean(sub)
    .split(/(?:^|\s)[-•▪*]\s+/)
    .map((b) => b.trim())
    .find(Boolean);
  return first ?? null;
}

/** A speaker as printed, minus the sentence's full stop: "Governor Poloz." → "Governor Poloz". */
const tidySpeaker = (s: string | null) => (s ? clean(s).replace(/[.,;:]+$/, '') || null : null);

export function releaseFacts(release: Release): ReleaseFacts {
  const paragraphs = release.body.map(clean).filter(Boolean);
  const aboutStart = paragraphs.findIndex((p) => BOILER.test(p));
  const storyParas = aboutStart >= 0 ? paragraphs.slice(0, aboutStart) : paragraphs;
  const about = [...release.about, ...(aboutStart >= 0 ? paragraphs.slice(aboutStart) : [])];
  // The extractor's prose has media lines and credits out already; the body is the fallback.
  const prose = release.prose?.length ? release.prose.map(clean).filter(Boolean) : storyParas;
  const proseStory = prose.filter((p) => storyParas.includes(p) || !about.includes(p));
  const cut = proseStory.findIndex((p) => BOILER.test(p));
  const material = storyMaterial(cut >= 0 ? proseStory.slice(0, cut) : proseStory, release.images);
  const first = storyParas.find((p) => splitDateline(p).dateline) ?? storyParas[0] ?? '';
  const split = splitDateline(first);
  // Quote paragraphs are the quote angle's material: keep them out of lead and figures.
  const story = material.sentences.filter((s) => !QUOTED_RE.test(s));
  const mined = mineQuotes(material.paragraphs);
  // The extractor's quotes first; a speaker it missed ("said Maarten de Vries") is read off the text.
  const speakerOf = (q: Quote) =>
    q.speaker ??
    mined.find((m) => m.speaker && (m.text.includes(q.text.slice(0, 40)) || q.text.includes(m.text.slice(0, 40))))
      ?.speaker ??
    null;
  const quotes = (release.quotes.length ? release.quotes.map((q) => ({ ...q, speaker: speakerOf(q) })) : mined)
    .map((q) => ({ speaker: tidySpeaker(q.speaker), text: clean(q.text) }))
    .filter((q) => q.text.length > 0)
    .sort((a, b) => quoteScore(b) - quoteScore(a));
  const companyUrl = pickCompanyUrl(release.company, [...about, ...storyParas]);
  const subheadline = deck(release.subheadlines?.[0] ?? release.subheadline);
  const image = chooseImage(release.images);
  return {
    headline: clean(release.headline),
    subheadline,
    company: release.company ? clean(release.company).replace(/\s*\((?:NASDAQ|NYSE|TSX|LSE|OTC)[^)]*\)/i, '') : null,
    dateline: release.dateline ?? split.dateline,
    lead: story[0] ?? null,
    story,
    quotes,
    // Figures about the company itself first; then story order (the lead paragraph matters most).
    // The subheadline is the release's own summary: when it has a number, that is the number to lead with.
    figures: [...(subheadline ? [subheadline] : []), ...story]
      .filter((s) => FIGURE_RE.test(s))
      .map((s, i) => ({ s, i, own: release.company && s.includes(release.company.split(/\s+/)[0]!) ? 0 : 1 }))
      .sort((a, b) => a.own - b.own || a.i - b.i)
      .map((x) => x.s),
    asset: pickAsset(release, [...storyParas, ...about], companyUrl),
    companyUrl,
    imageUrl: image?.url ?? null,
    image,
    event: eventDatePlace(clean(release.headline), [subheadline ?? '', ...material.paragraphs.slice(0, 3)]),
    language: release.language,
  };
}
