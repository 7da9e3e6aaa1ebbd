import type { Platform } from '../contract/draft';
import { linkedinAudience } from './linkedin/audience';
import { metaAudience } from './meta/audience';
import type { PlatformAudience } from './types';

export type { MetaAudience } from './meta/audience';
export type { LinkedInAudience } from './linkedin/audience';

/**
 * Every platform's audience presets (see registry.ts for the other registries). Loaded by the drafting
 * engine and the popup's audience section, not by its first paint.
 */
export const PLATFORM_AUDIENCES = {
  meta: metaAudience,
  linkedin: linkedinAudience,
};

type AudienceOf<X> = X extends PlatformAudience<infer A> ? A : never;
/** The audience type a platform's module declares (MetaAudience for 'meta'…). */
export type AudienceFor<P extends Platform> = AudienceOf<(typeof PLATFORM_AUDIENCES)[P]>;
export type Audience = AudienceFor<Platform>;

// Every platform has presets, and each builds audiences of its own platform.
const complete: { [P in Platform]: PlatformAudience<AudienceFor<P> & { platform: P }> } = PLATFORM_AUDIENCES;
void complete;

/** The facets the audience section lists for this audience (empty ones left out), in the platform's order. */
export function audienceFacets(a: Audience): { label: string; values: string[] }[] {
  const shown: { field: string; label: string }[] = PLATFORM_AUDIENCES[a.platform].shown;
  const values = a as unknown as Record<string, string[]>;
  return shown.map((f) => ({ label: f.label, values: values[f.field] ?? [] })).filter((f) => f.values.length);
}
