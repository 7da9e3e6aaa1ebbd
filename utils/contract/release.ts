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
/**
 * A picture of the release (og:image and the release's own photos; never share buttons, tracking pixels,
 * sprites or UI icons), one entry per photo at the largest URL the page offers. Photos come before logos.
 */
export const ImageSchema = z.object({
  url: z.string(),
  /** The image's alt text, as the page gives it (a wire's caption, credit included). */
  alt: z.string(),
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
  reasons: z.array(z.string()),
  /** Wire id from utils/release/hosts.ts, 'generic' when no adapter matched, null when unknown. */
  wire: z.string().nullable(),
  url: z.string(),
  canonicalUrl: z.string().nullable(),
  headline: z.string(),
  /** The subheadline's lines joined with "\n" (label lines such as "PRIVILEGED INFORMATION" left out). */
  subheadline: z.string().nullable(),
  /** The same lines one by one: a bullet list of highlights is several subheadlines. */
  subheadlines: z.array(z.string()).optional(),
  /**
   * ISO 8601 with the page's own offset, e.g. 2016-04-25T03:39:00-04:00; "YYYY-MM-DD" when only the day is
   * printed (a dateline "7 April 2017"): the extractor never invents a time.
   */
  publishedAt: z.string().nullable(),
  company: z.string().nullable(),
  dateline: DatelineSchema.nullable(),
  /**
   * The release's text blocks in reading order, from its start through the story (dateline paragraph
   * included), before the About / legal / contact boilerplate. Never navigation, sidebars, related lists,
   * share bars, galleries and their captions, or the cells of a table inside the release (financial tables).
   */
  body: z.array(z.string()),
  /**
   * The body as ad-copy material: without media lines ("Photo - https://…", "Logo - …", "View original
   * content…"), image credits ("(PRNewsfoto/Acme)") and bare URLs.
   */
  prose: z.array(z.string()).optional(),
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
export type Image = z.infer<typeof ImageSchema>;
