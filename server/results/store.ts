import { and, eq, inArray, sql } from 'drizzle-orm';
import { query, type Db } from '../db/client.ts';
import { resultsBreakdowns, resultsDaily, resultsNames, resultsPulls } from '../db/schema/index.ts';
import type { BreakdownRow, PulledDay } from '../platforms/index.ts';
import type { PullState } from './schedule.ts';

/**
 * The results tables (server/db/schema/results.ts) as the scheduler and the report use them. Claims are the
 * only coordination between instances: `FOR UPDATE SKIP LOCKED` picks due rows no one else is taking and a
 * `claimed_until` lease keeps them off others until the pull is saved (or the lease runs out).
 */
export type PullRow = typeof resultsPulls.$inferSelect;

/** Sent drafts with remote ids get a schedule row; a changed draft.remote (a resumed send) is taken over. */
// Raw statements take timestamps as ISO text: postgres.js cannot bind a Date there (PGlite can).
export async function discoverSentDrafts(db: Db, now: Date, orgId?: string): Promise<void> {
  await query(
    db,
    sql`insert into results_pulls (org_id, draft_id, release_id, platform, remote, next_pull_at)
        select d.org_id, d.id, d.release_id, d.doc->>'platform', d.doc->'remote', ${now.toISOString()}
        from drafts d
        where d.status = 'sent' and not d.deleted and (d.doc->'remote'->>'campaign') is not null
          ${orgId ? sql`and d.org_id = ${orgId}` : sql``}
        on conflict (org_id, draft_id) do update
          set remote = excluded.remote, release_id = excluded.release_id, next_pull_at = excluded.next_pull_at,
              state = case when results_pulls.state = 'done' then 'scheduled' else results_pulls.state end
          where results_pulls.remote is distinct from excluded.remote`,
  );
}

/**
 * Claims up to `limit` rows for `holder`: due ones (scheduler), or a release's regardless of their schedule
 * (manual refresh, skipping rows pulled in the last `minGapMs`). Rows another instance holds are skipped.
 */
export async function claimPulls(
  db: Db,
  o: {
    holder: string;
    now: Date;
    leaseMs: number;
    limit: number;
    release?: { orgId: string; releaseId: string; minGapMs: number };
  },
): Promise<PullRow[]> {
  const until = new Date(o.now.getTime() + o.leaseMs);
  const which = o.release
    ? sql`org_id = ${o.release.orgId} and release_id = ${o.release.releaseId}
          and (last_pulled_at is null or last_pulled_at <= ${new Date(o.now.getTime() - o.release.minGapMs).toISOString()})`
    : sql`state <> 'done' and next_pull_at <= ${o.now.toISOString()}`;
  const rows = await query<{ org_id: string; draft_id: string }>(
    db,
    sql`with due as (
          select org_id, draft_id from results_pulls
          where ${which} and (claimed_until is null or claimed_until < ${o.now.toISOString()})
          order by next_pull_at
          limit ${o.limit}
          for update skip locked
        )
        update results_pulls p set claimed_until = ${until.toISOString()}, claimed_by = ${o.holder}
        from due where p.org_id = due.org_id and p.draft_id = due.draft_id
        returning p.org_id, p.draft_id`,
  );
  if (!rows.length) return [];
  // Read back through drizzle so column types (dates, json) come out the same on both drivers.
  return db
    .select()
    .from(resultsPulls)
    .where(
      and(
        inArray(resultsPulls.orgId, [...new Set(rows.map((r) => r.org_id))]),
        inArray(
          resultsPulls.draftId,
          rows.map((r) => r.draft_id),
        ),
        eq(resultsPulls.claimedBy, o.holder),
      ),
    );
}

export interface PullSuccess {
  days: PulledDay[];
  delivery: string | null;
  canSpend: boolean;
  flightStart: string | null;
  flightEnd: string | null;
  reach: number | null;
  breakdowns?: { campaignId: string; dimensions: { dimension: string; rows: (BreakdownRow & { name?: string })[] }[] };
  state: PullState;
  nextPullAt: Date;
}

