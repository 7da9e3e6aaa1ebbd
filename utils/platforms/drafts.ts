import type { Platform } from '../contract/draft';
import { PLATFORMS } from './registry';
import type { DraftCommon, DraftOf } from './types';

// Apart from registry.ts, which the popup's first paint loads: only drafting and messages need these.

/** A draft for `platform` from the fields every draft has and its body text, under the platform's key. */
export function draftWithBody<P extends Platform>(platform: P, common: DraftCommon, body: string): DraftOf<P> {
  return { ...common, platform, [PLATFORMS[platform].bodyField]: body } as unknown as DraftOf<P>;
}

/** Labels of the copy fields across platforms (primaryText → "Primary text"), for messages naming a field. */
export function copyFieldLabels(): Record<string, string> {
  return Object.fromEntries(
    Object.values(PLATFORMS).flatMap((p) => p.rules.fields.map((f) => [f.key, f.label] as const)),
  );
}
