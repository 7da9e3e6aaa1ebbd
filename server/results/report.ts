import { and, eq } from 'drizzle-orm';
import { MessagingKitSchema, type Draft, type Platform, type StoredRelease } from '../../utils/contract/draft.ts';
import type { DailyRow, Metrics, PlatformResult, ResultsReport, VariantResult } from '../../utils/contract/results.ts';
import { WINDOW_HOURS } from '../../utils/engine/clock.ts';
import { isMediaValue, MEDIA_AUDIENCE, MEDIA_CAVEAT } from '../../utils/engine/results/linkedin-media.ts';
import type { Db } from '../db/client.ts';
import { drafts, messagingKits, platformConnections, releases } from '../db/schema/index.ts';
import { adapterFor, dayIn, PLATFORM_IDS } from '../platforms/index.ts';
import { loadReleaseResults, type PullRow } from './store.ts';

/**
 * The per-release report (utils/contract/results.ts) from what the pulls stored: totals per platform and
 * variant, the split at the end of the 72-hour window, the winning angle, LinkedIn's media audience, and
 * one state per platform in words. Read-only; the reviewer page and the exports use the same object.
 */

/** The winning variant needs at least this many impressions, and a rival that has them too. */
export const WINNER_RULE = { minImpressions: 100 };

type DayRow = {
  draftId: string;
  day: string;
  impressions: number;
  clicks: number;
  linkClicks: number | null;
  spendMicros: number;
};

const EMPTY: Metrics = { spend: 0, impressions: 0, reach: null, clicks: 0, linkClicks: null, ctr: null, cpc: null };

export function metricsOf(days: DailyRow[], reach: number | null = null): Metrics {
  const impressions = days.reduce((a, d) => a + d.impressions, 0);
  const clicks = days.reduce((a, d) => a + d.clicks, 0);
  // Micro-units summed as the platforms reported them; rounding is for display.
  const spend = Math.round(days.reduce((a, d) => a + d.spend, 0) * 1e6) / 1e6;
  const withLinks = days.filter((d) => d.linkClicks !== null);
  return {
    spend,
    impressions,
    reach,
    clicks,
    linkClicks: withLinks.length ? withLinks.reduce((a, d) => a + (d.linkClicks ?? 0), 0) : null,
    ctr: impressions ? clicks / impressions : null,
    cpc: clicks ? spend / clicks : null,
  };
}

const toDaily = (d: DayRow): DailyRow => ({
  date: d.day,
  spend: d.spendMicros / 1_000_000,
  impressions: d.impressions,
  clicks: d.clicks,
  linkClicks: d.linkClicks,
});

