import type { AudienceTable } from './types.ts';

/**
 * Default names per audience preset, resolved to IDs/URNs live at send time (PLATFORMS.md: "Presets hold
 * names; IDs are resolved at send time"). Journalist titles from PLATFORMS.md (LinkedIn section). The
 * draft engine's rule tables may supersede this: pass your own table to sendDraft.
 * LinkedIn: titles are never combined with functions/seniorities (see linkedin/targeting.ts), so each
 * preset uses titles alone or function + seniority.
 */
export const DEFAULT_AUDIENCES: AudienceTable = {
  journalists: {
    meta: { interests: ['Journalism'], workPositions: ['Journalist', 'Reporter', 'Editor'] },
    linkedin: { titles: ['Journalist', 'Reporter', 'Editor', 'Correspondent', 'Columnist'] },
  },
  bloggers: {
    meta: { interests: ['Blogging'], workPositions: ['Blogger'] },
    linkedin: { titles: ['Blogger', 'Content Creator'] },
  },
  pundits: {
    meta: { interests: ['Politics', 'News'], workPositions: ['Commentator', 'Analyst'] },
    // Media & Communication is reported as urn:li:function:16; resolved by name, not hard-coded.
    linkedin: { functions: ['Media and Communication'], seniorities: ['Senior', 'Director'] },
  },
};
