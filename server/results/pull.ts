import { randomUUID } from 'node:crypto';
import type { Platform } from '../../utils/contract/draft.ts';
import { platformConfigs } from '../config.ts';
import { usableToken } from '../lib/connections.ts';
import type { AppDeps } from '../lib/context.ts';
import { loadConnectionRow } from '../lib/platform-store.ts';
import { adapterFor, addDays, dayIn, executorFor, PlatformError } from '../platforms/index.ts';
import { afterFailure, afterSuccess, RESULTS_SCHEDULE } from './schedule.ts';
import {
  claimPulls,
  discoverSentDrafts,
  isLeadDraft,
  knownNames,
  saveFailure,
  savePull,
  saveNames,
  type PullRow,
  type PullSuccess,
} from './store.ts';

export type ResultsDeps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'platformSendDeps'>;

/**
 * One claimed draft: the organisation's connection (token stays here, decrypted only for the call), the
 * platform's reporting half, and the schedule moved on whatever happened. Never throws: a failure is
 * recorded on the row (shown in the report) and retried later.
 */
export async function pullOne(deps: ResultsDeps, row: PullRow, holder: string): Promise<boolean> {
  const now = deps.clock();
  const platform = row.platform as Platform;
  const adapter = adapterFor(platform);
  try {
    const conn = await loadConnectionRow(deps.db, row.orgId, platform);
    if (!conn) {
      throw new PlatformError(
        platform,
        'auth',
        `${adapter.label} is not connected any more: connect it in Options to keep pulling results.`,
      );
    }
    const missing = adapter.reportingScopes.filter((s) => !((conn.scopes as string[]) ?? []).includes(s));
    if (missing.length) {
      throw new PlatformError(
        platform,
        'permission',
        `Reporting permission missing (${missing.join(', ')}): reconnect ${adapter.label} in Options and allow it.`,
        { permission: missing[0] },
      );
    }
    if (!conn.adAccountId)
      throw new PlatformError(platform, 'auth', `Choose the ${adapter.label} ad account in Options.`);
    const token = usableToken(conn, deps.config.platforms.tokenKey, row.orgId, now);
    const net = deps.platformSendDeps ?? {};
    const executor = executorFor({ token, fetch: net.fetch, retry: net.retry }, adapter.errorRules);
    const config = platformConfigs(deps.config.platforms);
    const remote = row.remote as Record<string, string>;
    const target = { adAccountId: conn.adAccountId, timeZone: adapter.reporting.zone(conn.timeZone), remote };
    const pulled = await adapter.reporting.pull({ executor, config, target, now });

    let breakdowns: PullSuccess['breakdowns'];
    const campaignId = adapter.reporting.campaignOf(remote);
    const due =
      !row.breakdownsPulledAt || now.getTime() - row.breakdownsPulledAt.getTime() >= RESULTS_SCHEDULE.breakdownsEveryMs;
    const flightOver = pulled.flightEnd && now.getTime() >= Date.parse(pulled.flightEnd);
    if (
      adapter.reporting.breakdowns &&
      campaignId &&
      pulled.days.length &&
      (due || flightOver) &&
      (await isLeadDraft(deps.db, row, remote.campaign!))
    ) {
      const today = dayIn(now, target.timeZone);
      const since = pulled.flightStart ? dayIn(new Date(pulled.flightStart), target.timeZone) : addDays(today, -29);
      const end = pulled.flightEnd ? dayIn(new Date(pulled.flightEnd), target.timeZone) : today;
      const dims = await adapter.reporting.breakdowns({
        executor,
        config,
        target,
        since,
        until: end < today ? end : today,
      });
      const urns = [...new Set(dims.flatMap((d) => d.rows.map((r) => r.value)))];
      const names = await knownNames(deps.db, urns);
      const unknown = urns.filter((u) => !names[u]);
      if (unknown.length && adapter.reporting.names) {
        const found = await adapter.reporting.names({ executor, config, urns: unknown });
        await saveNames(deps.db, found, now);
        Object.assign(names, found);
      }
      breakdowns = {
        campaignId,
        dimensions: dims.map((d) => ({
          dimension: d.dimension,
          rows: d.rows.map((r) => ({ ...r, name: names[r.value] })),
        })),
      };
    }
    const next = afterSuccess(
      { state: row.state, canSpend: pulled.canSpend, flightEnd: pulled.flightEnd ? new Date(pulled.flightEnd) : null },
      now,
    );
    await savePull(deps.db, row, holder, now, { ...pulled, breakdowns, ...next });
    return true;
  } catch (err) {
    const next = afterFailure(row, err, now);
    const e = err instanceof PlatformError ? err : null;
    const error = {
      kind: e?.kind ?? 'unknown',
      message:
        e?.message ?? `Pulling ${adapter.label} results failed: ${err instanceof Error ? err.message : String(err)}`,
      ...(e?.details.permission ? { permission: e.details.permission } : {}),
    };
    await saveFailure(deps.db, row, holder, { ...next, error });
    return false;
  }
}

/**
 * The scheduler's tick: find newly sent drafts, claim what is due, pull it (a few at a time: each
 * platform's own rate limits are handled by the executor's backoff). Safe on every instance at once.
 */
export async function runDuePulls(deps: ResultsDeps, o: { limit?: number; concurrency?: number } = {}) {
  const now = deps.clock();
  await discoverSentDrafts(deps.db, now);
  const holder = randomUUID();
  const rows = await claimPulls(deps.db, { holder, now, leaseMs: RESULTS_SCHEDULE.claimMs, limit: o.limit ?? 20 });
  return { claimed: rows.length, pulled: await pullAll(deps, rows, holder, o.concurrency ?? 4) };
}

/** The manual Refresh: this release's drafts now, except those pulled in the last minute or held elsewhere. */
export async function refreshRelease(deps: ResultsDeps, orgId: string, releaseId: string) {
  const now = deps.clock();
  await discoverSentDrafts(deps.db, now, orgId);
  const holder = randomUUID();
  const rows = await claimPulls(deps.db, {
    holder,
    now,
    leaseMs: RESULTS_SCHEDULE.claimMs,
    limit: 200,
    release: { orgId, releaseId, minGapMs: RESULTS_SCHEDULE.manualMinGapMs },
  });
  const pulled = await pullAll(deps, rows, holder, 4);
  return { pulled, claimed: rows.length };
}

async function pullAll(deps: ResultsDeps, rows: PullRow[], holder: string, concurrency: number): Promise<number> {
  let ok = 0;
  let i = 0;
  const worker = async () => {
    while (i < rows.length) {
      const row = rows[i++]!;
      if (await pullOne(deps, row, holder)) ok++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  return ok;
}

/**
 * The in-process timer of one instance: it only triggers runDuePulls, whose claims happen in the
 * database, so any number of instances can run it. Returns a stop function.
 */
export function startResultsScheduler(deps: ResultsDeps, o: { everyMs?: number; log?: (m: string) => void } = {}) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runDuePulls(deps);
      if (r.claimed) o.log?.(`[wireboost] results: pulled ${r.pulled} of ${r.claimed} due drafts`);
    } catch (err) {
      o.log?.(`[wireboost] results: scheduler tick failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), o.everyMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
