import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resultsPulls } from '../../server/db/schema/index.ts';
import { claimPulls, discoverSentDrafts } from '../../server/results/store.ts';
import { runDuePulls } from '../../server/results/pull.ts';
import { RESULTS_SCHEDULE } from '../../server/results/schedule.ts';
import type { RefreshReply, ResultsReport } from '../../utils/contract/results.ts';
import { linkedInApproximate } from '../fakes/linkedin-analytics.ts';
import { makeDraft } from './harness.ts';
import { createExecutor, retryPolicy } from '../../server/platforms/index.ts';
import type { ErrorRules } from '../../server/platforms/executor.ts';
import { metaAdapter } from '../../server/platforms/meta/adapter.ts';
import { META_RULES } from '../../server/platforms/meta/client.ts';
import { linkedInAdapter } from '../../server/platforms/linkedin/adapter.ts';
import { LINKEDIN_RULES } from '../../server/platforms/linkedin/client.ts';
import {
  createLinkedInFake,
  createMetaFake,
  inProcessFetch,
  linkedInErrors,
  LINKEDIN_FAKE_TOKEN,
  META_FAKE_TOKEN,
} from '../fakes/index.ts';
import { at, linkedInDraftOf, sendApproved, startResultsWorld, type ResultsWorld } from './results/setup.ts';

/**
 * Results through the mounted team server: real send, real schedule rows, real pulls against the contract
 * fakes' reporting endpoints (Meta insights, LinkedIn adAnalytics with its delayed, thresholded
 * demographics), and the report the routes build from what was stored.
 */
let w: ResultsWorld;
const ids: Record<string, Record<string, string>> = {};
const api = (path: string) => `/api/orgs/${w.t.orgId}/results/releases/rel-1${path}`;
const refresh = async () => {
  const res = await w.t.editor.req('POST', api('/refresh'));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RefreshReply;
};
/** The scheduler's dependencies, as server/main.ts passes them. */
const deps = () => ({ db: w.s.database.db, clock: () => w.s.clock.now, config: w.s.config });
const platformOf = (r: ResultsReport, p: string) => r.platforms.find((x) => x.platform === p)!;

/** What the fakes "delivered", per day: Meta's two variants and LinkedIn's one. */
const META_NEWS = [
  ['2026-03-02', 1000, 30, 25, 12.5, 900],
  ['2026-03-03', 2000, 50, 41, 20.25, 1700],
  ['2026-03-05', 1500, 40, 33, 15.0, 1300],
  ['2026-03-06', 500, 5, 4, 5.1, 480],
] as const;
const META_QUOTE = [
  ['2026-03-02', 800, 8, 6, 9.0, 700],
  ['2026-03-04', 1200, 10, 9, 11.0, 1000],
] as const;
const LI = [
  ['2026-03-02', 600, 9, 7, 30.123456],
  ['2026-03-03', 900, 12, 10, 41.5],
] as const;
const TITLES = [
  { value: 'urn:li:title:1573', impressions: 300, clicks: 6 }, // Journalist
  { value: 'urn:li:title:266', impressions: 120, clicks: 3 }, // Editor
  { value: 'urn:li:title:100', impressions: 400, clicks: 5 }, // Software Engineer
  { value: 'urn:li:title:2105', impressions: 2, clicks: 0 }, // Reporter: under the threshold, omitted
];
const FUNCTIONS = [
  { value: 'urn:li:function:16', impressions: 500, clicks: 9 },
  { value: 'urn:li:function:8', impressions: 700, clicks: 8 },
];
const INDUSTRIES = [
  { value: 'urn:li:industry:81', impressions: 200, clicks: 4 },
  { value: 'urn:li:industry:36', impressions: 90, clicks: 2 },
  { value: 'urn:li:industry:4', impressions: 800, clicks: 11 },
];

beforeAll(async () => {
  w = await startResultsWorld();
  for (const d of [
    makeDraft({ id: 'm-news' }),
    makeDraft({ id: 'm-quote', angle: 'quote', headline: 'In their words' }),
    linkedInDraftOf('l-news'),
  ]) {
    ids[d.id] = (await sendApproved(w, d)).draft.remote;
  }
});
afterAll(async () => {
  await w?.close();
});

