import type { PlatformProfile } from '../adapter.ts';

/** Meta as the rest of the server names it. Scopes: PLATFORMS.md (Marketing API with a Facebook page). */
export const META: PlatformProfile<'meta'> = {
  id: 'meta',
  label: 'Meta',
  identity: { field: 'pageId', noun: 'Facebook page', role: 'the Facebook page the ads run as' },
  // Meta targets countries by ISO 3166-1 alpha-2 code.
  defaultCountries: ['US'],
  scopes: ['ads_management', 'pages_read_engagement', 'pages_show_list', 'business_management'],
  // The Ads Insights API needs ads_read (PLATFORMS.md, "Reporting").
  reportingScopes: ['ads_read'],
  credentialsEnv: { clientId: 'META_APP_ID', clientSecret: 'META_APP_SECRET' },
  previewTitle: 'Facebook / Instagram',
};
