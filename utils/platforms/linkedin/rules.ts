import type { PlatformRules } from '../types';

const SPECS = 'https://business.linkedin.com/advertise/ads/sponsored-content/single-image-ads-specs';
const POST_SCHEMA = 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/post-api-schema';

// LinkedIn ads do not shorten links in the intro text (unlike organic lnkd.in): a URL counts as written.
const counting = { unit: 'graphemes', urlLength: null } as const;

/** LinkedIn sponsored-content copy limits and CTA values: what the editor shows (campaign.ts has the rest). */
export const linkedinRules = {
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
} as const satisfies PlatformRules;
