/**
 * Bounded retry with backoff, shared by both clients. What counts as "throttled" and how long the
 * platform asks us to wait is platform data (meta/errors.ts, linkedin/errors.ts); this file only waits.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff; doubles each retry unless the platform names a wait. */
  baseDelayMs: number;
  /** Longest single wait we accept inside a request; beyond it we give up and let the send resume later. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY, ...overrides };
}

/** Exponential backoff, or the platform's own estimate when it gave one (whichever is longer). */
export function backoffMs(policy: RetryPolicy, attempt: number, platformHintMs: number | undefined): number {
  const exponential = policy.baseDelayMs * 2 ** attempt;
  return Math.max(exponential, platformHintMs ?? 0);
}
