import type { AudiencePreset, Platform } from '../contract/draft';
import { PLATFORM_AUDIENCES, type AudienceFor } from '../platforms/audiences';
import type { BeatMatch } from './beats';
import type { Geo } from './geo';

export type { Audience, AudienceFor } from '../platforms/audiences';

/**
 * Audience presets in each platform's own targeting vocabulary (utils/platforms/<id>/audience.ts). Values
 * are names; the send step resolves them to Meta ids (targeting search) and LinkedIn URNs (typeahead).
 */
export const PRESET_LABELS: Record<AudiencePreset, string> = {
  journalists: 'Journalists',
  bloggers: 'Bloggers & creators',
  pundits: 'Pundits & analysts',
};

export function buildAudience<P extends Platform>(
  platform: P,
  preset: AudiencePreset,
  match: BeatMatch,
  geo: Geo,
): AudienceFor<P> {
  const presets = PLATFORM_AUDIENCES[platform];
  const base = {
    preset,
    label: PRESET_LABELS[preset],
    beat: { id: match.beat.id, label: match.beat.label, keywords: match.matched },
    geo,
  };
  const { explanation, ...facets } = presets.presets[preset](match.beat, geo);
  return { platform, ...base, explanation, ...facets, notes: [...presets.notes] } as AudienceFor<P>;
}

export const PRESETS: AudiencePreset[] = ['journalists', 'bloggers', 'pundits'];
