import type { Platform } from '../contract/draft';
import { linkedinCampaign } from './linkedin/campaign';
import { metaCampaign } from './meta/campaign';
import type { CampaignRules } from './types';

export type { CampaignRules };

/**
 * Each platform's campaign rules: objectives, targeting facets, audience sizes, CTA per angle, utm_source
 * (see registry.ts for the other registries). Drafting, lint and exports read them; the popup's first
 * paint does not.
 */
export const PLATFORM_CAMPAIGNS: { readonly [P in Platform]: CampaignRules } = {
  meta: metaCampaign,
  linkedin: linkedinCampaign,
};

export function campaignFor(platform: Platform): CampaignRules {
  return PLATFORM_CAMPAIGNS[platform];
}