describe('results of a sent release', () => {
  test('before anyone turns the campaigns on: paused, nothing spent', async () => {
    const { report } = await refresh();
    for (const p of ['meta', 'linkedin']) {
      expect(platformOf(report, p)).toMatchObject({ state: 'paused', totals: { spend: 0, impressions: 0 } });
      expect(platformOf(report, p).message).toMatch(/Campaign paused, nothing spent/);
    }
    expect(platformOf(report, 'meta').variants.map((v) => v.delivery)).toEqual(['CAMPAIGN_PAUSED', 'CAMPAIGN_PAUSED']);
    expect(platformOf(report, 'linkedin').variants[0]!.delivery).toBe('DRAFT');
  });

  test('live figures per platform and variant, split at the 72-hour window, the winning angle', async () => {
    const m = w.fakes.meta;
    for (const id of [ids['m-news']!.campaign!, ids['m-news']!.adset!, ids['m-news']!.ad!, ids['m-quote']!.ad!])
      m.setStatus(id, 'ACTIVE');
    w.fakes.linkedin.setStatus(ids['l-news']!.campaign!, 'ACTIVE');
    for (const [rows, ad] of [
      [META_NEWS, ids['m-news']!.ad!],
      [META_QUOTE, ids['m-quote']!.ad!],
    ] as const)
      for (const [date, impressions, clicks, linkClicks, spend, reach] of rows)
        m.delivery.set(ad, date, { impressions, clicks, linkClicks, spend, reach });
    for (const [date, impressions, clicks, linkClicks, spend] of LI)
      w.fakes.linkedin.delivery.set(ids['l-news']!.creative!, date, { impressions, clicks, linkClicks, spend });
    // Demographics exist but LinkedIn has not processed them yet (12–24 h late).
    const campaign = ids['l-news']!.campaign!;
    const availableAt = at('2026-03-07T06:00:00Z');
    w.fakes.linkedin.demographics.set(campaign, 'MEMBER_JOB_TITLE', TITLES, availableAt);
    w.fakes.linkedin.demographics.set(campaign, 'MEMBER_JOB_FUNCTION', FUNCTIONS, availableAt);
    w.fakes.linkedin.demographics.set(campaign, 'MEMBER_INDUSTRY', INDUSTRIES, availableAt);
    w.s.clock.now = at('2026-03-06T15:00:00Z');

    const { report, pulled } = await refresh();
    expect(pulled).toBe(3);
    const meta = platformOf(report, 'meta');
    const sum = (rows: readonly (readonly (string | number)[])[], i: number) =>
      rows.reduce((a, r) => a + Number(r[i]), 0);
    const all = [...META_NEWS, ...META_QUOTE];
    expect(meta.state).toBe('ok');
    expect(meta.totals).toMatchObject({ impressions: sum(all, 1), clicks: sum(all, 2), linkClicks: sum(all, 3) });
    expect(meta.totals.spend).toBeCloseTo(sum(all, 4), 6);
    expect(meta.totals.ctr).toBeCloseTo(sum(all, 2) / sum(all, 1), 9);
    expect(meta.totals.cpc).toBeCloseTo(sum(all, 4) / sum(all, 2), 9);
    // The window closes 2026-03-05 09:00 UTC = 04:00 in New York: that day counts inside, the 6th after.
    expect(meta.windowCloseDay).toBe('2026-03-05');
    const after = META_NEWS.filter((r) => r[0] > '2026-03-05');
    expect(meta.after).toMatchObject({ impressions: sum(after, 1), clicks: sum(after, 2) });
    expect(meta.inside.impressions + meta.after.impressions).toBe(meta.totals.impressions);
    const [news, quote] = meta.variants;
    expect(news).toMatchObject({
      draftId: 'm-news',
      angle: 'news',
      winner: true,
      totals: { impressions: sum(META_NEWS, 1) },
    });
    expect(quote).toMatchObject({ draftId: 'm-quote', angle: 'quote', winner: false });
    expect(news!.daily.map((d) => d.date)).toEqual(META_NEWS.map((r) => r[0]));
    // Reach over the flight is asked for once (Meta's unique people), not summed by day.
    expect(news!.totals.reach).toBeGreaterThan(0);
    expect(news!.totals.reach).toBeLessThan(sum(META_NEWS, 5));

    const li = platformOf(report, 'linkedin');
    expect(li.totals).toMatchObject({ impressions: sum(LI, 1), clicks: sum(LI, 2), linkClicks: sum(LI, 3) });
    expect(li.totals.spend).toBeCloseTo(30.123456 + 41.5, 6);
    expect(li.media).toMatchObject({ available: false, mediaImpressions: 0 });
    expect(li.media!.caveat).toMatch(/approximately, 12–24 hours late.*fewer than 3 events/);

    // The requests: Meta's daily insights in the account's days, LinkedIn's in Rest.li syntax.
    const insights = m.ledger.requests.filter((r) => r.path.endsWith(`/${ids['m-news']!.ad}/insights`));
    expect(insights.some((r) => r.query.time_increment === '1')).toBe(true);
    expect(JSON.parse(insights.at(-1)!.query.time_range!)).toEqual({ since: '2026-03-02', until: '2026-03-06' });
  });

  test('LinkedIn demographics once they arrive: approximate, thresholded, the media share', async () => {
    w.s.clock.now = at('2026-03-07T12:00:00Z');
    const { report } = await refresh();
    const li = platformOf(report, 'linkedin');
    const key = `${ids['l-news']!.campaign}`;
    const approx = (rows: typeof TITLES, pivot: string) =>
      rows.map((r) => linkedInApproximate(r, `${key}|${pivot}`)).filter((r): r is NonNullable<typeof r> => !!r);
    const titles = approx(TITLES, 'MEMBER_JOB_TITLE');
    const dim = li.media!.dimensions.find((d) => d.pivot === 'MEMBER_JOB_TITLE')!;
    // Under 3 events: gone. Journalist and Editor are media; Software Engineer is not.
    expect(dim.rows.map((r) => r.name).sort()).toEqual(['Editor', 'Journalist', 'Software Engineer']);
    const media = titles.filter((r) => ['urn:li:title:1573', 'urn:li:title:266'].includes(r.value));
    expect(dim.mediaImpressions).toBe(media.reduce((a, r) => a + r.impressions, 0));
    expect(dim.mediaClicks).toBe(media.reduce((a, r) => a + r.clicks, 0));
    const fn = li.media!.dimensions.find((d) => d.pivot === 'MEMBER_JOB_FUNCTION')!;
    expect(fn.rows.find((r) => r.value === 'urn:li:function:16')).toMatchObject({
      name: 'Media and Communication',
      media: true,
    });
    const ind = li.media!.dimensions.find((d) => d.pivot === 'MEMBER_INDUSTRY')!;
    expect(
      ind.rows
        .filter((r) => r.media)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Broadcast Media Production and Distribution', 'Newspaper Publishing']);
    // The headline figure is the largest view (a lower bound: they overlap), as a share of all impressions.
    const top = Math.max(dim.mediaImpressions, fn.mediaImpressions, ind.mediaImpressions);
    expect(li.media).toMatchObject({ available: true, mediaImpressions: top });
    expect(li.media!.share).toBeCloseTo(top / li.totals.impressions, 9);
    // Names were looked up once and kept.
    const lookups = w.fakes.linkedin.lookups.filter((l) => l.q === 'urns');
    expect(lookups.length).toBe(1);
  });

  test('throttling is waited out with backoff and the pull completes', async () => {
    w.s.clock.now = at('2026-03-07T13:00:00Z');
    const meta = w.fakes.meta;
    meta.inject({
      method: 'GET',
      path: /\/insights$/,
      times: 2,
      respond: {
        status: 400,
        body: {
          error: {
            message: 'There have been too many calls from this ad-account.',
            code: 80000,
            type: 'OAuthException',
          },
        },
        headers: {
          'X-Business-Use-Case-Usage': JSON.stringify({
            '1234567890': [{ type: 'ads_insights', estimated_time_to_regain_access: 0 }],
          }),
        },
      },
    });
    w.fakes.linkedin.inject({ method: 'GET', path: /\/adAnalytics$/, times: 1, respond: linkedInErrors.throttle() });
    const sleepsBefore = w.sleeps.length;
    const { report, pulled } = await refresh();
    expect(pulled).toBe(3);
    expect(w.sleeps.length - sleepsBefore).toBe(3);
    expect(platformOf(report, 'meta').state).toBe('ok');
  });

  test('exports: CSV rows per variant and day, and a self-contained HTML page', async () => {
    const csv = await w.t.reviewer.req('GET', api('/export.csv'));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^row_type,platform,variant,draft_id,date,window/);
    expect(lines.filter((l) => l.startsWith('day,Meta,News,m-news,'))).toHaveLength(META_NEWS.length);
    expect(text).toContain('day,Meta,News,m-news,2026-03-06,after_72h');
    expect(text).toMatch(/audience,LinkedIn,,,,,MEMBER_JOB_TITLE,Journalist,true/);
    const html = await (await w.t.reviewer.req('GET', api('/export.html'))).text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Acme opens a solar newsroom');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link /);
  });
});

