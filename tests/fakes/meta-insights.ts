import type { Context, Hono } from 'hono';
import type { Ledger } from './common.ts';
import { addFigures, unit, ZERO, type DayFigures, type Delivery } from './delivery.ts';

/**
 * Meta's reporting side, for the contract fake (meta.ts): reading ad objects and the Ads Insights API.
 * Shapes from Meta's developer documentation, "Ads Insights API" (updated Apr 2026):
 * https://developers.facebook.com/documentation/ads-commerce/marketing-api/insights
 * - an edge on every ad object: /{campaign-id}/insights, /{ad-set-id}/insights, /{ad-id}/insights; needs ads_read
 * - `fields` chooses metrics; numbers arrive as strings; `ctr` is a percentage; `time_increment=1` a row per day;
 *   `time_range={"since","until"}` (YYYY-MM-DD, at most 37 months back); rows carry date_start / date_stop
 * - `breakdowns` split rows; only some combinations are allowed, the others are refused with code 100
 * - replies are paged with cursors: paging.cursors.before/after, and paging.next while more remain
 * - throttling arrives as body codes (17, 80000 for ads insights) with X-Business-Use-Case-Usage
 *   (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting)
 */
type Env = { Variables: { body: Record<string, unknown>; scopes: string[] } };
type Ctx = Context<Env>;

export const META_INSIGHTS_FIELDS = [
  'account_id',
  'account_currency',
  'campaign_id',
  'adset_id',
  'ad_id',
  'date_start',
  'date_stop',
  'impressions',
  'reach',
  'frequency',
  'clicks',
  'inline_link_clicks',
  'spend',
  'ctr',
  'cpc',
];
/** Breakdowns and the combinations Meta accepts (a subset of its table, enough to refuse the others). */
export const META_BREAKDOWN_COMBOS = [
  ['age'],
  ['gender'],
  ['age', 'gender'],
  ['country'],
  ['region'],
  ['publisher_platform'],
  ['publisher_platform', 'platform_position'],
  ['publisher_platform', 'platform_position', 'device_platform'],
  ['device_platform'],
];
/** Estimated shares per breakdown value (breakdown values are estimates, Meta says). */
const BREAKDOWN_SHARES: Record<string, [string, number][]> = {
  age: [
    ['25-34', 0.35],
    ['35-44', 0.3],
    ['45-54', 0.2],
    ['55-64', 0.15],
  ],
  gender: [
    ['female', 0.52],
    ['male', 0.46],
    ['unknown', 0.02],
  ],
  country: [
    ['US', 0.8],
    ['CA', 0.2],
  ],
  region: [
    ['New York', 0.4],
    ['California', 0.35],
    ['Ontario', 0.25],
  ],
  publisher_platform: [
    ['facebook', 0.6],
    ['instagram', 0.3],
    ['audience_network', 0.1],
  ],
  platform_position: [
    ['feed', 0.8],
    ['story', 0.2],
  ],
  device_platform: [
    ['mobile_app', 0.7],
    ['desktop', 0.3],
  ],
};
const DEFAULT_LIMIT = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface MetaReportingOptions {
  /** Every Nth insights call is throttled (code 80000, as the ads_insights business use case); 0 = never. */
  throttleEvery?: number;
}

