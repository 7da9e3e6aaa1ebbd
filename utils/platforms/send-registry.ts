import type { Platform } from '../contract/draft';
import { PLATFORM_IDS } from '../contract/platform-ids';
import { linkedinSend } from './linkedin/send';
import { metaSend } from './meta/send';
import type { SendFacts } from './types';

export type { SendFacts };

/**
 * How each platform is connected and sent to (see registry.ts for the other registries). Loaded by Options,
 * the send panel and the background, not by the popup's first paint.
 */
export const PLATFORM_SEND: { readonly [P in Platform]: SendFacts } = {
  meta: metaSend,
  linkedin: linkedinSend,
};

/** What a permission is used for ('' when unknown). */
export const scopeUse = (platform: Platform, scope: string): string => PLATFORM_SEND[platform].scopes[scope] ?? '';

/** The step's name ("ad set" for adset, with or without a "#2" suffix); any platform's when none is given. */
export function stepLabel(step: string, platform: Platform | null = null): string | undefined {
  const name = step.replace(/#\d+$/, '');
  const ids = platform ? [platform] : PLATFORM_IDS;
  return ids.map((id) => PLATFORM_SEND[id].steps[name]).find(Boolean);
}

/** Where the step sits in the platform's nesting order (campaign → … → ad); unknown steps last. */
export function stepRank(platform: Platform, step: string): number {
  const i = Object.keys(PLATFORM_SEND[platform].steps).indexOf(step.replace(/#\d+$/, ''));
  return i < 0 ? 99 : i;
}
