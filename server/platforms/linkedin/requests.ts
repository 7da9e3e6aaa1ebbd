import type { LinkedInDraft } from '../../../utils/contract/draft.ts';
import type { LinkedInConfig } from '../config.ts';
import { assertStatus, withQuery, type PlatformRequest } from '../http.ts';
import { toMajorString } from '../money.ts';
import { toCtaEnum } from '../cta.ts';
import type { SendSettings } from '../types.ts';
import { targetingCriteria, type LinkedInTargetingUrns } from './targeting.ts';

/**
 * Pure builders for LinkedIn's versioned REST API. Every request carries LinkedIn-Version and
 * X-Restli-Protocol-Version 2.0.0 (https://learn.microsoft.com/en-us/linkedin/marketing/versioning);
 * created ids come back in x-restli-id. Everything that has a status is DRAFT, asserted here.
 */
export const LINKEDIN_MAX_USERS_PER_BATCH = 5_000; // kept moderate: the DMP streaming API is rate-limited per minute

const rest = (cfg: LinkedInConfig, path: string) => `${cfg.apiBase}/rest/${path}`;
const headers = (cfg: LinkedInConfig, extra: Record<string, string> = {}) => ({
  'LinkedIn-Version': cfg.version,
  'X-Restli-Protocol-Version': '2.0.0',
  ...extra,
});
export const accountUrn = (id: string) => `urn:li:sponsoredAccount:${id}`;
const epochMs = (iso: string) => Date.parse(iso);

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting
// GET /rest/adTargetingEntities?q=typeahead&facet=urn:li:adTargetingFacet:titles&query=Journalist
export function typeahead(cfg: LinkedInConfig, facet: string, query: string): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(rest(cfg, 'adTargetingEntities'), { q: 'typeahead', facet, query }),
    headers: headers(cfg),
  };
}

// Same page: closed lists (functions, seniorities) via the adTargetingFacet finder.
export function facetEntities(cfg: LinkedInConfig, facet: string): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(rest(cfg, 'adTargetingEntities'), { q: 'adTargetingFacet', facet }),
    headers: headers(cfg),
  };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaign-groups
export function createCampaignGroup(cfg: LinkedInConfig, s: SendSettings): PlatformRequest {
  const body = {
    account: accountUrn(s.adAccountId),
    name: s.campaignName,
    runSchedule: { start: epochMs(s.startTime), end: epochMs(s.endTime) },
    status: 'DRAFT',
  };
  assertStatus(body.status, 'DRAFT', 'a LinkedIn campaign group');
  return {
    method: 'POST',
    url: rest(cfg, `adAccounts/${s.adAccountId}/adCampaignGroups`),
    headers: headers(cfg),
    body,
  };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns
export function createCampaign(
  cfg: LinkedInConfig,
  s: SendSettings,
  draft: LinkedInDraft,
  groupId: string,
  targeting: LinkedInTargetingUrns,
): PlatformRequest {
  const li = s.linkedin;
  const body = {
    account: accountUrn(s.adAccountId),
    campaignGroup: `urn:li:sponsoredCampaignGroup:${groupId}`,
    name: `${s.campaignName} · ${draft.audience}`,
    type: 'SPONSORED_UPDATES',
    objectiveType: li?.objectiveType ?? 'WEBSITE_VISIT',
    costType: li?.costType ?? 'CPM',
    // Decimal string in major units (PLATFORMS.md: "50.00").
    dailyBudget: { amount: toMajorString(s.dailyBudget, s.currency), currencyCode: s.currency },
    locale: li?.locale ?? { country: 'US', language: 'en' },
    targetingCriteria: targetingCriteria(targeting),
    runSchedule: { start: epochMs(s.startTime), end: epochMs(s.endTime) },
    offsiteDeliveryEnabled: false,
    status: 'DRAFT',
  };
  assertStatus(body.status, 'DRAFT', 'a LinkedIn campaign');
  return { method: 'POST', url: rest(cfg, `adAccounts/${s.adAccountId}/adCampaigns`), headers: headers(cfg), body };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (dark posts)
// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/post-api-schema
export function createDarkPost(cfg: LinkedInConfig, s: SendSettings, draft: LinkedInDraft): PlatformRequest {
  if (!s.linkedin?.organizationId)
    throw new Error('LinkedIn sends need the organisation id (settings.linkedin.organizationId).');
  const body = {
    author: `urn:li:organization:${s.linkedin.organizationId}`,
    commentary: draft.introText,
    visibility: 'PUBLIC',
    // NONE = a dark post: it exists only as ad content, never on the page's feed.
    distribution: { feedDistribution: 'NONE', targetEntities: [], thirdPartyDistributionChannels: [] },
    content: { article: { source: draft.url, title: draft.headline, description: draft.description } },
    contentLandingPage: draft.url,
    contentCallToActionLabel: toCtaEnum(draft.cta),
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    adContext: { dscAdAccount: accountUrn(s.adAccountId), dscStatus: 'ACTIVE' },
  };
  return { method: 'POST', url: rest(cfg, 'posts'), headers: headers(cfg), body };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-creatives-new
export function createCreative(
  cfg: LinkedInConfig,
  s: SendSettings,
  campaignId: string,
  postUrn: string,
): PlatformRequest {
  const body = {
    campaign: `urn:li:sponsoredCampaign:${campaignId}`,
    content: { reference: postUrn },
    // A DRAFT creative never serves.
    intendedStatus: 'DRAFT',
  };
  assertStatus(body.intendedStatus, 'DRAFT', 'a LinkedIn creative');
  return { method: 'POST', url: rest(cfg, `adAccounts/${s.adAccountId}/creatives`), headers: headers(cfg), body };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segments
// (sourcePlatform/type for API-streamed user lists: body shape per the docs' sample, unverified on a live account)
export function createDmpSegment(cfg: LinkedInConfig, s: SendSettings, name: string): PlatformRequest {
  const body = {
    name,
    account: accountUrn(s.adAccountId),
    accessPolicy: 'PRIVATE',
    sourcePlatform: 'LIST_UPLOAD',
    type: 'USER',
    destinations: [{ destination: 'LINKEDIN' }],
  };
  return { method: 'POST', url: rest(cfg, 'dmpSegments'), headers: headers(cfg), body };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segment-users
export function addSegmentUsers(cfg: LinkedInConfig, segmentId: string, hashes: string[]): PlatformRequest {
  if (hashes.length > LINKEDIN_MAX_USERS_PER_BATCH) {
    throw new Error(
      `Wireboost sends at most ${LINKEDIN_MAX_USERS_PER_BATCH} LinkedIn users per request, got ${hashes.length}`,
    );
  }
  const body = {
    elements: hashes.map((idValue) => ({ action: 'ADD', userIds: [{ idType: 'SHA256_EMAIL', idValue }] })),
  };
  return {
    method: 'POST',
    url: rest(cfg, `dmpSegments/${segmentId}/users`),
    headers: headers(cfg, { 'X-RestLi-Method': 'BATCH_CREATE' }),
    body,
  };
}

/** Campaign Manager deep link (URL shape as Campaign Manager shows it; not an API contract). */
export function campaignManagerLink(cfg: LinkedInConfig, adAccountId: string, campaignId: string): string {
  return `${cfg.campaignManagerBase}/campaignmanager/accounts/${adAccountId}/campaigns/${campaignId}/details`;
}
