/**
 * `npm run -s bench:results` — pulling results for 50 sent drafts from the contract fakes, over real HTTP
 * on 127.0.0.1, through the real puller (server/results/pull.ts pullOne, claimed from the database four at
 * a time as the scheduler's tick does).
 *
 * Setup (not timed): the team server on PGlite, both fakes on loopback, Meta and LinkedIn connected through
 * the OAuth routes, a 30-day flight in the messaging kit, ten releases of five drafts each (three Meta,
 * two LinkedIn) sent through the real send route. The fakes then "deliver" 30 days of synthetic daily figures
 * per ad / creative and LinkedIn demographics (the title, function and industry pivots the media audience
 * reads) per campaign; the clock moves past the flight's end so every pull covers the whole 30 days and the final breakdowns.
 * Both fakes throttle now and then (Meta every 40th insights call with code 80000, LinkedIn every 60th
 * adAnalytics call with HTTP 429), so the retries with backoff are part of the figure; the backoff's base is
 * 10 ms here (1 s in production) and the waits are real.
 *
 * Last stdout line (JSON): {drafts, totalMs, perDraftMs: {p50, p95, max}, rowsStored: {daily, breakdowns},
 * requests: {meta, linkedin, total}, rateLimitRetries, backoffWaitedMs, concurrency, failedPulls,
 * mismatchedDrafts}. The send route's setup time goes to stderr.
 * Exits non-zero when a pull failed or the stored figures differ from what the fakes delivered.
 */
import { randomBytes } from 'node:crypto';
import { count, eq, sum } from 'drizzle-orm';
import { platformsFromEnv } from '../../server/config.ts';
import { resultsBreakdowns, resultsDaily } from '../../server/db/schema/index.ts';
import { MemoryTargetingCache } from '../../server/platforms/store.ts';
import { addDays, dayIn } from '../../server/platforms/reporting.ts';
import { pullOne } from '../../server/results/pull.ts';
import { RESULTS_SCHEDULE } from '../../server/results/schedule.ts';
import { claimPulls, discoverSentDrafts } from '../../server/results/store.ts';
import type { Angle, Draft, Platform } from '../../utils/contract/draft.ts';
import type { SyncedDraft } from '../../utils/contract/sync.ts';
import { startPlatformFakes } from '../fakes/index.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type Client } from '../server/harness.ts';

const log = (...a: unknown[]) => console.error('[bench:results]', ...a);
const PUBLISHED = '2026-03-02T09:00:00Z';
const RELEASES = 10;
const PER_RELEASE: { platform: Platform; angle: Angle }[] = [
  { platform: 'meta', angle: 'news' },
  { platform: 'meta', angle: 'quote' },
  { platform: 'meta', angle: 'insight' },
  { platform: 'linkedin', angle: 'news' },
  { platform: 'linkedin', angle: 'insight' },
];
const DAYS = 30;
const CONCURRENCY = 4;
// The extension's own redirect URL, which the server checks (the same as the server tests use).
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

const ok = async (r: Promise<Response>, what: string) => {
  const res = await r;
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
};

