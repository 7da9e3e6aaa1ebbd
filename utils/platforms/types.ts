import type { Platform } from '../contract/draft';

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
  /** The Draft field key (utils/drafts/schema.ts). */
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

export interface PlatformRules {
  platform: Platform;
  label: string;
  /** The copy fields of a draft, in display order. CTA is a separate enum. */
  fields: FieldRule[];
  ctas: Option[];
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
