import type { PlatformRules } from '../types';

// Sources. Meta does not publish hard API maxima for link-ad text in one place; the 2,200 / 255 / 255 maxima
// are the values widely cited by ad tools and match what Ads Manager accepts. Recommendations are Meta's.
const ADS_GUIDE = 'https://www.facebook.com/business/ads-guide/image/facebook-feed/link';
const CITED_MAXIMA = 'https://jupitron.ai/blog/facebook-ad-character-limits';
const CITED_RECOMMENDED = 'https://adsuploader.com/blog/meta-ad-copy-specs';
const CTA_REF = 'https://developers.facebook.com/docs/marketing-api/reference/ad-creative-link-data-call-to-action/';
const OBJECTIVES = 'https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/';
const TARGETING = 'https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search';
const CUSTOM_AUDIENCE = 'https://developers.facebook.com/docs/marketing-api/custom-audience-api';

const counting = { unit: 'graphemes', urlLength: null } as const;

export const metaRules = {
  platform: 'meta',
  label: 'Meta (Facebook & Instagram)',
  fields: [
    {
      key: 'primaryText',
      label: 'Primary text',
      counting,
      overRecommended: 'info',
      recommended: { value: 125, source: ADS_GUIDE },
      max: { value: 2200, source: CITED_MAXIMA },
    },
    {
      key: 'headline',
      label: 'Headline',
      counting,
      overRecommended: 'warning',
      // Feed shows ~27; 40 is the cross-placement figure Meta's guide and most tools cite.
      recommended: { value: 40, source: CITED_RECOMMENDED },
      max: { value: 255, source: CITED_MAXIMA },
    },
    {
      key: 'description',
      label: 'Description',
      counting,
      overRecommended: 'warning',
      recommended: { value: 30, source: CITED_RECOMMENDED },
      max: { value: 255, source: CITED_MAXIMA },
    },
  ],
  // The subset of call_to_action.type that makes sense for a press release; the full enum is much longer.
  ctas: [
    { value: 'LEARN_MORE', label: 'Learn more', source: CTA_REF },
    { value: 'DOWNLOAD', label: 'Download', source: CTA_REF },
    { value: 'SIGN_UP', label: 'Sign up', source: CTA_REF },
    { value: 'SUBSCRIBE', label: 'Subscribe', source: CTA_REF },
    { value: 'SEE_MORE', label: 'See more', source: CTA_REF },
    { value: 'CONTACT_US', label: 'Contact us', source: CTA_REF },
    { value: 'WATCH_MORE', label: 'Watch more', source: CTA_REF },
    { value: 'APPLY_NOW', label: 'Apply now', source: CTA_REF },
    { value: 'GET_QUOTE', label: 'Get quote', source: CTA_REF },
    { value: 'NO_BUTTON', label: 'No button', source: CTA_REF },
  ],
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
} as const satisfies PlatformRules;
