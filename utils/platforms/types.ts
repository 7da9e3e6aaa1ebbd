import type { AudiencePreset, Draft, Platform } from '../contract/draft';
import type { PlatformConnection } from '../contract/platforms';
import type { Beat } from '../engine/beats';
import type { Geo } from '../engine/geo';

/** A platform fact with the page it was read from, so a reviewer can check it and we can update it. */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** How the platform counts characters in a field. */
export interface CountingRule {
  /** 'graphemes': one user-perceived character (Intl.Segmenter), so 👍🏽 or é count as one. */
  unit: 'graphemes';
  /** A URL in the text counts as this many characters; null = counted as written (no shortener). */
  urlLength: number | null;
}

export interface FieldRule {
  /** The Draft field key (utils/contract/draft.ts). */
  key: string;
  label: string;
  /** Shown before truncation / "See more"; going past it is a warning, not an error. */
  recommended: Sourced<number>;
  /** Past this the platform rejects (or silently cuts) the text: an error. */
  max: Sourced<number>;
  counting: CountingRule;
  /** How bad going past `recommended` is: 'info' when the platform folds the rest behind "See more". */
  overRecommended: 'info' | 'warning';
}

export interface Option {
  value: string;
  label: string;
  source: string;
}

export interface TargetingFacet {
  id: string;
  label: string;
  /** Facets that cannot appear in the same targeting as this one. */
  excludes: string[];
  source: string;
}

/** What the editor shows and checks as you type (the popup's first paint): copy fields and CTA values. */
export interface PlatformRules {
  /** The copy fields of a draft, in display order. CTA is a separate enum. */
  fields: FieldRule[];
  ctas: Option[];
}

/**
 * What drafting, lint and exports choose from: objectives, targeting facets, audience sizes, the CTA per
 * angle, utm_source. Apart from PlatformRules so the popup's first paint does not carry it.
 */
export interface CampaignRules {
  /** CTA per angle: insight promotes an asset → download; news and quote → learn more. */
  ctaForAngle: { news: string; quote: string; insight: string; insightWithoutAsset: string };
  objectives: Option[];
  defaultObjective: string;
  facets: TargetingFacet[];
  /** Smallest matched audience the platform will serve to. */
  audienceMinimum: Sourced<number>;
  /** Size below which delivery is reported as poor: warn even above the minimum. */
  audienceComfortable: Sourced<number>;
  /** utm_source value for this platform. */
  utmSource: string;
}

/** One platform's draft. */
export type DraftOf<P extends Platform> = Extract<Draft, { platform: P }>;
/** The fields every platform's draft has (keyof a union is what its members share). */
export type DraftCommon = Omit<Draft, 'platform'>;
/** The copy field only this platform's draft has: its body text, named as the platform names it. */
export type BodyField<P extends Platform> = P extends Platform
  ? Exclude<keyof DraftOf<P>, keyof Draft> & string
  : never;

/**
 * What the popup's first paint knows about a platform: names, the body field and the rules tables. Pure
 * data: no Intl (count.ts), no zod, no builders. The rest of a platform lives beside it in
 * utils/platforms/<id>/ and is loaded where it is needed (see registry.ts).
 */
export type PlatformEntry<P extends Platform = Platform> = P extends Platform ? EntryOf<P> : never;
interface EntryOf<P extends Platform> {
  id: P;
  /** Short name for tabs, buttons and sentences: "Meta". */
  label: string;
  /** Full name for headings and rule messages: "Meta (Facebook & Instagram)". */
  longLabel: string;
  /** The draft field holding the ad's body text (the rules' first field). */
  bodyField: BodyField<P>;
  rules: PlatformRules;
  /** The bulk-import sheet the platform's ad manager reads, if it has one (writer: sheets.ts). */
  sheet?: { label: string; title: string };
}

/** What every audience preset has, whatever the platform. */
export interface AudienceBase {
  preset: AudiencePreset;
  label: string;
  /** One line: who this reaches and why. */
  explanation: string;
  beat: { id: string; label: string; keywords: string[] };
  geo: Geo;
  /** Caveats the UI must show (Advantage detailed targeting, non-discrimination notice…). */
  notes: string[];
}

/** The platform's own fields of an audience that hold lists of names (titles, interests…). */
type NameListField<A> = {
  [K in Exclude<keyof A, keyof AudienceBase>]: A[K] extends string[] ? K : never;
}[Exclude<keyof A, keyof AudienceBase>];

/**
 * One platform's audience presets in its own targeting vocabulary. Values are names; the send step resolves
 * them to the platform's ids, so nothing here goes stale silently.
 */
export interface PlatformAudience<A extends AudienceBase & { platform: Platform }> {
  /** The platform's facets for a preset, and the one line on whom it reaches. */
  presets: Record<
    AudiencePreset,
    (beat: Beat, geo: Geo) => Omit<A, keyof AudienceBase | 'platform'> & Pick<AudienceBase, 'explanation'>
  >;
  /** Caveats shown with every preset. */
  notes: string[];
  /** The facets the audience section lists, in order (empty ones are left out). */
  shown: { field: NameListField<A>; label: string }[];
}

/** How a platform is connected and sent to: Options, the send panel and their messages. */
export interface SendFacts {
  /** Who the ads run as, and the connection field (utils/contract/platforms.ts) that holds its id. */
  identity: { noun: string; field: Extract<keyof PlatformConnection, 'pageId' | 'organizationId'> };
  /** How sent objects are created, in a sentence ("paused") and as the note by the Send button. */
  createdAs: string;
  note: string;
  /** The platform's own tool where the sent objects appear. */
  manager: string;
  /** The team server's settings that let it connect the platform, named when they are missing. */
  serverSettings: string;
  /** Shown in the empty time-zone box of the account choice. */
  timeZonePlaceholder: string;
  /** What each permission the server asks for is used for, so a missing one reads as a consequence. */
  scopes: Record<string, string>;
  /** The send steps (the server's step names) in the order the objects nest, with their names. */
  steps: Record<string, string>;
}
