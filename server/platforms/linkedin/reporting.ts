import { MEDIA_PIVOTS } from '../../../utils/engine/results/linkedin-media.ts';
import { linkedInConfig, type LinkedInConfig } from '../config.ts';
import type { PlatformRequest } from '../http.ts';
import { dayIn, decimalToMicros, reportRange, type BreakdownRow, type PlatformReporting } from '../reporting.ts';

/**
 * LinkedIn's reporting half: the campaign's status and run schedule, and adAnalytics.
 * Microsoft Learn, LinkedIn Marketing "Reporting":
 * https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/ads-reporting
 * q=analytics with one pivot (CREATIVE: one draft = one creative; MEMBER_* for the audience), `dateRange`
 * and `timeGranularity` in Rest.li 2.0 syntax (structure unencoded, URNs inside List() encoded:
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version), `fields` asked
 * explicitly; no pagination; needs r_ads_reporting. Demographic pivots are approximate, 12–24 h late and
 * leave out values under 3 events. Days are UTC. Throttling is a bare 429, retried by the executor.
 */
const headers = (cfg: LinkedInConfig) => ({ 'LinkedIn-Version': cfg.version, 'X-Restli-Protocol-Version': '2.0.0' });

/** Campaign statuses under which LinkedIn serves (ACTIVE); DRAFT, PAUSED, COMPLETED… do not. */
const SPENDING = new Set(['ACTIVE']);

export const LINKEDIN_DAILY_FIELDS = [
  'dateRange',
  'pivotValues',
  'impressions',
  'clicks',
  'landingPageClicks',
  'costInLocalCurrency',
];

const idOf = (v: string) => v.replace(/^urn:li:[A-Za-z]+:/, '');
const creativeUrn = (v: string) => (v.startsWith('urn:') ? v : `urn:li:sponsoredCreative:${v}`);
const restliDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `(year:${y},month:${m},day:${day})`;
};
const list = (urns: string[]) => `List(${urns.map(encodeURIComponent).join(',')})`;

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns (get)
export function campaignRequest(cfg: LinkedInConfig, adAccountId: string, campaignId: string): PlatformRequest {
  return {
    method: 'GET',
    url: `${cfg.apiBase}/rest/adAccounts/${adAccountId}/adCampaigns/${idOf(campaignId)}`,
    headers: headers(cfg),
  };
}

