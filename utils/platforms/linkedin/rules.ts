import type { PlatformRules } from '../types';

const SPECS = 'https://business.linkedin.com/advertise/ads/sponsored-content/single-image-ads-specs';
const POST_SCHEMA = 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/post-api-schema';
const OBJECTIVES =
  'https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/campaign-objectives';
const TARGETING =
  'https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting';
// Facet URNs and the and/or structure: https://learn.microsoft.com/en-us/linkedin/shared/references/v2/ads/targeting-criteria (checked with the search tool).
const SEGMENTS = 'https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segments';

// LinkedIn ads do not shorten links in the intro text (unlike organic lnkd.in): a URL counts as written.
const counting = { unit: 'graphemes', urlLength: null } as const;

export const linkedinRules = {
  platform: 'linkedin',
  label: 'LinkedIn',
  fields: [
    // A newer help page says 3,000 for intro text; 600 is the ad spec page and the safe bound.
    {
      key: 'introText',
      label: 'Introductory text',
      counting,
      overRecommended: 'info',
      recommended: { value: 150, source: SPECS },
      max: { value: 600, source: SPECS },
    },
    {
      key: 'headline',
      label: 'Headline',
      counting,
      overRecommended: 'warning',
      recommended: { value: 70, source: SPECS },
      max: { value: 200, source: SPECS },
    },
    {
      key: 'description',
      label: 'Description',
      counting,
      overRecommended: 'warning',
      recommended: { value: 100, source: SPECS },
      max: { value: 300, source: SPECS },
    },
  ],
  // contentCallToActionLabel values (Posts API schema).
  ctas: [
    { value: 'LEARN_MORE', label: 'Learn more', source: POST_SCHEMA },
    { value: 'DOWNLOAD', label: 'Download', source: POST_SCHEMA },
    { value: 'REGISTER', label: 'Register', source: POST_SCHEMA },
    { value: 'SUBSCRIBE', label: 'Subscribe', source: POST_SCHEMA },
    { value: 'SIGN_UP', label: 'Sign up', source: POST_SCHEMA },
    { value: 'APPLY', label: 'Apply', source: POST_SCHEMA },
    { value: 'VIEW_QUOTE', label: 'View quote', source: POST_SCHEMA },
    { value: 'JOIN', label: 'Join', source: POST_SCHEMA },
    { value: 'ATTEND', label: 'Attend', source: POST_SCHEMA },
    { value: 'REQUEST_DEMO', label: 'Request demo', source: POST_SCHEMA },
  ],
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
} as const satisfies PlatformRules;
