import type { MetaDraft } from '../../../utils/contract/draft.ts';
import type { MetaConfig } from '../config.ts';
import { assertStatus, withQuery, type PlatformRequest } from '../http.ts';
import { toMinorUnits } from '../money.ts';
import { toCtaEnum } from '../cta.ts';
import type { MetaObjective, SendSettings } from '../types.ts';

/**
 * Pure builders for every Meta Marketing API call Wireboost makes. Each asserts status PAUSED: a draft
 * is everything created paused (PLATFORMS.md), and nothing here may produce a live object.
 */
const graph = (cfg: MetaConfig, path: string) => `${cfg.graphBase}/${cfg.graphVersion}/${path}`;
const json = (body: Record<string, unknown>): Pick<PlatformRequest, 'headers' | 'body'> => ({ headers: {}, body });

export const META_MAX_USERS_PER_BATCH = 10_000;

/** Objective → the ad set's optimisation and billing that fit it (traffic: link clicks, paid per impression). */
export const META_OBJECTIVE_DEFAULTS: Record<MetaObjective, { optimization_goal: string; billing_event: string }> = {
  OUTCOME_TRAFFIC: { optimization_goal: 'LINK_CLICKS', billing_event: 'IMPRESSIONS' },
  OUTCOME_AWARENESS: { optimization_goal: 'REACH', billing_event: 'IMPRESSIONS' },
  OUTCOME_ENGAGEMENT: { optimization_goal: 'POST_ENGAGEMENT', billing_event: 'IMPRESSIONS' },
  OUTCOME_LEADS: { optimization_goal: 'LINK_CLICKS', billing_event: 'IMPRESSIONS' },
  OUTCOME_SALES: { optimization_goal: 'LINK_CLICKS', billing_event: 'IMPRESSIONS' },
  OUTCOME_APP_PROMOTION: { optimization_goal: 'LINK_CLICKS', billing_event: 'IMPRESSIONS' },
};

