import type { AudiencePreset, Platform } from '../contract/draft';
import type { Beat, BeatMatch } from './beats';
import type { Geo } from './geo';

/**
 * Audience presets in each platform's own targeting vocabulary. Values are names; the send step resolves
 * them to Meta ids (targeting search) and LinkedIn URNs (typeahead), so nothing here goes stale silently.
 */
interface AudienceBase {
  preset: AudiencePreset;
  label: string;
  /** One line: who this reaches and why. */
  explanation: string;
  beat: { id: string; label: string; keywords: string[] };
  geo: Geo;
  /** Caveats the UI must show (Advantage detailed targeting, non-discrimination notice…). */
  notes: string[];
}

export interface MetaAudience extends AudienceBase {
  platform: 'meta';
  work_positions: string[];
  interests: string[];
  behaviors: string[];
  geo_locations: { countries: string[] };
}

export interface LinkedInAudience extends AudienceBase {
  platform: 'linkedin';
  titles: string[];
  functions: string[];
  seniorities: string[];
  industries: string[];
  groups: string[];
  locations: string[];
}

export type Audience = MetaAudience | LinkedInAudience;

export const PRESET_LABELS: Record<AudiencePreset, string> = {
  journalists: 'Journalists',
  bloggers: 'Bloggers & creators',
  pundits: 'Pundits & analysts',
};

const META_NOTE =
  'For traffic objectives Meta treats job titles and interests as signals (Advantage detailed targeting), not hard filters.';
const LINKEDIN_NOTE =
  'LinkedIn requires advertisers to follow its non-discrimination policy when targeting by member attributes.';

/** "the United States", "the Netherlands", "France": country names as a sentence needs them. */
const where = (g: Geo) =>
  /^(?:United|Netherlands|Philippines|Czech)/.test(g.countryName) ? `the ${g.countryName}` : g.countryName;

type Builder<A> = (beat: Beat, geo: Geo) => Omit<A, keyof AudienceBase | 'platform'> & { explanation: string };

const META: Record<AudiencePreset, Builder<MetaAudience>> = {
  journalists: (b, g) => ({
    work_positions: [
      'Journalist',
      'Reporter',
      'Editor',
      'Correspondent',
      `${b.titleWord} Reporter`,
      `${b.titleWord} Editor`,
    ],
    interests: ['Journalism', ...b.metaInterests],
    behaviors: [],
    geo_locations: { countries: [g.country] },
    explanation: `People whose job title is journalist, reporter or editor in ${where(g)}, with an interest in ${b.label.toLowerCase()}.`,
  }),
  bloggers: (b, g) => ({
    work_positions: ['Blogger', 'Content Creator', 'Podcaster', 'Writer'],
    interests: ['Blogging', ...b.metaInterests],
    behaviors: ['Facebook page admins'],
    geo_locations: { countries: [g.country] },
    explanation: `Bloggers, podcasters and page admins in ${where(g)} who follow ${b.label.toLowerCase()}: independent voices that amplify news.`,
  }),
  pundits: (b, g) => ({
    work_positions: ['Analyst', 'Industry Analyst', 'Consultant', 'Commentator'],
    interests: [...b.metaInterests, 'Public policy'],
    behaviors: [],
    geo_locations: { countries: [g.country] },
    explanation: `Analysts, consultants and commentators in ${where(g)} interested in ${b.label.toLowerCase()}: the people reporters call for comment.`,
  }),
};

// Titles cannot be combined with functions or seniorities on LinkedIn: each preset uses one or the other.
const LINKEDIN: Record<AudiencePreset, Builder<LinkedInAudience>> = {
  journalists: (b, g) => ({
    titles: ['Journalist', 'Reporter', 'Editor', 'Correspondent', 'Columnist', `${b.titleWord} Reporter`],
    functions: [],
    seniorities: [],
    industries: ['Newspaper Publishing', 'Broadcast Media Production and Distribution', 'Online Audio and Video Media'],
    groups: b.linkedinGroups,
    locations: [g.countryName],
    explanation: `Members titled journalist, reporter, editor, correspondent or columnist at media companies in ${where(g)}, plus ${b.label.toLowerCase()} press groups.`,
  }),
  bloggers: (b, g) => ({
    titles: ['Blogger', 'Content Creator', 'Podcast Host', 'Newsletter Writer', 'Freelance Writer'],
    functions: [],
    seniorities: [],
    industries: [],
    groups: b.linkedinGroups,
    locations: [g.countryName],
    explanation: `Independent writers and creators in ${where(g)} (blogger, podcast host, newsletter writer) who cover ${b.label.toLowerCase()}.`,
  }),
  pundits: (b, g) => ({
    titles: [],
    functions: ['Research', 'Consulting'],
    seniorities: ['Senior', 'Manager', 'Director', 'VP', 'CXO', 'Partner'],
    industries: [...b.linkedinIndustries, 'Think Tanks', 'Market Research'],
    groups: [],
    locations: [g.countryName],
    explanation: `Senior research and consulting professionals in ${b.label.toLowerCase()} industries in ${where(g)}: analysts whose take shapes coverage (function + seniority, since LinkedIn won't mix those with titles).`,
  }),
};

export function buildAudience(platform: Platform, preset: AudiencePreset, match: BeatMatch, geo: Geo): Audience {
  const base = {
    preset,
    label: PRESET_LABELS[preset],
    beat: { id: match.beat.id, label: match.beat.label, keywords: match.matched },
    geo,
  };
  if (platform === 'meta') {
    const { explanation, ...facets } = META[preset](match.beat, geo);
    return { platform, ...base, explanation, ...facets, notes: [META_NOTE] };
  }
  const { explanation, ...facets } = LINKEDIN[preset](match.beat, geo);
  return {
    platform,
    ...base,
    explanation,
    ...facets,
    notes: [
      LINKEDIN_NOTE,
      'A location is required and set from the release dateline.',
      'Titles, groups and industries are search terms: they are matched to LinkedIn URNs by typeahead when sending.',
    ],
  };
}

export const PRESETS: AudiencePreset[] = ['journalists', 'bloggers', 'pundits'];
