/**
 * Audience presets for the UI, from the draft engine (beat inferred from the release, geography from the
 * dateline). Its own module so the popup loads it only when the audience section is opened.
 */
import type { AudiencePreset, Platform } from '../../contract/draft';
import type { Release } from '../../contract/release';
import { buildAudience, PRESETS } from '../audiences';
import { audienceFacets } from '../../platforms/audiences';
import { inferBeat } from '../beats';
import { geoFromDateline } from '../geo';
import { releaseFacts } from '../facts';

/* ------------------------------------------------------------------ audiences */

export interface AudienceOption {
  preset: AudiencePreset;
  label: string;
  explanation: string;
  beat: string;
  beatEvidence: string[];
  geo: string;
  facets: { label: string; values: string[] }[];
  notes: string[];
}

export function audienceOptions(release: Release, platform: Platform): AudienceOption[] {
  const facts = releaseFacts(release);
  const beat = inferBeat(facts.headline, [facts.subheadline ?? '', ...facts.story].join(' '));
  const geo = geoFromDateline(facts.dateline);
  return PRESETS.map((preset) => {
    const a = buildAudience(platform, preset, beat, geo);
    return {
      preset,
      label: a.label,
      explanation: a.explanation,
      beat: a.beat.label,
      beatEvidence: a.beat.keywords,
      geo: a.geo.city ? `${a.geo.city}, ${a.geo.countryName}` : a.geo.countryName,
      facets: audienceFacets(a),
      notes: a.notes,
    };
  });
}
