import { metaConfig, type MetaConfig } from '../config.ts';
import { withQuery, type PlatformRequest } from '../http.ts';
import { dayIn, decimalToMicros, reportRange, type PlatformReporting, type PulledDay } from '../reporting.ts';

/**
 * Meta's reporting half: the ad's delivery status, its ad set's flight, and the Ads Insights API.
 * Meta's developer documentation, "Ads Insights API" (updated Apr 2026):
 * https://developers.facebook.com/documentation/ads-commerce/marketing-api/insights
 * An edge on every ad object (here the ad: one draft = one ad); `time_increment=1` gives a row per day,
 * `time_range` the period in the ad account's zone; numbers arrive as strings; replies are paged with
 * cursors (paging.next while more remain). Needs ads_read. Throttling (codes 17, 80000–80014) is
 * retried by the executor with the platform's wait (meta/errors.ts).
 */
const graph = (cfg: MetaConfig, path: string) => `${cfg.graphBase}/${cfg.graphVersion}/${path}`;

/** Statuses under which the ad can spend (effective_status): https://developers.facebook.com/docs/marketing-api/reference/adgroup */
const SPENDING = new Set([
  'ACTIVE',
  'IN_PROCESS',
  'WITH_ISSUES',
  'PENDING_REVIEW',
  'PREAPPROVED',
  'PENDING_BILLING_INFO',
]);

export const META_DAILY_FIELDS = ['date_start', 'date_stop', 'impressions', 'clicks', 'inline_link_clicks', 'spend'];

// https://developers.facebook.com/docs/marketing-api/reference/adgroup#Reading
export function adStatusRequest(cfg: MetaConfig, adId: string): PlatformRequest {
  return { method: 'GET', url: withQuery(graph(cfg, adId), { fields: 'id,effective_status,adset_id' }), headers: {} };
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Reading (ad set)
export function adSetFlightRequest(cfg: MetaConfig, adSetId: string): PlatformRequest {
  return { method: 'GET', url: withQuery(graph(cfg, adSetId), { fields: 'id,start_time,end_time' }), headers: {} };
}

export function insightsRequest(
  cfg: MetaConfig,
  objectId: string,
  o: { since: string; until: string; fields: string[]; daily: boolean; after?: string },
): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(graph(cfg, `${objectId}/insights`), {
      fields: o.fields.join(','),
      time_range: JSON.stringify({ since: o.since, until: o.until }),
      time_increment: o.daily ? 1 : 'all_days',
      after: o.after,
    }),
    headers: {},
  };
}

interface InsightsPage {
  data?: Record<string, string | undefined>[];
  paging?: { cursors?: { after?: string }; next?: string };
}

const int = (v: unknown) => (v === undefined || v === null || v === '' ? 0 : Math.round(Number(v)));

export const metaReporting: PlatformReporting = {
  manager: 'Ads Manager',
  delay: 'Meta reports within hours of delivery',
  zone: (accountZone) => accountZone ?? 'UTC',
  campaignOf: (remote) => remote.campaign,

  async pull({ executor, config, target, now }) {
    const cfg = metaConfig(config.meta);
    const adId = target.remote.ad;
    if (!adId) throw new Error('This Meta draft has no ad id: send it first.');
    const ad = (await executor.execute(adStatusRequest(cfg, adId))).body as {
      effective_status?: string;
      adset_id?: string;
    };
    const adSetId = target.remote.adset ?? ad.adset_id;
    const flight = adSetId
      ? ((await executor.execute(adSetFlightRequest(cfg, adSetId))).body as { start_time?: string; end_time?: string })
      : {};
    const delivery = ad.effective_status ?? null;
    const base = {
      delivery,
      canSpend: !!delivery && SPENDING.has(delivery),
      flightStart: flight.start_time ?? null,
      flightEnd: flight.end_time ?? null,
    };
    const range = reportRange(base.flightStart, base.flightEnd, target.timeZone, dayIn(now, target.timeZone));
    if (!range) return { ...base, days: [], reach: null };

    const days: PulledDay[] = [];
    let after: string | undefined;
    // Cursor paging; bounded so a misbehaving cursor cannot loop forever (90 days fit in 4 pages of 25).
    for (let page = 0; page < 50; page++) {
      const res = await executor.execute(
        insightsRequest(cfg, adId, { ...range, fields: META_DAILY_FIELDS, daily: true, after }),
      );
      const body = res.body as InsightsPage;
      for (const r of body.data ?? []) {
        days.push({
          date: String(r.date_start),
          impressions: int(r.impressions),
          clicks: int(r.clicks),
          linkClicks: r.inline_link_clicks === undefined ? null : int(r.inline_link_clicks),
          spendMicros: decimalToMicros(r.spend),
        });
      }
      after = body.paging?.next ? body.paging.cursors?.after : undefined;
      if (!after) break;
    }
    // Reach over the whole range: unique people, so asked for once, not summed by day.
    const total = (await executor.execute(insightsRequest(cfg, adId, { ...range, fields: ['reach'], daily: false })))
      .body as InsightsPage;
    const reach = total.data?.[0]?.reach;
    return { ...base, days, reach: reach === undefined ? null : int(reach) };
  },
};
