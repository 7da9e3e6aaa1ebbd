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
export const ImageSchema = z.object({ url, alt: text(LIMITS.headline) });

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
  subheadline: text(LIMITS.headline).nullable(),
  /** ISO 8601 with the page's own offset, e.g. 2016-04-25T03:39:00-04:00. */
  publishedAt: text(LIMITS.timestamp).nullable(),
  company: short.nullable(),
  dateline: DatelineSchema.nullable(),
  body: list(text(LIMITS.paragraph), LIMITS.paragraphs),
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
