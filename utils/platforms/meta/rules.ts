import type { PlatformRules } from '../types';

// Sources. Meta does not publish hard API maxima for link-ad text in one place; the 2,200 / 255 / 255 maxima
// are the values widely cited by ad tools and match what Ads Manager accepts. Recommendations are Meta's.
const ADS_GUIDE = 'https://www.facebook.com/business/ads-guide/image/facebook-feed/link';
const CITED_MAXIMA = 'https://jupitron.ai/blog/facebook-ad-character-limits';
const CITED_RECOMMENDED = 'https://adsuploader.com/blog/meta-ad-copy-specs';
const CTA_REF = 'https://developers.facebook.com/docs/marketing-api/reference/ad-creative-link-data-call-to-action/';

const counting = { unit: 'graphemes', urlLength: null } as const;

/** Meta link-ad copy limits and call-to-action values: what the editor shows (campaign.ts has the rest). */
export const metaRules = {
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
} as const satisfies PlatformRules;
