import type { SendFacts } from '../types';

/** Connecting and sending to LinkedIn (the team server does both: server/platforms/linkedin/). */
export const linkedinSend: SendFacts = {
  identity: { noun: 'LinkedIn organisation', field: 'organizationId' },
  createdAs: 'as a draft',
  note: 'Created as DRAFT',
  manager: 'Campaign Manager',
  serverSettings: 'LINKEDIN_CLIENT_ID / LINKEDIN_CLIENT_SECRET',
  timeZonePlaceholder: 'LinkedIn schedules in absolute time',
  // Scope list: server/platforms/oauth.ts (REQUIRED_SCOPES). LinkedIn grants rw_dmp_segments (Matched
  // Audiences) only to apps approved for it, separately from the Advertising API.
  scopes: {
    rw_ads: 'create the draft campaign group, campaign and creatives',
    w_organization_social: 'create the organisation’s sponsored (dark) posts',
    rw_dmp_segments: 'upload your media list as a matched audience (LinkedIn grants this separately)',
    r_ads_reporting: 'read the campaign’s results back for the release report',
  },
  steps: {
    campaignGroup: 'Campaign group',
    campaign: 'Campaign',
    segment: 'Matched audience',
    segmentUsers: 'Audience upload',
    post: 'Post',
    creative: 'Creative',
  },
};
