import type { Draft, Platform } from '../contract/draft';
import { PLATFORM_IDS } from '../contract/platform-ids';
import { linkedinPlatform } from './linkedin/platform';
import { metaPlatform } from './meta/platform';
import type { FieldRule, PlatformEntry, PlatformRules } from './types';

export type {
  BodyField,
  DraftCommon,
  DraftOf,
  FieldRule,
  PlatformEntry,
  PlatformRules,
  CampaignRules,
  Sourced,
  Option,
  TargetingFacet,
} from './types';
export { PLATFORM_IDS, type Platform };

/**
 * Every platform, keyed by the contract's ids (utils/contract/platform-ids.ts). A platform is a folder,
 * utils/platforms/<id>/, and one line in each registry; code elsewhere iterates them instead of asking
 * `=== 'meta'`. The registries are split by when the popup may load them:
 *   registry.ts          names, body field, copy rules (limits, CTAs): pure data, imported by the first paint
 *   campaign-registry.ts objectives, targeting facets, audience sizes, utm_source: drafting, lint, exports
 *   send-registry.ts     connection and send facts (identity, scopes, steps): Options and the send panel
 *   audiences.ts         audience builders and how their facets are shown: the audience section, drafting
 *   audience-schemas.ts  the audiences' zod shapes: the draft set schema (export / import)
 *   sheets.ts            bulk-import sheet writers: exports
 *   components/platforms/registry.tsx  the feed previews
 * Each is typed `{ [P in Platform]: … }`, so a new id is a type error until every registry has its entry.
 * Nothing here may touch Intl on import (count.ts builds a Segmenter): the popup's first paint reads it.
 */
export const PLATFORMS: { readonly [P in Platform]: PlatformEntry<P> } = {
  meta: metaPlatform,
  linkedin: linkedinPlatform,
};

/** In the contract's order (the tabs' order). */
export const PLATFORM_LIST: readonly PlatformEntry[] = PLATFORM_IDS.map((id) => PLATFORMS[id]);

export const isPlatform = (value: unknown): value is Platform => (PLATFORM_IDS as readonly unknown[]).includes(value);

/** A record with one value per platform, e.g. `byPlatform(() => 0)`. */
export function byPlatform<T>(make: (platform: Platform) => T): Record<Platform, T> {
  return Object.fromEntries(PLATFORM_IDS.map((id) => [id, make(id)])) as Record<Platform, T>;
}

export const platformLabel = (platform: Platform): string => PLATFORMS[platform].label;

export function rulesFor(platform: Platform): PlatformRules {
  return PLATFORMS[platform].rules;
}

export function fieldRule(platform: Platform, key: string): FieldRule | undefined {
  return PLATFORMS[platform].rules.fields.find((f) => f.key === key);
}

/** The rule of the platform's body text (primary text, introductory text…). */
export function bodyRule(platform: Platform): FieldRule {
  return fieldRule(platform, PLATFORMS[platform].bodyField)!;
}

/** The draft's body text, whatever the platform calls the field. */
export function bodyOf(draft: Draft): string {
  return (draft as unknown as Record<string, string>)[PLATFORMS[draft.platform].bodyField] ?? '';
}

/** "Learn more" for LEARN_MORE: the label the platform shows on the button. */
export function ctaLabel(platform: Platform, value: string): string {
  return rulesFor(platform).ctas.find((c) => c.value === value)?.label ?? value.replace(/_/g, ' ').toLowerCase();
}
