import { PlatformError } from '../errors.ts';

/**
 * LinkedIn targetingCriteria facets we use, and the rules we enforce before sending:
 * a location facet is required; job titles are not combined with job functions or seniorities
 * (reported in PLATFORMS.md: use titles alone, or function + seniority).
 * https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting
 */
export const FACET = {
  locations: 'urn:li:adTargetingFacet:locations',
  titles: 'urn:li:adTargetingFacet:titles',
  functions: 'urn:li:adTargetingFacet:jobFunctions',
  seniorities: 'urn:li:adTargetingFacet:seniorities',
  audienceMatchingSegments: 'urn:li:adTargetingFacet:audienceMatchingSegments',
} as const;

/**
 * How each facet's entities are found: titles and locations by typeahead; functions and seniorities are
 * closed lists fetched whole (q=adTargetingFacet) and matched by name locally.
 */
export const FACET_FINDER: Record<
  'locations' | 'titles' | 'functions' | 'seniorities',
  'typeahead' | 'adTargetingFacet'
> = {
  locations: 'typeahead',
  titles: 'typeahead',
  functions: 'adTargetingFacet',
  seniorities: 'adTargetingFacet',
};

export interface LinkedInTargetingUrns {
  locations: string[];
  titles?: string[];
  functions?: string[];
  seniorities?: string[];
  segments?: string[];
}

interface Rule {
  broken: (t: LinkedInTargetingUrns) => boolean;
  message: string;
}

/** The rules as data: each row a condition and the sentence the user sees. */
export const LINKEDIN_TARGETING_RULES: Rule[] = [
  {
    broken: (t) => t.locations.length === 0,
    message: 'LinkedIn needs at least one location: pick the countries or regions the ads should run in.',
  },
  {
    broken: (t) => !!t.titles?.length && !!(t.functions?.length || t.seniorities?.length),
    message:
      'LinkedIn does not allow job titles together with job functions or seniorities: target titles alone, or a function with seniorities.',
  },
];

export function validateLinkedInTargeting(t: LinkedInTargetingUrns): void {
  for (const rule of LINKEDIN_TARGETING_RULES) {
    if (rule.broken(t)) throw new PlatformError('linkedin', 'targeting', rule.message, { draftField: 'audience' });
  }
}

/** Same check on names, before any look-up, so a bad preset fails without a network call. */
export function validateLinkedInNames(n: {
  locations: string[];
  titles?: string[];
  functions?: string[];
  seniorities?: string[];
}): void {
  validateLinkedInTargeting({ ...n });
}

/** {include: {and: [{or: {facet: [urns]}}, …]}} — each facet an OR, facets ANDed. */
export function targetingCriteria(t: LinkedInTargetingUrns): Record<string, unknown> {
  validateLinkedInTargeting(t);
  const facets: [string, string[] | undefined][] = [
    [FACET.locations, t.locations],
    [FACET.titles, t.titles],
    [FACET.functions, t.functions],
    [FACET.seniorities, t.seniorities],
    [FACET.audienceMatchingSegments, t.segments],
  ];
  return {
    include: { and: facets.filter(([, urns]) => urns?.length).map(([facet, urns]) => ({ or: { [facet]: urns } })) },
  };
}
