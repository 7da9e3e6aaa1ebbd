import { z } from 'zod';
import { LIMITS } from './limits';

/** A string of at most `max` characters; a list of at most `max` items (utils/contract/limits.ts says why). */
const text = (max: number) => z.string().max(max);
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems) => z.array(item).max(max);
const short = text(LIMITS.shortText);
const url = text(LIMITS.url);

/**
 * The one shape of an extracted press release. Extraction code imports only the *type* so the
 * content script stays small; the background and every other boundary validate with the schema.
 */
export const DatelineSchema = z.object({
  city: short,
  region: short.nullable(),
  country: short.nullable(),
});

export const QuoteSchema = z.object({ speaker: short.nullable(), text: text(LIMITS.paragraph) });
export const ContactSchema = z.object({
  name: short.nullable(),
  email: short.nullable(),
  phone: short.nullable(),
});
export const TickerSchema = z.object({ exchange: short, symbol: short });
export const AssetKindSchema = z.enum(['whitepaper', 'report', 'datasheet', 'webinar', 'pdf', 'other']);
export const AssetSchema = z.object({ url, label: short, kind: AssetKindSchema });
/**
 * A picture of the release (og:image and the release's own photos; never share buttons, tracking pixels,
 * sprites or UI icons), one entry per photo at the largest URL the page offers. Photos come before logos.
 */
export const ImageSchema = z.object({
  url,
  /** The image's alt text, as the page gives it (a wire's caption, credit included). */
  alt: text(LIMITS.headline),
  /** Pixel size of this URL, only when the page states it (attributes, og:image:width/height). */
  width: z.number().optional(),
  height: z.number().optional(),
  /** A logo (file name or alt says "logo"), not a photo: the ad engine prefers a photo. Always set by the extractor. */
  logo: z.boolean().optional(),
});

export const ReleaseSchema = z.object({
  isRelease: z.boolean(),
  /** 0..1: how sure the detector is that this page is a press release. */
  confidence: z.number().min(0).max(1),
  /** Human-readable evidence, e.g. "JSON-LD NewsArticle", "dateline /PRNewswire/". */
  reasons: list(short),
  /** Wire id from utils/release/hosts.ts, 'generic' when no adapter matched, null when unknown. */
  wire: short.nullable(),
  url,
  canonicalUrl: url.nullable(),
  headline: text(LIMITS.headline),
  /** The subheadline's lines joined with "\n" (label lines such as "PRIVILEGED INFORMATION" left out). */
  subheadline: text(LIMITS.headline).nullable(),
  /** The same lines one by one: a bullet list of highlights is several subheadlines. */
  subheadlines: list(text(LIMITS.headline)).optional(),
  /**
   * ISO 8601 with the page's own offset, e.g. 2016-04-25T03:39:00-04:00; "YYYY-MM-DD" when only the day is
   * printed (a dateline "7 April 2017"): the extractor never invents a time.
   */
  publishedAt: text(LIMITS.timestamp).nullable(),
  company: short.nullable(),
  dateline: DatelineSchema.nullable(),
  /**
   * The release's text blocks in reading order, from its start through the story (dateline paragraph
   * included), before the About / legal / contact boilerplate. Never navigation, sidebars, related lists,
   * share bars, galleries and their captions, or the cells of a table inside the release (financial tables).
   */
  body: list(text(LIMITS.paragraph), LIMITS.paragraphs),
  /**
   * The body as ad-copy material: without media lines ("Photo - https://…", "Logo - …", "View original
   * content…"), image credits ("(PRNewsfoto/Acme)") and bare URLs.
   */
  prose: list(text(LIMITS.paragraph), LIMITS.paragraphs).optional(),
  about: list(text(LIMITS.paragraph)),
  quotes: list(QuoteSchema),
  contacts: list(ContactSchema),
  tickers: list(TickerSchema),
  assets: list(AssetSchema),
  images: list(ImageSchema),
  language: short.nullable(),
});

export type Release = z.infer<typeof ReleaseSchema>;
export type Dateline = z.infer<typeof DatelineSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Ticker = z.infer<typeof TickerSchema>;
export type Asset = z.infer<typeof AssetSchema>;
export type AssetKind = z.infer<typeof AssetKindSchema>;
export type Image = z.infer<typeof ImageSchema>;
