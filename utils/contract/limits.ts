/**
 * The largest values Wireboost accepts, shared by the extension (the editor shows a limit before the
 * server refuses it) and the team server (schemas, body limits). Each is set well above what any
 * platform or real page needs, so no legitimate draft, release or account is refused; they exist so a
 * runaway or hostile client cannot store megabytes that every teammate then pulls. server/README.md
 * lists them with the reasons. Lengths are string lengths (UTF-16 units), sizes are UTF-8 bytes of the
 * JSON. Pure: no browser or Node APIs.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  /** Long ad copy (Meta primary text, LinkedIn intro text): Meta's maximum is 2,200, LinkedIn's 600. */
  copyLong: 5_000,
  /** Headline and description: Meta 255 / 255, LinkedIn 200 / 300. */
  copyShort: 1_000,
  /** A call-to-action enum value (LEARN_MORE…) or the label a person typed. */
  cta: 100,
  /** The one line on why a variant says what it says. */
  rationale: 2_000,
  /** Destination, tagged URL, image URL, asset and canonical links. Browsers and ad platforms stop near 2,000–8,000. */
  url: 8_192,
  /** Ids of drafts, releases, media lists and remote steps. */
  id: 200,
  /** One UTM value (source, medium, campaign, content). */
  utm: 500,
  /** An ISO 8601 timestamp with room to spare. */
  timestamp: 64,
  /** Remote ids and deep links a send writes back (a handful of steps per platform). */
  remoteEntries: 50,
  /** A release headline or subheadline. */
  headline: 2_000,
  /** One paragraph of a release body (the corpus's longest is under 1,000). */
  paragraph: 50_000,
  /** Paragraphs in a release body (the corpus's longest release has about 100). */
  paragraphs: 5_000,
  /** Quotes, contacts, tickers, assets, images, reasons of one release. */
  listItems: 500,
  /** Short release fields: company, city, wire id, language, a contact's name or phone, a ticker. */
  shortText: 1_000,
  /** A person's display name, an organisation's name. */
  name: 200,
  /** An e-mail address (RFC 5321: 254). */
  email: 254,
  /** A password (better-auth's own maximum is 128). */
  password: 128,
  /** An organisation slug. */
  slug: 100,
  /** A comment (team or guest). */
  comment: 5_000,
  /** JSON nesting: a draft is 3 deep, a batch 6; anything deeper than this is not ours. */
  jsonDepth: 64,
} as const;

/**
 * The maximum length of each text field of a draft, by key (UTM values: `utm.<key>`). The draft schemas
 * (utils/contract/draft.ts) are built from this table, and the editor shows the same numbers
 * (utils/editor/field-limits.ts), so a field is marked over its limit before the server refuses it.
 */
export const DRAFT_TEXT_LIMITS = {
  primaryText: LIMITS.copyLong,
  introText: LIMITS.copyLong,
  headline: LIMITS.copyShort,
  description: LIMITS.copyShort,
  cta: LIMITS.cta,
  rationale: LIMITS.rationale,
  destination: LIMITS.url,
  url: LIMITS.url,
  imageUrl: LIMITS.url,
  'utm.source': LIMITS.utm,
  'utm.medium': LIMITS.utm,
  'utm.campaign': LIMITS.utm,
  'utm.content': LIMITS.utm,
} as const;
export type DraftTextField = keyof typeof DRAFT_TEXT_LIMITS;

/** A draft document as JSON, unknown extra fields included (a realistic draft is about 2 KiB). */
export const DRAFT_MAX_BYTES = 64 * KiB;
/** A shared release (the corpus's largest extraction is 23 KiB). */
export const RELEASE_MAX_BYTES = 1 * MiB;
/** One POST /drafts/batch request: the sync client splits its outbox to stay under it. */
export const BATCH_MAX_BYTES = 1 * MiB;

/** UTF-8 bytes of a value as JSON (what the server measures; TextEncoder works in the browser and Node). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** "64 KiB", "1 MiB": a limit as a person reads it. */
export function formatBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= KiB) return `${Math.round(n / KiB)} KiB`;
  return `${n} bytes`;
}
