import { PlatformSchema, type Platform } from '../../utils/contract/draft.ts';
import type { PlatformAdapter } from './adapter.ts';
import { linkedInAdapter } from './linkedin/adapter.ts';
import { metaAdapter } from './meta/adapter.ts';

/**
 * Every platform the server connects and sends to, keyed by the contract's platform id. A new platform is
 * a folder (profile, oauth, accounts, steps, errors, preview card, adapter) and a line here; until the line
 * exists, adding its id to PlatformSchema does not type-check.
 */
export const PLATFORMS: { [P in Platform]: PlatformAdapter<P> } = {
  meta: metaAdapter,
  linkedin: linkedInAdapter,
};

export const PLATFORM_IDS: readonly Platform[] = PlatformSchema.options;

export function adapterFor<P extends Platform>(platform: P): PlatformAdapter<P> {
  return PLATFORMS[platform];
}

/** What the options page shows after connecting: granted, and which permissions sending and reporting need are missing. */
export function scopeReport(
  platform: Platform,
  granted: string[],
  required: readonly string[] = [...PLATFORMS[platform].scopes, ...PLATFORMS[platform].reportingScopes],
) {
  return { platform, granted, missing: required.filter((s) => !granted.includes(s)) };
}
