import type { CampaignRules } from '../types';

const OBJECTIVES =
  'https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/campaign-objectives';
const TARGETING =
  'https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting';
// Facet URNs and the and/or structure: https://learn.microsoft.com/en-us/linkedin/shared/references/v2/ads/targeting-criteria (checked with the search tool).
const SEGMENTS = 'https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segments';

/** LinkedIn's objectives, targeting facets and audience sizes, for drafting, lint and exports. */
export const linkedinCampaign = {
  ctaForAngle: { news: 'LEARN_MORE', quote: 'LEARN_MORE', insight: 'DOWNLOAD', insightWithoutAsset: 'LEARN_MORE' },
  objectives: [
    { value: 'BRAND_AWARENESS', label: 'Brand awareness', source: OBJECTIVES },
    { value: 'WEBSITE_VISIT', label: 'Website visits', source: OBJECTIVES },
    { value: 'ENGAGEMENT', label: 'Engagement', source: OBJECTIVES },
    { value: 'VIDEO_VIEW', label: 'Video views', source: OBJECTIVES },
    { value: 'LEAD_GENERATION', label: 'Lead generation', source: OBJECTIVES },
    { value: 'WEBSITE_CONVERSION', label: 'Website conversions', source: OBJECTIVES },
    { value: 'JOB_APPLICANT', label: 'Job applicants', source: OBJECTIVES },
  ],
  defaultObjective: 'WEBSITE_VISIT',
  // Reported: titles cannot be combined with functions or seniorities (PLATFORMS.md); a location is required.
  facets: [
    { id: 'titles', label: 'Job titles', excludes: ['functions', 'seniorities'], source: TARGETING },
    { id: 'functions', label: 'Job functions', excludes: ['titles'], source: TARGETING },
    { id: 'seniorities', label: 'Seniorities', excludes: ['titles'], source: TARGETING },
    { id: 'industries', label: 'Industries', excludes: [], source: TARGETING },
    { id: 'groups', label: 'Member groups', excludes: [], source: TARGETING },
    { id: 'interests', label: 'Member interests', excludes: [], source: TARGETING },
    { id: 'locations', label: 'Locations (required)', excludes: [], source: TARGETING },
    { id: 'audienceMatchingSegments', label: 'Matched audience', excludes: [], source: SEGMENTS },
  ],
  audienceMinimum: { value: 300, source: SEGMENTS },
  audienceComfortable: { value: 300, source: SEGMENTS },
  utmSource: 'linkedin',
} as const satisfies CampaignRules;