export function metaReportingRoutes(
  app: Hono<Env>,
  o: {
    ledger: Ledger;
    delivery: Delivery;
    now: () => Date;
    err: (c: Ctx, status: number, e: Record<string, unknown>) => Response;
    options: MetaReportingOptions;
  },
) {
  let insightsCalls = 0;
  const { ledger, delivery } = o;
  const invalid = (c: Ctx, message: string) => o.err(c, 400, { message: `(#100) ${message}`, code: 100 });

  /** Effective status as Meta derives it: the ad is ACTIVE only when it and its parents are. */
  function effectiveStatus(adId: string): string {
    const ad = ledger.find('ad', adId);
    const adset = ad && ledger.find('adset', String(ad.body.adset_id));
    const campaign = adset && ledger.find('campaign', String(adset.body.campaign_id));
    if (!ad || !adset || !campaign) return 'DELETED';
    if (campaign.body.status !== 'ACTIVE') return 'CAMPAIGN_PAUSED';
    if (adset.body.status !== 'ACTIVE') return 'ADSET_PAUSED';
    return ad.body.status === 'ACTIVE' ? 'ACTIVE' : 'PAUSED';
  }

  /** The ad ids under an object (itself for an ad). */
  function adsUnder(id: string): string[] {
    if (ledger.find('ad', id)) return [id];
    if (ledger.find('adset', id))
      return ledger
        .created('ad')
        .filter((a) => String(a.body.adset_id) === id)
        .map((a) => a.id);
    if (ledger.find('campaign', id))
      return ledger
        .created('adset')
        .flatMap((s) => (s.body.campaign_id === id || String(s.body.campaign_id) === id ? adsUnder(s.id) : []));
    return [];
  }

  // Reading one object: https://developers.facebook.com/docs/marketing-api/reference/adgroup#Reading
  app.get('/:version/:id{[0-9]+}', (c) => {
    const id = c.req.param('id');
    const obj = ['ad', 'adset', 'campaign'].map((k) => ledger.find(k, id)).find(Boolean);
    if (!obj)
      return o.err(c, 400, {
        message: `Unsupported get request. Object with ID '${id}' does not exist`,
        code: 100,
        error_subcode: 33,
      });
    const fields = (c.req.query('fields') ?? 'id').split(',').filter(Boolean);
    const status = String(obj.body.status ?? 'PAUSED');
    const values: Record<string, unknown> = {
      id,
      name: obj.body.name,
      status,
      configured_status: status,
      effective_status: obj.kind === 'ad' ? effectiveStatus(id) : status,
      adset_id: obj.body.adset_id,
      campaign_id: obj.body.campaign_id,
      start_time: obj.body.start_time,
      end_time: obj.body.end_time,
      daily_budget: obj.body.daily_budget,
    };
    return c.json(Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f]])));
  });

  // https://developers.facebook.com/documentation/ads-commerce/marketing-api/insights
  app.get('/:version/:id{[0-9]+}/insights', (c) => {
    const scopes = c.get('scopes');
    if (!scopes.includes('ads_read')) {
      return o.err(c, 403, {
        message: '(#200) Ad account owner has NOT grant ads_management or ads_read permission',
        code: 200,
      });
    }
    insightsCalls++;
    if (o.options.throttleEvery && insightsCalls % o.options.throttleEvery === 0) {
      c.header(
        'X-Business-Use-Case-Usage',
        JSON.stringify({
          '1234567890': [
            {
              type: 'ads_insights',
              call_count: 100,
              total_cputime: 30,
              total_time: 30,
              estimated_time_to_regain_access: 0,
            },
          ],
        }),
      );
      return o.err(c, 400, {
        message: 'There have been too many calls from this ad-account.',
        code: 80000,
        error_subcode: 2446079,
      });
    }
    const id = c.req.param('id');
    const ads = adsUnder(id);
    if (!ads.length)
      return o.err(c, 400, {
        message: `Unsupported get request. Object with ID '${id}' does not exist`,
        code: 100,
        error_subcode: 33,
      });
    const q = c.req.query();
    const fields = (q.fields ?? 'impressions,spend,date_start,date_stop').split(',').filter(Boolean);
    const unknown = fields.find((f) => !META_INSIGHTS_FIELDS.includes(f));
    if (unknown) return invalid(c, `Tried accessing nonexisting field (${unknown}) on node type (AdsInsights)`);
    const breakdowns = (q.breakdowns ?? '').split(',').filter(Boolean);
    if (
      breakdowns.length &&
      !META_BREAKDOWN_COMBOS.some((b) => b.length === breakdowns.length && b.every((x) => breakdowns.includes(x)))
    ) {
      return invalid(c, `Current combination of data breakdown columns (${breakdowns.join(', ')}) is invalid`);
    }
    // time_range or date_preset; without either Meta answers about the last 30 days.
    const today = o.now().toISOString().slice(0, 10);
    let since = shift(today, -29);
    let until = today;
    if (q.time_range) {
      let r: { since?: string; until?: string };
      try {
        r = JSON.parse(q.time_range) as typeof r;
      } catch {
        return invalid(c, 'param time_range must be a JSON object {"since","until"}');
      }
      if (!DAY.test(r.since ?? '') || !DAY.test(r.until ?? '') || r.since! > r.until!)
        return invalid(c, 'param time_range: since and until must be YYYY-MM-DD with since <= until');
      if (r.since! < shift(today, -37 * 31)) return invalid(c, 'param time_range: at most 37 months back');
      since = r.since!;
      until = r.until!;
    } else if (q.date_preset && q.date_preset !== 'maximum' && q.date_preset !== 'last_30d') {
      return invalid(c, `param date_preset ${q.date_preset} is not supported by this fake`);
    }
    const increment = q.time_increment ?? 'all_days';
    if (!(increment === 'all_days' || increment === 'monthly' || /^([1-9]|[1-8]\d|90)$/.test(increment)))
      return invalid(c, 'param time_increment must be 1-90, monthly or all_days');
    if (increment !== '1' && increment !== 'all_days')
      return invalid(c, 'this fake answers time_increment=1 or all_days');
    const level = q.level ?? (ledger.find('ad', id) ? 'ad' : ledger.find('adset', id) ? 'adset' : 'campaign');
    if (!['ad', 'adset', 'campaign', 'account'].includes(level)) return invalid(c, `param level ${level} is invalid`);

    // Group per level key, per period (day or the whole range).
    const groups = new Map<string, { adId: string; start: string; stop: string; f: DayFigures; days: number }>();
    for (const adId of ads) {
      for (const [date, f] of delivery.rows(adId, since, until)) {
        const key = `${level === 'ad' ? adId : id}|${increment === '1' ? date : 'all'}`;
        const g = groups.get(key) ?? {
          adId,
          start: increment === '1' ? date : since,
          stop: increment === '1' ? date : until,
          f: ZERO,
          days: 0,
        };
        g.f = addFigures(g.f, f);
        g.days++;
        groups.set(key, g);
      }
    }
    const rows = [...groups.values()]
      .sort((a, b) => a.start.localeCompare(b.start) || a.adId.localeCompare(b.adId))
      .map((g) => {
        // Reach is unique people: over several days it is less than the sum (a fixed overlap here).
        const reach = g.days > 1 ? Math.round(g.f.reach * 0.7) : g.f.reach;
        return { g, f: { ...g.f, reach } };
      });
    const out: Record<string, unknown>[] = [];
    for (const { g, f } of rows) {
      for (const split of breakdownSplits(breakdowns)) {
        const part = scale(f, split.share, `${g.adId}:${g.start}:${JSON.stringify(split.values)}`);
        out.push(
          rowFor(fields, part, {
            ...split.values,
            account_id: '1234567890',
            ad_id: g.adId,
            campaign_id: campaignOf(g.adId),
            adset_id: ledger.find('ad', g.adId)?.body.adset_id,
            date_start: g.start,
            date_stop: g.stop,
          }),
        );
      }
    }
    // Cursor paging: the cursor is the offset, base64 as Meta's look.
    const limit = Math.min(Number(q.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, 500);
    const offset = q.after ? Number(Buffer.from(q.after, 'base64').toString()) : 0;
    const page = out.slice(offset, offset + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const paging: Record<string, unknown> = {
      cursors: { before: cursor(offset), after: cursor(offset + page.length) },
    };
    if (offset + page.length < out.length) {
      const next = new URL(c.req.url);
      next.searchParams.set('after', cursor(offset + page.length));
      paging.next = next.toString();
    }
    return c.json({ data: page, paging });
  });

  function campaignOf(adId: string): string | undefined {
    const adset = ledger.find('adset', String(ledger.find('ad', adId)?.body.adset_id));
    return adset ? String(adset.body.campaign_id) : undefined;
  }

  return { insightsCalls: () => insightsCalls };
}

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function breakdownSplits(breakdowns: string[]): { values: Record<string, string>; share: number }[] {
  let splits: { values: Record<string, string>; share: number }[] = [{ values: {}, share: 1 }];
  for (const b of breakdowns) {
    splits = splits.flatMap((s) =>
      BREAKDOWN_SHARES[b]!.map(([v, share]) => ({ values: { ...s.values, [b]: v }, share: s.share * share })),
    );
  }
  return splits;
}

function scale(f: DayFigures, share: number, key: string): DayFigures {
  if (share === 1) return f;
  // Estimated: a little noise on top of the share.
  const k = share * (0.95 + unit(key) * 0.1);
  return {
    impressions: Math.round(f.impressions * k),
    clicks: Math.round(f.clicks * k),
    linkClicks: Math.round(f.linkClicks * k),
    spend: Math.round(f.spend * k * 100) / 100,
    reach: Math.round(f.reach * k),
  };
}

/** One insights row as Meta writes it: numbers as strings, ctr in percent, cpc per click. */
function rowFor(fields: string[], f: DayFigures, ids: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {
    ...ids,
    account_currency: 'USD',
    impressions: String(f.impressions),
    reach: String(f.reach),
    frequency: f.reach ? String(f.impressions / f.reach) : '0',
    clicks: String(f.clicks),
    inline_link_clicks: String(f.linkClicks),
    spend: f.spend.toFixed(2),
    ctr: f.impressions ? String((f.clicks / f.impressions) * 100) : '0',
    cpc: f.clicks ? String(f.spend / f.clicks) : undefined,
  };
  const keep = new Set([...fields, 'date_start', 'date_stop', ...Object.keys(BREAKDOWN_SHARES)]);
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => keep.has(k) && v !== undefined));
}
