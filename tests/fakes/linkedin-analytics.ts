import type { Context, Hono } from 'hono';
import type { Ledger } from './common.ts';
import { addFigures, unit, ZERO, type DayFigures, type Delivery } from './delivery.ts';

/**
 * LinkedIn's reporting side, for the contract fake (linkedin.ts). Microsoft Learn, LinkedIn Marketing,
 * "Reporting" (ads-reporting, li-lms-2026-06):
 * https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/ads-reporting
 * - GET /rest/adAnalytics with q=analytics (one `pivot`) or q=statistics (`pivots=List(…)`, up to three);
 *   needs r_ads_reporting; no pagination; an empty `elements` when there is nothing to report
 * - `dateRange=(start:(year:Y,month:M,day:D),end:(…))`, `timeGranularity` DAILY | MONTHLY | ALL, `fields`
 *   requested explicitly (up to 20), facets such as `campaigns=List(urn%3Ali%3AsponsoredCampaign%3A1)`
 *   (Rest.li 2.0: the structure's parentheses, colons and commas unencoded, the URNs inside encoded)
 * - professional demographic pivots (MEMBER_JOB_TITLE, MEMBER_JOB_FUNCTION, MEMBER_INDUSTRY, …) one at a
 *   time: approximate values, 12–24 h late, rows under 3 events omitted; some metrics (reach) unavailable
 * - throttling: HTTP 429 without rate-limit headers
 * Elements: {pivotValues: [urn], dateRange: {start: {year, month, day}, end: {…}}, impressions, clicks,
 * costInLocalCurrency (decimal string), landingPageClicks, approximateMemberReach}.
 */
type Env = { Variables: { body: Record<string, unknown>; scopes: string[] } };
type Ctx = Context<Env>;

export const LINKEDIN_ANALYTICS_METRICS = [
  'impressions',
  'clicks',
  'costInLocalCurrency',
  'costInUsd',
  'landingPageClicks',
  'likes',
  'comments',
  'shares',
  'follows',
  'totalEngagements',
  'externalWebsiteConversions',
  'videoViews',
  'approximateMemberReach',
];
const FIELD_OK = new Set([...LINKEDIN_ANALYTICS_METRICS, 'pivotValues', 'dateRange']);
/** Metrics LinkedIn does not report with professional demographic pivots (the docs' metrics table). */
const NOT_WITH_DEMOGRAPHICS = new Set(['approximateMemberReach']);
export const MEMBER_PIVOTS = [
  'MEMBER_JOB_TITLE',
  'MEMBER_JOB_FUNCTION',
  'MEMBER_SENIORITY',
  'MEMBER_INDUSTRY',
  'MEMBER_COMPANY_SIZE',
  'MEMBER_COMPANY',
  'MEMBER_COUNTRY_V2',
  'MEMBER_REGION_V2',
];
const ENTITY_PIVOTS = ['CREATIVE', 'CAMPAIGN', 'CAMPAIGN_GROUP', 'ACCOUNT'];
const GRANULARITIES = ['DAILY', 'MONTHLY', 'ALL'];
const MAX_FIELDS = 20;
/** LinkedIn omits demographic rows under this many events. */
export const LINKEDIN_DEMOGRAPHIC_THRESHOLD = 3;

export interface DemographicRow {
  value: string;
  impressions: number;
  clicks: number;
}

/**
 * What LinkedIn would report for one member value: approximated (a deterministic ±5 % here) and
 * omitted under the threshold. Exported so tests can say what the fake answered without copying numbers.
 */
export function linkedInApproximate(row: DemographicRow, key: string): DemographicRow | null {
  if (row.impressions < LINKEDIN_DEMOGRAPHIC_THRESHOLD) return null;
  const k = 0.95 + unit(`${key}:${row.value}`) * 0.1;
  return {
    value: row.value,
    impressions: Math.max(LINKEDIN_DEMOGRAPHIC_THRESHOLD, Math.round(row.impressions * k)),
    clicks: row.clicks < LINKEDIN_DEMOGRAPHIC_THRESHOLD ? 0 : Math.round(row.clicks * k),
  };
}

/** Per campaign and member pivot: the true rows and when LinkedIn makes them visible (12–24 h late). */
export class Demographics {
  private readonly byKey = new Map<string, { rows: DemographicRow[]; availableAt: Date }>();

  set(campaignId: string, pivot: string, rows: DemographicRow[], availableAt = new Date(0)): void {
    this.byKey.set(`${campaignId}|${pivot}`, { rows, availableAt });
  }

  get(campaignId: string, pivot: string) {
    return this.byKey.get(`${campaignId}|${pivot}`);
  }
}