async function connect(c: Client, orgId: string, platform: Platform) {
  const base = `/api/orgs/${orgId}/platforms`;
  const start = await ok(
    c.req('GET', `${base}/connect/${platform}/start?redirectUri=${encodeURIComponent(REDIRECT)}`),
    'connect start',
  );
  const { url, state } = (await start.json()) as { url: string; state: string };
  const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  await ok(
    c.req('POST', `${base}/connect/${platform}/callback`, {
      code: back.searchParams.get('code'),
      state,
      redirectUri: REDIRECT,
    }),
    'connect callback',
  );
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  let clock = { now: new Date(PUBLISHED) };
  const fakes = await startPlatformFakes({
    meta: { now: () => clock.now, reporting: { throttleEvery: 40 } },
    linkedin: { now: () => clock.now, reporting: { throttleEvery: 60 } },
  });
  const platforms = platformsFromEnv(
    { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
    '/nonexistent',
  );
  const sleeps: number[] = [];
  const retry = {
    baseDelayMs: 10,
    sleep: (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((r) => setTimeout(r, ms));
    },
  };
  const s = await startTestServer({ platforms }, { platformSendDeps: { retry, cache: new MemoryTargetingCache() } });
  s.clock.now = new Date(PUBLISHED);
  clock = s.clock;
  try {
    const t = await team(s, 'Bench');
    const org = `/api/orgs/${t.orgId}`;
    for (const p of ['meta', 'linkedin'] as const) await connect(t.editor, t.orgId, p);
    await ok(
      t.editor.req('PUT', `${org}/platforms/connections/meta`, {
        adAccountId: '1234567890',
        pageId: '998877',
        currency: 'USD',
        timeZone: 'America/New_York',
      }),
      'meta account',
    );
    await ok(
      t.editor.req('PUT', `${org}/platforms/connections/linkedin`, {
        adAccountId: '1234567890',
        organizationId: '5515715',
        currency: 'USD',
      }),
      'linkedin account',
    );
    await ok(t.owner.req('PUT', `${org}/kit`, { kit: { flightDays: DAYS }, baseRevision: 0 }), 'kit');

    // Ten releases, five drafts each, sent through the real send route.
    const sendStart = performance.now();
    const sent: SyncedDraft[] = [];
    for (let r = 0; r < RELEASES; r++) {
      const releaseId = `rel-${r}`;
      const release = makeRelease(releaseId, `Acme release ${r}`);
      release.release.publishedAt = PUBLISHED;
      await ok(t.owner.req('PUT', `${org}/releases/${releaseId}`, { release }), 'release');
      for (const [i, v] of PER_RELEASE.entries()) {
        const id = `d-${r}-${i}`;
        const base = makeDraft({ id, releaseId, angle: v.angle });
        const draft: Draft =
          v.platform === 'meta'
            ? base
            : ({
                ...(({ primaryText: _p, ...rest }) => rest)(base as Draft & { primaryText?: string }),
                platform: 'linkedin',
                introText: `Acme release ${r}`,
              } as Draft);
        await ok(push(t.editor, t.orgId, draft, 0), 'push');
        const requested = await ok(
          t.editor.req('POST', `${org}/drafts/${id}/review`, { action: 'request' }),
          'request',
        );
        // an approval carries the revision the reviewer saw
        const { revision } = (await requested.json()) as SyncedDraft;
        await ok(t.reviewer.req('POST', `${org}/drafts/${id}/review`, { action: 'approve', revision }), 'approve');
        await ok(t.editor.req('POST', `${org}/platforms/drafts/${id}/send`), `send ${id}`);
        sent.push((await (await t.editor.req('GET', `${org}/drafts/${id}`)).json()) as SyncedDraft);
      }
    }
    log(`sent ${sent.length} drafts in ${Math.round(performance.now() - sendStart)} ms (setup, not in the figures)`);

    // What the ads delivered: 30 days each, demographics per LinkedIn campaign; all turned on.
    const metaDay0 = dayIn(new Date(PUBLISHED), 'America/New_York');
    const liDay0 = dayIn(new Date(PUBLISHED), 'UTC');
    const expected = new Map<string, number>();
    const liCampaigns = new Set<string>();
    for (const d of sent) {
      const remote = d.draft.remote as Record<string, string>;
      if (d.draft.platform === 'meta') {
        for (const k of ['campaign', 'adset', 'ad']) fakes.meta.setStatus(remote[k]!, 'ACTIVE');
        fakes.meta.delivery.synthetic(remote.ad!, metaDay0, DAYS);
        expected.set(d.draft.id, sumImpressions(fakes.meta.delivery.rows(remote.ad!, metaDay0, addDays(metaDay0, 99))));
      } else {
        fakes.linkedin.setStatus(remote.campaign!, 'ACTIVE');
        fakes.linkedin.delivery.synthetic(remote.creative!, liDay0, DAYS);
        expected.set(
          d.draft.id,
          sumImpressions(fakes.linkedin.delivery.rows(remote.creative!, liDay0, addDays(liDay0, 99))),
        );
        liCampaigns.add(remote.campaign!);
      }
    }
    for (const c of liCampaigns) {
      fakes.linkedin.demographics.set(c, 'MEMBER_JOB_TITLE', [
        { value: 'urn:li:title:1573', impressions: 900, clicks: 14 },
        { value: 'urn:li:title:266', impressions: 400, clicks: 6 },
        { value: 'urn:li:title:100', impressions: 2_500, clicks: 20 },
      ]);
      fakes.linkedin.demographics.set(c, 'MEMBER_JOB_FUNCTION', [
        { value: 'urn:li:function:16', impressions: 1_400, clicks: 19 },
      ]);
      fakes.linkedin.demographics.set(c, 'MEMBER_INDUSTRY', [
        { value: 'urn:li:industry:81', impressions: 700, clicks: 9 },
        { value: 'urn:li:industry:4', impressions: 3_000, clicks: 25 },
      ]);
    }
    // Past the flight's end: each pull covers all 30 days and the final breakdowns.
    s.clock.now = new Date(Date.parse(PUBLISHED) + (DAYS + 1) * 86_400_000);

    const requestsBefore = { meta: fakes.meta.ledger.requests.length, linkedin: fakes.linkedin.ledger.requests.length };
    const sleepsBefore = sleeps.length;
    const deps = { db: s.database.db, clock: () => s.clock.now, config: s.config, platformSendDeps: { retry } };

    // The puller, as the scheduler's tick runs it: discover, claim due rows, pull four at a time.
    const perDraft: number[] = [];
    let failed = 0;
    const t0 = performance.now();
    await discoverSentDrafts(deps.db, s.clock.now);
    for (;;) {
      const rows = await claimPulls(deps.db, {
        holder: 'bench',
        now: s.clock.now,
        leaseMs: RESULTS_SCHEDULE.claimMs,
        limit: 20,
      });
      if (!rows.length) break;
      let i = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, rows.length) }, async () => {
          while (i < rows.length) {
            const row = rows[i++]!;
            const a = performance.now();
            if (!(await pullOne(deps, row, 'bench'))) failed++;
            perDraft.push(performance.now() - a);
          }
        }),
      );
    }
    const totalMs = performance.now() - t0;

    // What was stored, checked against what the fakes delivered.
    const db = s.database.db;
    const [daily] = await db.select({ n: count() }).from(resultsDaily).where(eq(resultsDaily.orgId, t.orgId));
    const [breakdowns] = await db
      .select({ n: count() })
      .from(resultsBreakdowns)
      .where(eq(resultsBreakdowns.orgId, t.orgId));
    const stored = await db
      .select({ draftId: resultsDaily.draftId, impressions: sum(resultsDaily.impressions) })
      .from(resultsDaily)
      .where(eq(resultsDaily.orgId, t.orgId))
      .groupBy(resultsDaily.draftId);
    const mismatched = sent.filter(
      (d) => Number(stored.find((x) => x.draftId === d.draft.id)?.impressions ?? -1) !== expected.get(d.draft.id),
    );
    const reqs = {
      meta: fakes.meta.ledger.requests.length - requestsBefore.meta,
      linkedin: fakes.linkedin.ledger.requests.length - requestsBefore.linkedin,
    };
    const waits = sleeps.slice(sleepsBefore);
    const figures = {
      drafts: perDraft.length,
      daysPerDraft: DAYS,
      totalMs: Math.round(totalMs),
      perDraftMs: { p50: round(pct(perDraft, 50)), p95: round(pct(perDraft, 95)), max: round(Math.max(...perDraft)) },
      rowsStored: { daily: daily!.n, breakdowns: breakdowns!.n },
      requests: { ...reqs, total: reqs.meta + reqs.linkedin },
      rateLimitRetries: waits.length,
      backoffWaitedMs: waits.reduce((a, b) => a + b, 0),
      concurrency: CONCURRENCY,
      failedPulls: failed,
      mismatchedDrafts: mismatched.length,
    };
    console.log(JSON.stringify(figures));
    if (failed || mismatched.length || perDraft.length !== sent.length) process.exitCode = 1;
  } finally {
    await s.close();
    await fakes.close();
  }
}

function sumImpressions(rows: [string, { impressions: number }][]) {
  return rows.reduce((a, [, f]) => a + f.impressions, 0);
}

await main();
