import type { SendFacts } from '../types';

/** Connecting and sending to Meta (the team server does both: server/platforms/meta/). */
export const metaSend: SendFacts = {
  identity: { noun: 'Facebook page', field: 'pageId' },
  createdAs: 'paused',
  note: 'Created PAUSED',
  manager: 'Ads Manager',
  serverSettings: 'META_APP_ID / META_APP_SECRET',
  timeZonePlaceholder: 'America/New_York',
  // Scope list: server/platforms/oauth.ts (REQUIRED_SCOPES).
  scopes: {
    ads_management: 'create the paused campaign, ad set, creative and ad',
    pages_read_engagement: 'run the ad as your Facebook page',
    pages_show_list: 'list the Facebook pages you can advertise as',
    business_management: 'use ad accounts owned by a Business Manager',
    ads_read: 'read the ads’ results back for the release report',
  },
  steps: {
    campaign: 'Campaign',
    adset: 'Ad set',
    audience: 'Custom audience',
    audienceUsers: 'Audience upload',
    creative: 'Creative',
    ad: 'Ad',
  },
};
