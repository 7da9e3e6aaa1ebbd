import { z } from 'zod';

/**
 * The one shape of an extracted press release. Extraction code imports only the *type* so the
 * content script stays small; the background and every other boundary validate with the schema.
 */
export const DatelineSchema = z.object({
  city: z.string(),
  region: z.string().nullable(),
  country: z.string().nullable(),
});

export const QuoteSchema = z.object({ speaker: z.string().nullable(), text: z.string() });
export const ContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export const TickerSchema = z.object({ exchange: z.string(), symbol: z.string() });
export const AssetKindSchema = z.enum(['whitepaper', 'report', 'datasheet', 'webinar', 'pdf', 'other']);
export const AssetSchema = z.object({ url: z.string(), label: z.string(), kind: AssetKindSchema });
export const ImageSchema = z.object({ url: z.string(), alt: z.string() });

export const ReleaseSchema = z.object({
  isRelease: z.boolean(),
  /** 0..1: how sure the detector is that this page is a press release. */
  confidence: z.number().min(0).max(1),
  /** Human-readable evidence, e.g. "JSON-LD NewsArticle", "dateline /PRNewswire/". */
  reasons: z.array(z.string()),
  /** Wire id from utils/release/hosts.ts, 'generic' when no adapter matched, null when unknown. */
  wire: z.string().nullable(),
  url: z.string(),
  canonicalUrl: z.string().nullable(),
  headline: z.string(),
  subheadline: z.string().nullable(),
  /** ISO 8601 with the page's own offset, e.g. 2016-04-25T03:39:00-04:00. */
  publishedAt: z.string().nullable(),
  company: z.string().nullable(),
  dateline: DatelineSchema.nullable(),
  body: z.array(z.string()),
  about: z.array(z.string()),
  quotes: z.array(QuoteSchema),
  contacts: z.array(ContactSchema),
  tickers: z.array(TickerSchema),
  assets: z.array(AssetSchema),
  images: z.array(ImageSchema),
  language: z.string().nullable(),
});

export type Release = z.infer<typeof ReleaseSchema>;
export type Dateline = z.infer<typeof DatelineSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Ticker = z.infer<typeof TickerSchema>;
export type Asset = z.infer<typeof AssetSchema>;
export type AssetKind = z.infer<typeof AssetKindSchema>;