const DATE_RANGE =
  /^\(start:\(year:(\d{4}),month:(\d{1,2}),day:(\d{1,2})\)(?:,end:\(year:(\d{4}),month:(\d{1,2}),day:(\d{1,2})\))?\)$/;
const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const ymd = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** The raw (undecoded) value of a query parameter: Rest.li structure must arrive unencoded. */
function rawParam(url: string, name: string): string | undefined {
  const query = url.split('?')[1] ?? '';
  for (const part of query.split('&')) {
    const i = part.indexOf('=');
    if (part.slice(0, i) === name) return part.slice(i + 1);
  }
  return undefined;
}

/** `List(a,b)` with each item URL-decoded. */
function parseList(raw: string | undefined): string[] | undefined {
  const m = raw ? /^List\((.*)\)$/.exec(raw) : null;
  if (!m) return undefined;
  return m[1]!.split(',').filter(Boolean).map(decodeURIComponent);
}

export interface LinkedInReportingOptions {
  /** Every Nth adAnalytics call answers 429; 0 = never. */
  throttleEvery?: number;
}

export function linkedInReportingRoutes(
  app: Hono<Env>,
  o: {
    ledger: Ledger;
    delivery: Delivery;
    demographics: Demographics;
    now: () => Date;
    err: (c: Ctx, status: number, message: string, extra?: Record<string, unknown>) => Response;
    options: LinkedInReportingOptions;
  },
) {
  const { ledger, delivery } = o;
  let calls = 0;
  const bad = (c: Ctx, message: string) => o.err(c, 400, message, { code: 'ILLEGAL_ARGUMENT' });

  const creativesOfCampaign = (campaignId: string) =>
    ledger
      .created('creative')
      .filter((cr) => cr.body.campaign === `urn:li:sponsoredCampaign:${campaignId}`)
      .map((cr) => cr.id);
  const campaignOfCreative = (creativeUrn: string) =>
    String(ledger.find('creative', creativeUrn)?.body.campaign ?? '').replace('urn:li:sponsoredCampaign:', '');

  // https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns (get)
  app.get('/rest/adAccounts/:account/adCampaigns/:id', (c) => {
    const obj = ledger.find('campaign', c.req.param('id'));
    if (!obj) return o.err(c, 404, 'Campaign not found', { code: 'NOT_FOUND' });
    return c.json({ ...obj.body, id: Number(obj.id) });
  });

  app.get('/rest/adAnalytics', (c) => {
    if (!c.get('scopes').includes('r_ads_reporting')) {
      return o.err(c, 403, 'Not enough permissions to access: adAnalytics.FINDER-analytics.20260601', {
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
      });
    }
    calls++;
    if (o.options.throttleEvery && calls % o.options.throttleEvery === 0) {
      return o.err(c, 429, 'Resource level throttle limit for calls to this resource is reached.', {
        code: 'TOO_MANY_REQUESTS',
      });
    }
    const url = c.req.url;
    const q = c.req.query('q');
    let pivots: string[];
    if (q === 'analytics') {
      const pivot = c.req.query('pivot');
      if (!pivot) return bad(c, 'q=analytics needs one pivot');
      pivots = [pivot];
    } else if (q === 'statistics') {
      pivots = parseList(rawParam(url, 'pivots')) ?? [];
      if (!pivots.length || pivots.length > 3) return bad(c, 'q=statistics needs pivots=List(…) with one to three');
    } else return bad(c, 'q must be analytics, statistics or attributedRevenueMetrics');
    const unknownPivot = pivots.find((p) => !MEMBER_PIVOTS.includes(p) && !ENTITY_PIVOTS.includes(p));
    if (unknownPivot) return bad(c, `Unknown pivot ${unknownPivot}`);
    const member = pivots.filter((p) => MEMBER_PIVOTS.includes(p));
    if (member.length > 1) return bad(c, 'Only one professional demographic pivot per request');

    const rawRange = rawParam(url, 'dateRange');
    if (!rawRange) return bad(c, 'dateRange is required');
    if (/%28|%29|%3A/i.test(rawRange)) return bad(c, 'dateRange must use Rest.li 2.0 syntax (structure unencoded)');
    const m = DATE_RANGE.exec(rawRange);
    if (!m) return bad(c, 'dateRange must be (start:(year:…,month:…,day:…),end:(…))');
    const since = iso(m[1]!, m[2]!, m[3]!);
    const until = m[4] ? iso(m[4], m[5]!, m[6]!) : o.now().toISOString().slice(0, 10);
    if (since > until) return bad(c, 'dateRange start is after its end');
    const granularity = c.req.query('timeGranularity') ?? '';
    if (!GRANULARITIES.includes(granularity)) return bad(c, 'timeGranularity must be DAILY, MONTHLY or ALL');
    if (granularity === 'MONTHLY') return bad(c, 'this fake answers DAILY or ALL');

    const fields = (c.req.query('fields') ?? '').split(',').filter(Boolean);
    if (!fields.length) return bad(c, 'Request the metrics you need with fields=');
    if (fields.length > MAX_FIELDS) return bad(c, `At most ${MAX_FIELDS} fields`);
    const unknownField = fields.find((f) => !FIELD_OK.has(f));
    if (unknownField) return bad(c, `Unknown field ${unknownField}`);
    if (member.length && fields.some((f) => NOT_WITH_DEMOGRAPHICS.has(f))) {
      return bad(c, `${fields.find((f) => NOT_WITH_DEMOGRAPHICS.has(f))} is not available with ${member[0]}`);
    }

    for (const facet of ['campaigns', 'creatives', 'accounts', 'campaignGroups']) {
      const raw = rawParam(url, facet);
      if (raw && /^List%28/i.test(raw)) return bad(c, `${facet} must use List(…) unencoded`);
    }
    const campaigns = (parseList(rawParam(url, 'campaigns')) ?? []).map((u) =>
      u.replace('urn:li:sponsoredCampaign:', ''),
    );
    const creatives = parseList(rawParam(url, 'creatives')) ?? [];
    if (!campaigns.length && !creatives.length && !rawParam(url, 'accounts'))
      return bad(c, 'At least one facet (accounts, campaigns, creatives…) is required');

    if (member.length) {
      const pivot = member[0]!;
      const campaignIds = campaigns.length ? campaigns : [...new Set(creatives.map(campaignOfCreative))];
      const merged = new Map<string, DemographicRow>();
      for (const id of campaignIds) {
        const d = o.demographics.get(id, pivot);
        // Delayed: nothing until LinkedIn has processed the demographics.
        if (!d || d.availableAt.getTime() > o.now().getTime()) continue;
        for (const r of d.rows) {
          const prev = merged.get(r.value) ?? { value: r.value, impressions: 0, clicks: 0 };
          merged.set(r.value, {
            value: r.value,
            impressions: prev.impressions + r.impressions,
            clicks: prev.clicks + r.clicks,
          });
        }
      }
      const elements = [...merged.values()]
        .map((r) => linkedInApproximate(r, `${campaignIds.join(',')}|${pivot}`))
        .filter((r): r is DemographicRow => !!r)
        .map((r) =>
          pick(fields, {
            pivotValues: [r.value],
            dateRange: { start: ymd(since), end: ymd(until) },
            impressions: r.impressions,
            clicks: r.clicks,
          }),
        );
      return c.json({ paging: { start: 0, count: 10, links: [] }, elements });
    }

    // Entity pivots: figures per creative (or campaign) per day or for the whole range.
    const targetCreatives = creatives.length ? creatives : campaigns.flatMap(creativesOfCampaign);
    const byCampaign = pivots.includes('CAMPAIGN') && !pivots.includes('CREATIVE');
    const groups = new Map<string, { urn: string; start: string; end: string; f: DayFigures; days: number }>();
    for (const creative of targetCreatives) {
      const urn = byCampaign ? `urn:li:sponsoredCampaign:${campaignOfCreative(creative)}` : creative;
      for (const [date, f] of delivery.rows(creative, since, until)) {
        const key = `${urn}|${granularity === 'DAILY' ? date : 'all'}`;
        const g = groups.get(key) ?? {
          urn,
          start: granularity === 'DAILY' ? date : since,
          end: granularity === 'DAILY' ? date : until,
          f: ZERO,
          days: 0,
        };
        g.f = addFigures(g.f, f);
        g.days++;
        groups.set(key, g);
      }
    }
    const elements = [...groups.values()]
      .sort((a, b) => a.start.localeCompare(b.start) || a.urn.localeCompare(b.urn))
      .map((g) =>
        pick(fields, {
          pivotValues: [g.urn],
          dateRange: { start: ymd(g.start), end: ymd(g.end) },
          impressions: g.f.impressions,
          clicks: g.f.clicks,
          landingPageClicks: g.f.linkClicks,
          costInLocalCurrency: g.f.spend.toFixed(6),
          costInUsd: g.f.spend.toFixed(6),
          approximateMemberReach: g.days > 1 ? Math.round(g.f.reach * 0.7) : g.f.reach,
        }),
      );
    return c.json({ paging: { start: 0, count: 10, links: [] }, elements });
  });

  return { analyticsCalls: () => calls };
}

function pick(fields: string[], values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in values).map((f) => [f, values[f]]));
}