export async function buildReport(db: Db, orgId: string, releaseId: string, now: Date): Promise<ResultsReport | null> {
  const [rel] = await db
    .select({ doc: releases.doc })
    .from(releases)
    .where(and(eq(releases.orgId, orgId), eq(releases.id, releaseId)))
    .limit(1);
  const draftRows = await db
    .select({ doc: drafts.doc, status: drafts.status })
    .from(drafts)
    .where(and(eq(drafts.orgId, orgId), eq(drafts.releaseId, releaseId), eq(drafts.deleted, false)));
  if (!rel && !draftRows.length) return null;
  const release = (rel?.doc as StoredRelease | undefined)?.release;
  const conns = await db.select().from(platformConnections).where(eq(platformConnections.orgId, orgId));
  const [kitRow] = await db
    .select({ doc: messagingKits.doc })
    .from(messagingKits)
    .where(eq(messagingKits.orgId, orgId))
    .limit(1);
  const kit = MessagingKitSchema.parse(kitRow?.doc ?? {});
  const { pulls, days, breakdowns } = await loadReleaseResults(db, orgId, releaseId);

  const publishedAt = release?.publishedAt ?? null;
  const closesAt = publishedAt ? new Date(Date.parse(publishedAt) + WINDOW_HOURS * 3_600_000).toISOString() : null;
  const docs = draftRows.map((r) => ({ ...(r.doc as Draft), status: r.status as Draft['status'] }));

  const platforms = PLATFORM_IDS.map((p): PlatformResult => {
    const adapter = adapterFor(p);
    const conn = conns.find((c) => c.platform === p);
    const zone = adapter.reporting.zone(conn?.timeZone ?? kit.adAccountTimeZone);
    const mine = pulls.filter((x) => x.platform === p);
    const variants = mine
      .map((pull) =>
        variantOf(
          pull,
          docs.find((d) => d.id === pull.draftId),
          days.filter((d) => d.draftId === pull.draftId),
        ),
      )
      .filter((v): v is VariantResult => !!v)
      .sort((a, b) => a.draftId.localeCompare(b.draftId));
    markWinner(variants);
    const allDays = variants.flatMap((v) => v.daily);
    const reaches = variants.map((v) => v.totals.reach).filter((r): r is number => r !== null);
    const totals = metricsOf(allDays, reaches.length ? reaches.reduce((a, b) => a + b, 0) : null);
    const closeDay = closesAt ? dayIn(new Date(closesAt), zone) : null;
    const inside = closeDay ? metricsOf(allDays.filter((d) => d.date <= closeDay)) : { ...EMPTY };
    const after = closeDay ? metricsOf(allDays.filter((d) => d.date > closeDay)) : { ...EMPTY };
    const media =
      adapter.reporting.breakdowns && mine.length
        ? mediaOf(
            breakdowns.filter((b) => b.platform === p),
            mine,
            totals.impressions,
          )
        : null;
    const lastPulled = latest(mine.map((x) => x.lastPulledAt));
    const nextPull = mine.filter((x) => x.state !== 'done').map((x) => x.nextPullAt);
    return {
      platform: p,
      label: adapter.label,
      currency: conn?.currency ?? kit.currency,
      ...stateOf(p, docs, mine, totals),
      lastPulledAt: lastPulled,
      nextPullAt: nextPull.length ? new Date(Math.min(...nextPull.map((d) => d.getTime()))).toISOString() : null,
      totals,
      windowCloseDay: closeDay,
      inside,
      after,
      variants,
      media,
    };
  });

  return {
    releaseId,
    headline: release?.headline ?? 'Press release',
    company: release?.company ?? '',
    generatedAt: now.toISOString(),
    window: { publishedAt, closesAt, hours: WINDOW_HOURS },
    platforms,
  };
}

function variantOf(pull: PullRow, draft: Draft | undefined, rows: DayRow[]): VariantResult | null {
  if (!draft) return null;
  const daily = rows.map(toDaily);
  const reach = (pull.totals as { reach?: number | null } | null)?.reach ?? null;
  return {
    draftId: draft.id,
    angle: draft.angle,
    audience: draft.audience,
    headline: draft.headline,
    delivery: pull.delivery,
    totals: metricsOf(daily, reach),
    daily,
    winner: false,
  };
}

/** Best click-through rate among variants with enough impressions; only when there is a contest. */
function markWinner(variants: VariantResult[]): void {
  const eligible = variants.filter((v) => v.totals.impressions >= WINNER_RULE.minImpressions && v.totals.ctr !== null);
  if (eligible.length < 2) return;
  const best = eligible.reduce((a, b) =>
    (b.totals.ctr ?? 0) > (a.totals.ctr ?? 0) || (b.totals.ctr === a.totals.ctr && b.totals.clicks > a.totals.clicks)
      ? b
      : a,
  );
  best.winner = true;
}

const latest = (dates: (Date | null)[]) => {
  const ts = dates.filter((d): d is Date => !!d).map((d) => d.getTime());
  return ts.length ? new Date(Math.max(...ts)).toISOString() : null;
};

type StateFields = Pick<PlatformResult, 'state' | 'message' | 'action'>;