/** adAnalytics, q=analytics: the query string written by hand so the Rest.li structure stays unencoded. */
export function analyticsRequest(
  cfg: LinkedInConfig,
  o: {
    pivot: string;
    granularity: 'DAILY' | 'ALL';
    since: string;
    until: string;
    facet: 'campaigns' | 'creatives';
    urns: string[];
    fields: string[];
  },
): PlatformRequest {
  const query = [
    'q=analytics',
    `pivot=${o.pivot}`,
    `timeGranularity=${o.granularity}`,
    `dateRange=(start:${restliDate(o.since)},end:${restliDate(o.until)})`,
    `${o.facet}=${list(o.urns)}`,
    `fields=${o.fields.join(',')}`,
  ].join('&');
  return { method: 'GET', url: `${cfg.apiBase}/rest/adAnalytics?${query}`, headers: headers(cfg) };
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting
// (q=urns: names of targeting entities by URN; the values demographic pivots return are such entities)
export function namesRequest(cfg: LinkedInConfig, urns: string[]): PlatformRequest {
  return {
    method: 'GET',
    url: `${cfg.apiBase}/rest/adTargetingEntities?q=urns&urns=${list(urns)}`,
    headers: headers(cfg),
  };
}

interface Element {
  pivotValues?: string[];
  dateRange?: { start?: { year: number; month: number; day: number } };
  impressions?: number;
  clicks?: number;
  landingPageClicks?: number;
  costInLocalCurrency?: string;
  approximateMemberReach?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;

export const linkedInReporting: PlatformReporting = {
  manager: 'Campaign Manager',
  delay: 'LinkedIn demographics arrive after 12–24 h',
  // Analytics days are UTC whatever the account (LinkedIn ad accounts carry no time zone).
  zone: () => 'UTC',
  campaignOf: (remote) => (remote.campaign ? idOf(remote.campaign) : undefined),

  async pull({ executor, config, target, now }) {
    const cfg = linkedInConfig(config.linkedin);
    const campaignId = target.remote.campaign;
    const creative = target.remote.creative;
    if (!campaignId || !creative) throw new Error('This LinkedIn draft has no campaign or creative: send it first.');
    const campaign = (await executor.execute(campaignRequest(cfg, target.adAccountId, campaignId))).body as {
      status?: string;
      runSchedule?: { start?: number; end?: number };
    };
    const delivery = campaign.status ?? null;
    const base = {
      delivery,
      canSpend: !!delivery && SPENDING.has(delivery),
      flightStart: campaign.runSchedule?.start ? new Date(campaign.runSchedule.start).toISOString() : null,
      flightEnd: campaign.runSchedule?.end ? new Date(campaign.runSchedule.end).toISOString() : null,
    };
    const range = reportRange(base.flightStart, base.flightEnd, target.timeZone, dayIn(now, target.timeZone));
    if (!range) return { ...base, days: [], reach: null };
    const urns = [creativeUrn(creative)];
    const daily =
      (
        (
          await executor.execute(
            analyticsRequest(cfg, {
              pivot: 'CREATIVE',
              granularity: 'DAILY',
              ...range,
              facet: 'creatives',
              urns,
              fields: LINKEDIN_DAILY_FIELDS,
            }),
          )
        ).body as { elements?: Element[] }
      ).elements ?? [];
    const days = daily.map((e) => {
      const s = e.dateRange?.start;
      return {
        date: s ? `${s.year}-${pad(s.month)}-${pad(s.day)}` : range.since,
        impressions: num(e.impressions),
        clicks: num(e.clicks),
        linkClicks: e.landingPageClicks === undefined ? null : num(e.landingPageClicks),
        spendMicros: decimalToMicros(e.costInLocalCurrency),
      };
    });
    // Approximate member reach over the flight (not available per day or with demographic pivots).
    const total = (
      (
        await executor.execute(
          analyticsRequest(cfg, {
            pivot: 'CREATIVE',
            granularity: 'ALL',
            ...range,
            facet: 'creatives',
            urns,
            fields: ['pivotValues', 'approximateMemberReach'],
          }),
        )
      ).body as { elements?: Element[] }
    ).elements?.[0];
    return {
      ...base,
      days,
      reach: total?.approximateMemberReach === undefined ? null : num(total.approximateMemberReach),
    };
  },

  async breakdowns({ executor, config, target, since, until }) {
    const cfg = linkedInConfig(config.linkedin);
    const campaign = `urn:li:sponsoredCampaign:${idOf(target.remote.campaign ?? '')}`;
    const out: { dimension: string; rows: BreakdownRow[] }[] = [];
    // One professional pivot per request (LinkedIn's rule).
    for (const pivot of MEDIA_PIVOTS) {
      const res = await executor.execute(
        analyticsRequest(cfg, {
          pivot,
          granularity: 'ALL',
          since,
          until,
          facet: 'campaigns',
          urns: [campaign],
          fields: ['pivotValues', 'impressions', 'clicks'],
        }),
      );
      const elements = (res.body as { elements?: Element[] }).elements ?? [];
      out.push({
        dimension: pivot,
        rows: elements
          .filter((e) => e.pivotValues?.[0])
          .map((e) => ({ value: e.pivotValues![0]!, impressions: num(e.impressions), clicks: num(e.clicks) })),
      });
    }
    return out;
  },

  async names({ executor, config, urns }) {
    const cfg = linkedInConfig(config.linkedin);
    const out: Record<string, string> = {};
    // Chunks keep the URL well under the length limits (LinkedIn answers 414 beyond them).
    for (let i = 0; i < urns.length; i += 20) {
      const res = await executor.execute(namesRequest(cfg, urns.slice(i, i + 20)));
      for (const e of (res.body as { elements?: { urn?: string; name?: string }[] }).elements ?? []) {
        if (e.urn && e.name) out[e.urn] = e.name;
      }
    }
    return out;
  },
};
