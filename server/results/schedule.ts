import type { PlatformError } from '../platforms/index.ts';

/**
 * When a sent draft's results are pulled next: data, one place. While the campaign can spend, every
 * couple of hours; while it is paused or a draft (someone may still turn it on), less often; once the
 * flight is over, one more pull a day later (LinkedIn's demographics arrive 12–24 h late), then never.
 * Failures back off; a missing permission or an expired token waits for a reconnect (or a manual refresh).
 */
export const RESULTS_SCHEDULE = {
  spendingEveryMs: 2 * 3_600_000,
  idleEveryMs: 6 * 3_600_000,
  finalAfterEndMs: 26 * 3_600_000,
  retryBaseMs: 15 * 60_000,
  retryMaxMs: 6 * 3_600_000,
  blockedRecheckMs: 12 * 3_600_000,
  /** How long a claim keeps other instances off a row (a pull takes seconds; a dead instance's claim expires). */
  claimMs: 10 * 60_000,
  /** A manual refresh skips drafts pulled more recently than this. */
  manualMinGapMs: 60_000,
  /** LinkedIn demographics per campaign: not more often than this. */
  breakdownsEveryMs: 6 * 3_600_000,
};

export type PullState = 'scheduled' | 'final' | 'done' | 'blocked';

export function afterSuccess(
  o: { state: string; canSpend: boolean; flightEnd: Date | null },
  now: Date,
  s = RESULTS_SCHEDULE,
): { state: PullState; nextPullAt: Date } {
  const t = now.getTime();
  const end = o.flightEnd?.getTime();
  if (end !== undefined && t >= end + s.finalAfterEndMs) return { state: 'done', nextPullAt: now };
  if (end !== undefined && t >= end) return { state: 'final', nextPullAt: new Date(end + s.finalAfterEndMs) };
  const every = o.canSpend ? s.spendingEveryMs : s.idleEveryMs;
  // Never sleep past the end of the flight: the pull right after it has the complete figures.
  const next = end !== undefined ? Math.min(t + every, end + 5 * 60_000) : t + every;
  return { state: 'scheduled', nextPullAt: new Date(next) };
}

export function afterFailure(
  o: { state: string; attempts: number },
  err: unknown,
  now: Date,
  s = RESULTS_SCHEDULE,
): { state: PullState; nextPullAt: Date; attempts: number } {
  const t = now.getTime();
  const e = err as Partial<PlatformError>;
  if (e.kind === 'auth' || e.kind === 'permission') {
    return { state: 'blocked', nextPullAt: new Date(t + s.blockedRecheckMs), attempts: o.attempts + 1 };
  }
  const backoff = Math.min(s.retryBaseMs * 2 ** o.attempts, s.retryMaxMs);
  const wait = Math.max(backoff, e.details?.retryAfterMs ?? 0);
  const state = o.state === 'blocked' ? 'scheduled' : (o.state as PullState);
  return { state, nextPullAt: new Date(t + wait), attempts: o.attempts + 1 };
}
