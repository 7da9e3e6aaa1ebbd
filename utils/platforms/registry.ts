import type { Platform } from '../contract/draft';
import { linkedinRules } from './linkedin/rules';
import { metaRules } from './meta/rules';
import type { FieldRule, PlatformRules } from './types';

export type { FieldRule, PlatformRules, Sourced, Option, TargetingFacet } from './types';
export { countChars } from './count';

/** Every platform's rules, keyed by platform id. Adding a platform adds a module and a line here. */
export const PLATFORM_RULES: Record<Platform, PlatformRules> = { meta: metaRules, linkedin: linkedinRules };
export const PLATFORMS = Object.keys(PLATFORM_RULES) as Platform[];

export function rulesFor(platform: Platform): PlatformRules {
  return PLATFORM_RULES[platform];
}

export function fieldRule(platform: Platform, key: string): FieldRule | undefined {
  return PLATFORM_RULES[platform].fields.find((f) => f.key === key);
}