// https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search
// GET /search?type=adinterest&q=Journalism ; type=adworkposition&q=Journalist
export function searchTargeting(cfg: MetaConfig, type: 'adinterest' | 'adworkposition', q: string): PlatformRequest {
  return { method: 'GET', url: withQuery(graph(cfg, 'search'), { type, q, limit: 5 }), headers: {} };
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/#Creating
// https://developers.facebook.com/docs/marketing-apis/buying-api
export function createCampaign(cfg: MetaConfig, s: SendSettings): PlatformRequest {
  const body = {
    name: s.campaignName,
    objective: s.meta?.objective ?? 'OUTCOME_TRAFFIC',
    special_ad_categories: [],
    // Budget lives on the ad set; reported as required alongside that choice (PLATFORMS.md).
    is_adset_budget_sharing_enabled: false,
    status: 'PAUSED',
  };
  assertStatus(body.status, 'PAUSED', 'a Meta campaign');
  return { method: 'POST', url: graph(cfg, `act_${s.adAccountId}/campaigns`), ...json(body) };
}

export interface MetaTargetingIds {
  interests: { id: string; name: string }[];
  workPositions: { id: string; name: string }[];
  customAudienceId?: string;
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/#Creating (ad set)
// https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting
export function createAdSet(
  cfg: MetaConfig,
  s: SendSettings,
  draft: MetaDraft,
  campaignId: string,
  t: MetaTargetingIds,
): PlatformRequest {
  const objective = s.meta?.objective ?? 'OUTCOME_TRAFFIC';
  const flexible: Record<string, unknown> = {};
  if (t.interests.length) flexible.interests = t.interests;
  if (t.workPositions.length) flexible.work_positions = t.workPositions;
  const targeting: Record<string, unknown> = {
    geo_locations: { countries: s.countries },
    // Reported required since v23 (PLATFORMS.md); 0 keeps the team's audience as chosen.
    targeting_automation: { advantage_audience: s.meta?.advantageAudience ?? 0 },
  };
  if (Object.keys(flexible).length) targeting.flexible_spec = [flexible];
  if (t.customAudienceId) targeting.custom_audiences = [{ id: t.customAudienceId }];
  const body = {
    name: `${s.campaignName} · ${draft.audience}`,
    campaign_id: campaignId,
    daily_budget: toMinorUnits(s.dailyBudget, s.currency),
    start_time: s.startTime,
    end_time: s.endTime,
    ...META_OBJECTIVE_DEFAULTS[objective],
    bid_strategy: 'LOWEST_COST_WITHOUT_CAP',
    targeting,
    status: 'PAUSED',
  };
  assertStatus(body.status, 'PAUSED', 'a Meta ad set');
  return { method: 'POST', url: graph(cfg, `act_${s.adAccountId}/adsets`), ...json(body) };
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-creative/#Creating
// https://developers.facebook.com/docs/marketing-api/reference/ad-creative-link-data-call-to-action/
export function createAdCreative(cfg: MetaConfig, s: SendSettings, draft: MetaDraft): PlatformRequest {
  const link = draft.url;
  const link_data: Record<string, unknown> = {
    message: draft.primaryText,
    name: draft.headline,
    description: draft.description,
    link,
    // The CTA link must equal `link`: one value, used twice.
    call_to_action: { type: toCtaEnum(draft.cta), value: { link } },
  };
  if (draft.imageUrl) link_data.picture = draft.imageUrl;
  const body = {
    name: `${s.campaignName} · ${draft.angle} creative`,
    object_story_spec: { page_id: requirePage(s), link_data },
  };
  return { method: 'POST', url: graph(cfg, `act_${s.adAccountId}/adcreatives`), ...json(body) };
}

// https://developers.facebook.com/docs/marketing-api/reference/adgroup/#Creating
export function createAd(cfg: MetaConfig, s: SendSettings, draft: MetaDraft, adSetId: string, creativeId: string) {
  const body = {
    name: `${s.campaignName} · ${draft.angle}`,
    adset_id: adSetId,
    creative: { creative_id: creativeId },
    status: 'PAUSED',
  };
  assertStatus(body.status, 'PAUSED', 'a Meta ad');
  return { method: 'POST' as const, url: graph(cfg, `act_${s.adAccountId}/ads`), ...json(body) };
}

// https://developers.facebook.com/docs/marketing-api/custom-audience-api
// https://developers.facebook.com/docs/marketing-api/reference/ad-account/customaudiences/#Creating
export function createCustomAudience(cfg: MetaConfig, s: SendSettings, name: string): PlatformRequest {
  const body = {
    name,
    subtype: 'CUSTOM',
    customer_file_source: 'USER_PROVIDED_ONLY',
    description: 'Wireboost media list (SHA-256 hashed e-mails)',
  };
  return { method: 'POST', url: graph(cfg, `act_${s.adAccountId}/customaudiences`), ...json(body) };
}

// https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/#Creating
// At most 10,000 rows per request.
export function addAudienceUsers(cfg: MetaConfig, audienceId: string, hashes: string[]): PlatformRequest {
  if (hashes.length > META_MAX_USERS_PER_BATCH) {
    throw new Error(`Meta accepts at most ${META_MAX_USERS_PER_BATCH} rows per request, got ${hashes.length}`);
  }
  const body = { payload: { schema: 'EMAIL_SHA256', data: hashes } };
  return { method: 'POST', url: graph(cfg, `${audienceId}/users`), ...json(body) };
}

function requirePage(s: SendSettings): string {
  if (!s.meta?.pageId) throw new Error('Meta sends need the Facebook page id (settings.meta.pageId).');
  return s.meta.pageId;
}

/**
 * Ads Manager deep link (URL shape reported by public integrations, not a documented API contract).
 */
export function adsManagerLink(cfg: MetaConfig, adAccountId: string, campaignId: string): string {
  return withQuery(`${cfg.adsManagerBase}/adsmanager/manage/campaigns`, {
    act: adAccountId,
    selected_campaign_ids: campaignId,
  });
}