describe('the reviewer link can carry the report, read-only', () => {
  test('with includeResults: the page shows the results and links the exports; without: nothing of them', async () => {
    const make = async (includeResults: boolean) => {
      const res = await w.t.editor.req('POST', `/api/orgs/${w.t.orgId}/review-links`, {
        releaseId: 'rel-1',
        includeResults,
      });
      expect(res.status).toBe(201);
      return new URL(((await res.json()) as { url: string }).url).pathname;
    };
    const withResults = await make(true);
    const page = await (await w.s.app.request(withResults)).text();
    expect(page).toContain('<h2>Results</h2>');
    expect(page).toContain('Journalist');
    expect(page).toMatch(/Inside vs\. after the 72-hour window/);
    const csv = await w.s.app.request(`${withResults}/report.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('day,Meta,News,m-news,2026-03-02');
    expect((await w.s.app.request(`${withResults}/report.html`)).status).toBe(200);
    const without = await make(false);
    expect(await (await w.s.app.request(without)).text()).not.toContain('<h2>Results</h2>');
    expect((await w.s.app.request(`${without}/report.html`)).status).toBe(404);
  });
});

describe('the reporting halves against the fakes (in process)', () => {
  const exec = (
    fake: { app: Parameters<typeof inProcessFetch>[0] },
    token: string,
    rules: ErrorRules,
    sleeps: number[] = [],
  ) =>
    createExecutor({
      fetch: inProcessFetch(fake.app),
      token,
      retry: retryPolicy({ sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 1 }),
      rules,
    });
  const config = { meta: { graphBase: 'http://meta.fake' }, linkedin: { apiBase: 'http://li.fake' } };

  test('Meta: 30 days of daily rows come in two cursor pages, reach in one more call', async () => {
    const now = at('2026-04-10T12:00:00Z');
    const meta = createMetaFake({ now: () => now });
    const ids = meta.seedAd({ start: '2026-03-01T09:00:00-05:00', end: '2026-04-30T09:00:00-04:00' });
    meta.delivery.synthetic(ids.ad, '2026-03-01', 30);
    const target = { adAccountId: '1234567890', timeZone: 'America/New_York', remote: ids };
    const r = await metaAdapter.reporting.pull({
      executor: exec(meta, META_FAKE_TOKEN, META_RULES),
      config,
      target,
      now,
    });
    expect(r.days).toHaveLength(30);
    expect(r.days[0]!.date).toBe('2026-03-01');
    expect(r.delivery).toBe('ACTIVE');
    const pages = meta.ledger.requests.filter((q) => q.path.endsWith('/insights') && q.query.time_increment === '1');
    expect(pages.map((q) => !!q.query.after)).toEqual([false, true]);
    expect(r.reach).toBeGreaterThan(0);
  });

  test('Meta refuses what the docs refuse: a bad breakdown combination, no ads_read', async () => {
    const meta = createMetaFake({
      tokens: { noread: { scopes: ['ads_management'] }, [META_FAKE_TOKEN]: { scopes: ['ads_read'] } },
    });
    const ids = meta.seedAd({ start: '2026-03-01T09:00:00Z', end: '2026-03-05T09:00:00Z' });
    const get = (token: string, q: string) =>
      meta.app.request(`/v25.0/${ids.ad}/insights?${q}`, { headers: { authorization: `Bearer ${token}` } });
    expect(
      ((await (await get(META_FAKE_TOKEN, 'breakdowns=age,country')).json()) as { error: { code: number } }).error.code,
    ).toBe(100);
    expect((await get(META_FAKE_TOKEN, 'breakdowns=age,gender&fields=impressions')).status).toBe(200);
    const denied = (await (await get('noread', 'fields=impressions')).json()) as {
      error: { code: number; message: string };
    };
    expect(denied.error).toMatchObject({ code: 200 });
    expect(metaAdapter.errorRules.toError({ status: 403, headers: new Headers(), body: denied }).kind).toBe(
      'permission',
    );
  });

  test('LinkedIn: Rest.li query syntax, daily creative rows, demographic pivots one at a time', async () => {
    const now = at('2026-04-10T12:00:00Z');
    const li = createLinkedInFake({ now: () => now });
    const ids = li.seedCreative({ start: '2026-03-01T00:00:00Z', end: '2026-03-31T00:00:00Z' });
    li.delivery.synthetic(ids.creative, '2026-03-01', 30);
    const target = { adAccountId: '1234567890', timeZone: 'UTC', remote: ids };
    const r = await linkedInAdapter.reporting.pull({
      executor: exec(li, LINKEDIN_FAKE_TOKEN, LINKEDIN_RULES),
      config,
      target,
      now,
    });
    expect(r.days).toHaveLength(30);
    expect(r.flightEnd).toBe('2026-03-31T00:00:00.000Z');
    const call = li.ledger.requests.find((q) => q.path === '/rest/adAnalytics')!;
    expect(call.query).toMatchObject({ q: 'analytics', pivot: 'CREATIVE', timeGranularity: 'DAILY' });
    // Encoded structure is refused, two member pivots at once too.
    const raw = (q: string) =>
      li.app.request(`/rest/adAnalytics?${q}`, {
        headers: {
          authorization: `Bearer ${LINKEDIN_FAKE_TOKEN}`,
          'LinkedIn-Version': '202603',
          'X-Restli-Protocol-Version': '2.0.0',
        },
      });
    const range = 'dateRange=(start:(year:2026,month:3,day:1),end:(year:2026,month:3,day:31))';
    const facet = `campaigns=List(${encodeURIComponent(`urn:li:sponsoredCampaign:${ids.campaign}`)})`;
    expect(
      (
        await raw(
          `q=analytics&pivot=CAMPAIGN&timeGranularity=ALL&${encodeURIComponent(range)}&${facet}&fields=impressions`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(
          `q=statistics&pivots=List(MEMBER_JOB_TITLE,MEMBER_INDUSTRY)&timeGranularity=ALL&${range}&${facet}&fields=impressions`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(
          `q=analytics&pivot=MEMBER_JOB_TITLE&timeGranularity=ALL&${range}&${facet}&fields=approximateMemberReach`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await raw(`q=analytics&pivot=CAMPAIGN&timeGranularity=ALL&${range}&${facet}&fields=impressions`)).status,
    ).toBe(200);
  });
});

describe('the schedule', () => {
  test('instances claim different rows; a claim keeps others off until it is saved or expires', async () => {
    const now = at('2026-03-07T14:00:00Z');
    await w.s.database.db.update(resultsPulls).set({ nextPullAt: now }).where(eq(resultsPulls.orgId, w.t.orgId));
    const a = await claimPulls(w.s.database.db, { holder: 'a', now, leaseMs: 60_000, limit: 2 });
    const b = await claimPulls(w.s.database.db, { holder: 'b', now, leaseMs: 60_000, limit: 10 });
    expect(a).toHaveLength(2);
    expect(b.map((r) => r.draftId)).not.toEqual(expect.arrayContaining(a.map((r) => r.draftId)));
    expect(a.length + b.length).toBe(3);
    expect(await claimPulls(w.s.database.db, { holder: 'c', now, leaseMs: 60_000, limit: 10 })).toHaveLength(0);
    const later = new Date(now.getTime() + 61_000);
    expect(await claimPulls(w.s.database.db, { holder: 'd', now: later, leaseMs: 60_000, limit: 10 })).toHaveLength(3);
  });

  test('pulls while the flight runs, once more a day after it ends, then stops', async () => {
    const db = w.s.database.db;
    const row = async () =>
      (
        await db
          .select()
          .from(resultsPulls)
          .where(and(eq(resultsPulls.orgId, w.t.orgId), eq(resultsPulls.draftId, 'm-news')))
      )[0]!;
    // Let every claim expire, then the scheduler's tick at a time everything is due.
    w.s.clock.now = at('2026-03-08T12:00:00Z');
    await db
      .update(resultsPulls)
      .set({ nextPullAt: w.s.clock.now, claimedUntil: null })
      .where(eq(resultsPulls.orgId, w.t.orgId));
    const tick = await runDuePulls(deps());
    expect(tick).toMatchObject({ claimed: 3, pulled: 3 });
    const r1 = await row();
    expect(r1.state).toBe('scheduled');
    expect(r1.nextPullAt.getTime() - w.s.clock.now.getTime()).toBeLessThanOrEqual(RESULTS_SCHEDULE.spendingEveryMs);
    expect((await runDuePulls(deps())).claimed).toBe(0);

    // After the flight: one final pull a day later, then done.
    const end = r1.flightEnd!;
    w.s.clock.now = new Date(end.getTime() + 60_000);
    await db.update(resultsPulls).set({ nextPullAt: w.s.clock.now }).where(eq(resultsPulls.orgId, w.t.orgId));
    await runDuePulls(deps());
    const r2 = await row();
    expect(r2.state).toBe('final');
    expect(r2.nextPullAt.getTime()).toBe(end.getTime() + RESULTS_SCHEDULE.finalAfterEndMs);
    w.s.clock.now = r2.nextPullAt;
    await runDuePulls(deps());
    expect((await row()).state).toBe('done');
    w.s.clock.now = new Date(w.s.clock.now.getTime() + 7 * 86_400_000);
    expect((await runDuePulls(deps())).claimed).toBe(0);
  });

  test('discovery is idempotent and follows a resumed send (new remote ids)', async () => {
    const db = w.s.database.db;
    await discoverSentDrafts(db, w.s.clock.now);
    await discoverSentDrafts(db, w.s.clock.now);
    const rows = await db.select().from(resultsPulls).where(eq(resultsPulls.orgId, w.t.orgId));
    expect(rows.map((r) => r.draftId).sort()).toEqual(['l-news', 'm-news', 'm-quote']);
    expect(rows.every((r) => r.state === 'done')).toBe(true);
  });
});

describe('reporting permission missing', () => {
  let v: ResultsWorld;
  beforeAll(async () => {
    // LinkedIn grants everything but r_ads_reporting: sending works, reporting cannot.
    v = await startResultsWorld({ linkedinScopes: ['rw_ads', 'w_organization_social', 'rw_dmp_segments'] });
    await sendApproved(v, linkedInDraftOf('l-only'));
  });
  afterAll(async () => {
    await v?.close();
  });

  test('the report says to reconnect in Options, and no analytics call is made', async () => {
    const res = await v.t.editor.req('POST', `/api/orgs/${v.t.orgId}/results/releases/rel-1/refresh`);
    const { report } = (await res.json()) as RefreshReply;
    const li = platformOf(report, 'linkedin');
    expect(li).toMatchObject({ state: 'permission', action: 'reconnect' });
    expect(li.message).toMatch(/Reporting permission missing: reconnect LinkedIn in Options/);
    expect(platformOf(report, 'meta').state).toBe('not_sent');
    expect(v.fakes.linkedin.ledger.requests.filter((r) => r.path === '/rest/adAnalytics')).toHaveLength(0);
  });

  test('a platform that refuses despite the granted scope is reported the same way', async () => {
    // The scope is stored as granted, but LinkedIn answers 403 for adAnalytics (revoked on its side).
    const { platformConnections } = await import('../../server/db/schema/index.ts');
    await v.s.database.db
      .update(platformConnections)
      .set({ scopes: ['rw_ads', 'w_organization_social', 'rw_dmp_segments', 'r_ads_reporting'] })
      .where(eq(platformConnections.orgId, v.t.orgId));
    v.s.clock.now = new Date(v.s.clock.now.getTime() + 120_000);
    const res = await v.t.editor.req('POST', `/api/orgs/${v.t.orgId}/results/releases/rel-1/refresh`);
    const li = platformOf(((await res.json()) as RefreshReply).report, 'linkedin');
    expect(li).toMatchObject({ state: 'permission', action: 'reconnect' });
    expect(v.fakes.linkedin.ledger.requests.filter((r) => r.path === '/rest/adAnalytics').length).toBeGreaterThan(0);
  });
});
