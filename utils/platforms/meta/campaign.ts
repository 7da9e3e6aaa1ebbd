import type { CampaignRules } from '../types';

const OBJECTIVES = 'https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/';
const TARGETING = 'https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search';
const CUSTOM_AUDIENCE = 'https://developers.facebook.com/docs/marketing-api/custom-audience-api';

/** Meta's objectives, targeting facets and audience sizes, for drafting, lint and exports. */
export const metaCampaign = {
  ctaForAngle: { news: 'LEARN_MORE', quote: 'LEARN_MORE', insight: 'DOWNLOAD', insightWithoutAsset: 'LEARN_MORE' },
  // Legacy objectives are rejected since v17 (PLATFORMS.md).
  objectives: [
    { value: 'OUTCOME_AWARENESS', label: 'Awareness', source: OBJECTIVES },
    { value: 'OUTCOME_TRAFFIC', label: 'Traffic', source: OBJECTIVES },
    { value: 'OUTCOME_ENGAGEMENT', label: 'Engagement', source: OBJECTIVES },
    { value: 'OUTCOME_LEADS', label: 'Leads', source: OBJECTIVES },
    { value: 'OUTCOME_SALES', label: 'Sales', source: OBJECTIVES },
    { value: 'OUTCOME_APP_PROMOTION', label: 'App promotion', source: OBJECTIVES },
  ],
  defaultObjective: 'OUTCOME_TRAFFIC',
  // Names only here: ids come from GET /search?type=adinterest|adworkposition at send time.
  facets: [
    { id: 'work_positions', label: 'Job titles', excludes: [], source: TARGETING },
    { id: 'interests', label: 'Interests', excludes: [], source: TARGETING },
    { id: 'behaviors', label: 'Behaviours', excludes: [], source: TARGETING },
    { id: 'geo_locations', label: 'Locations', excludes: [], source: TARGETING },
    { id: 'custom_audiences', label: 'Customer list', excludes: [], source: CUSTOM_AUDIENCE },
  ],
  audienceMinimum: { value: 100, source: CUSTOM_AUDIENCE },
  audienceComfortable: { value: 1000, source: CUSTOM_AUDIENCE },
  utmSource: 'facebook',
} as const satisfies CampaignRules;
