import type { PlatformProfile } from '../adapter.ts';

/** LinkedIn as the rest of the server names it. rw_dmp_segments is the separate Matched Audiences permission. */
export const LINKEDIN: PlatformProfile<'linkedin'> = {
  id: 'linkedin',
  label: 'LinkedIn',
  identity: { field: 'organizationId', noun: 'LinkedIn organisation', role: 'the organisation the posts belong to' },
  // LinkedIn locations are names resolved to geo URNs by typeahead at send time.
  defaultCountries: ['United States'],
  scopes: ['rw_ads', 'w_organization_social', 'rw_dmp_segments'],
  // adAnalytics needs r_ads_reporting (PLATFORMS.md, "Reporting").
  reportingScopes: ['r_ads_reporting'],
  credentialsEnv: { clientId: 'LINKEDIN_CLIENT_ID', clientSecret: 'LINKEDIN_CLIENT_SECRET' },
  previewTitle: 'LinkedIn',
};