/** One transaction: the days (upserted: platforms revise recent ones), breakdowns replaced, schedule moved on. */
export async function savePull(db: Db, row: PullRow, holder: string, now: Date, r: PullSuccess): Promise<void> {
  await db.transaction(async (tx) => {
    if (r.days.length) {
      await tx
        .insert(resultsDaily)
        .values(
          r.days.map((d) => ({
            orgId: row.orgId,
            draftId: row.draftId,
            day: d.date,
            impressions: d.impressions,
            clicks: d.clicks,
            linkClicks: d.linkClicks,
            spendMicros: d.spendMicros,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [resultsDaily.orgId, resultsDaily.draftId, resultsDaily.day],
          set: {
            impressions: sql`excluded.impressions`,
            clicks: sql`excluded.clicks`,
            linkClicks: sql`excluded.link_clicks`,
            spendMicros: sql`excluded.spend_micros`,
            updatedAt: now,
          },
        });
    }
    if (r.breakdowns) {
      for (const d of r.breakdowns.dimensions) {
        const where = and(
          eq(resultsBreakdowns.orgId, row.orgId),
          eq(resultsBreakdowns.platform, row.platform),
          eq(resultsBreakdowns.campaignId, r.breakdowns.campaignId),
          eq(resultsBreakdowns.dimension, d.dimension),
        );
        await tx.delete(resultsBreakdowns).where(where);
        if (d.rows.length) {
          await tx.insert(resultsBreakdowns).values(
            d.rows.map((x) => ({
              orgId: row.orgId,
              platform: row.platform,
              campaignId: r.breakdowns!.campaignId,
              dimension: d.dimension,
              value: x.value,
              name: x.name ?? null,
              impressions: x.impressions,
              clicks: x.clicks,
              updatedAt: now,
            })),
          );
        }
      }
    }
    await tx
      .update(resultsPulls)
      .set({
        state: r.state,
        nextPullAt: r.nextPullAt,
        attempts: 0,
        lastPulledAt: now,
        lastError: null,
        delivery: r.delivery,
        flightStart: r.flightStart ? new Date(r.flightStart) : null,
        flightEnd: r.flightEnd ? new Date(r.flightEnd) : null,
        totals: { reach: r.reach, canSpend: r.canSpend },
        ...(r.breakdowns ? { breakdownsPulledAt: now } : {}),
        claimedUntil: null,
        claimedBy: null,
      })
      .where(
        and(
          eq(resultsPulls.orgId, row.orgId),
          eq(resultsPulls.draftId, row.draftId),
          eq(resultsPulls.claimedBy, holder),
        ),
      );
  });
}

export async function saveFailure(
  db: Db,
  row: PullRow,
  holder: string,
  f: {
    state: PullState;
    nextPullAt: Date;
    attempts: number;
    error: { kind: string; message: string; permission?: string };
  },
): Promise<void> {
  await db
    .update(resultsPulls)
    .set({
      state: f.state,
      nextPullAt: f.nextPullAt,
      attempts: f.attempts,
      lastError: f.error,
      claimedUntil: null,
      claimedBy: null,
    })
    .where(
      and(eq(resultsPulls.orgId, row.orgId), eq(resultsPulls.draftId, row.draftId), eq(resultsPulls.claimedBy, holder)),
    );
}

/** The campaign's first draft pulls its demographics (so variants do not pull the same thing). */
export async function isLeadDraft(db: Db, row: PullRow, campaignKey: string): Promise<boolean> {
  const [lead] = await query<{ draft_id: string }>(
    db,
    sql`select min(draft_id) as draft_id from results_pulls
        where org_id = ${row.orgId} and platform = ${row.platform} and remote->>'campaign' = ${campaignKey}`,
  );
  return lead?.draft_id === row.draftId;
}

export async function knownNames(db: Db, urns: string[]): Promise<Record<string, string>> {
  if (!urns.length) return {};
  const rows = await db.select().from(resultsNames).where(inArray(resultsNames.urn, urns));
  return Object.fromEntries(rows.map((r) => [r.urn, r.name]));
}

export async function saveNames(db: Db, names: Record<string, string>, now: Date): Promise<void> {
  const values = Object.entries(names).map(([urn, name]) => ({ urn, name, updatedAt: now }));
  if (values.length) await db.insert(resultsNames).values(values).onConflictDoNothing();
}

/** Everything the report of one release reads, in four queries. */
export async function loadReleaseResults(db: Db, orgId: string, releaseId: string) {
  const pulls = await db
    .select()
    .from(resultsPulls)
    .where(and(eq(resultsPulls.orgId, orgId), eq(resultsPulls.releaseId, releaseId)));
  const draftIds = pulls.map((p) => p.draftId);
  const days = draftIds.length
    ? await db
        .select()
        .from(resultsDaily)
        .where(and(eq(resultsDaily.orgId, orgId), inArray(resultsDaily.draftId, draftIds)))
        .orderBy(resultsDaily.day)
    : [];
  const campaigns = [
    ...new Set(pulls.map((p) => (p.remote as Record<string, string>).campaign).filter(Boolean)),
  ] as string[];
  const campaignIds = campaigns.map((c) => c.replace(/^urn:li:[A-Za-z]+:/, ''));
  const breakdowns = campaignIds.length
    ? await db
        .select()
        .from(resultsBreakdowns)
        .where(and(eq(resultsBreakdowns.orgId, orgId), inArray(resultsBreakdowns.campaignId, campaignIds)))
    : [];
  return { pulls, days, breakdowns };
}