function stateOf(p: Platform, docs: Draft[], pulls: PullRow[], totals: Metrics): StateFields {
  const { label, reporting } = adapterFor(p);
  const blocked = pulls.find((x) => x.state === 'blocked');
  if (blocked) {
    const e = blocked.lastError as { kind?: string; message?: string } | null;
    const text =
      e?.kind === 'permission'
        ? `Reporting permission missing: reconnect ${label} in Options and allow reading ad results.`
        : (e?.message ?? `The ${label} connection needs attention: reconnect ${label} in Options.`);
    return { state: 'permission', message: text, action: 'reconnect' };
  }
  if (!pulls.length) {
    const sent = docs.some((d) => d.platform === p && d.status === 'sent');
    return sent
      ? { state: 'waiting', message: `No data yet: the first ${label} pull runs within minutes.`, action: 'none' }
      : { state: 'not_sent', message: `Nothing of this release was sent to ${label}.`, action: 'none' };
  }
  const failed = pulls.find((x) => x.lastError);
  if (!pulls.some((x) => x.lastPulledAt)) {
    if (failed) return { state: 'error', message: (failed.lastError as { message: string }).message, action: 'none' };
    return {
      state: 'waiting',
      message: `No data yet (${reporting.delay}).`,
      action: 'none',
    };
  }
  if (!totals.impressions && !totals.spend) {
    const spending = pulls.some((x) => (x.totals as { canSpend?: boolean } | null)?.canSpend);
    if (!spending)
      return {
        state: 'paused',
        message: `Campaign paused, nothing spent: it runs once someone turns it on in ${reporting.manager}.`,
        action: 'none',
      };
    return {
      state: 'waiting',
      message: `No data yet (the campaign is on; ${reporting.delay}).`,
      action: 'none',
    };
  }
  if (failed) {
    return {
      state: 'ok',
      message: `The last refresh failed (${(failed.lastError as { message: string }).message}); showing the figures before it.`,
      action: 'none',
    };
  }
  return { state: 'ok', message: `${label} figures as of the last pull.`, action: 'none' };
}

function mediaOf(
  rows: {
    campaignId: string;
    dimension: string;
    value: string;
    name: string | null;
    impressions: number;
    clicks: number;
  }[],
  pulls: PullRow[],
  totalImpressions: number,
): PlatformResult['media'] {
  const pulledAt = latest(pulls.map((x) => x.breakdownsPulledAt));
  const dimensions = MEDIA_AUDIENCE.map((rule) => {
    const merged = new Map<
      string,
      { value: string; name: string; impressions: number; clicks: number; media: boolean }
    >();
    for (const r of rows.filter((x) => x.dimension === rule.pivot)) {
      const prev = merged.get(r.value);
      const name = r.name ?? r.value;
      merged.set(r.value, {
        value: r.value,
        name,
        impressions: (prev?.impressions ?? 0) + r.impressions,
        clicks: (prev?.clicks ?? 0) + r.clicks,
        media: isMediaValue(rule.pivot, r.value, r.name ?? undefined),
      });
    }
    const list = [...merged.values()].sort((a, b) => b.impressions - a.impressions);
    const media = list.filter((r) => r.media);
    return {
      pivot: rule.pivot,
      label: rule.label,
      mediaImpressions: media.reduce((a, r) => a + r.impressions, 0),
      mediaClicks: media.reduce((a, r) => a + r.clicks, 0),
      reportedImpressions: list.reduce((a, r) => a + r.impressions, 0),
      rows: list,
    };
  });
  const top = dimensions.reduce((a, b) => (b.mediaImpressions > a.mediaImpressions ? b : a), dimensions[0]!);
  return {
    available: rows.length > 0,
    pulledAt,
    mediaImpressions: top.mediaImpressions,
    mediaClicks: top.mediaClicks,
    share: totalImpressions ? top.mediaImpressions / totalImpressions : null,
    dimensions,
    caveat: MEDIA_CAVEAT,
  };
}
