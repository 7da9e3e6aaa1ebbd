/** Retry timing for pushes: exponential backoff with full jitter (AWS architecture blog's recommendation). */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts per flush before the client reports "offline" and waits for the next flush. */
  attempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000, attempts: 5 };

/** Delay before retry number `attempt` (0-based): uniform in [0, min(max, base·2^attempt)]. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * cap);
}
