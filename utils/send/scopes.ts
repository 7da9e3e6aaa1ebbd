import type { Platform } from '../contract/draft';

/**
 * What each permission the server asks for is used for, so a missing one reads as a consequence.
 * Scope lists: server/platforms/oauth.ts (REQUIRED_SCOPES); LinkedIn grants rw_dmp_segments (Matched
 * Audiences) only to apps approved for it, separately from the Advertising API.
 */
export const SCOPE_USE: Record<Platform, Record<string, string>> = {
  meta: {
    ads_management: 'create the paused campaign, ad set, creative and ad',
    pages_read_engagement: 'run the ad as your Facebook page',
    pages_show_list: 'list the Facebook pages you can advertise as',
    business_management: 'use ad accounts owned by a Business Manager',
  },
  linkedin: {
    rw_ads: 'create the draft campaign group, campaign and creatives',
    w_organization_social: 'create the organisation’s sponsored (dark) posts',
    rw_dmp_segments: 'upload your media list as a matched audience (LinkedIn grants this separately)',
  },
};

export const scopeUse = (p: Platform, scope: string) => SCOPE_USE[p][scope] ?? '';
