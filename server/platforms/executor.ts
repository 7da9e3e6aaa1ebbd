import { send, type FetchLike, type PlatformRequest, type PlatformResponse } from './http.ts';
import { PlatformError } from './errors.ts';
import { backoffMs, retryPolicy, type RetryPolicy } from './retry.ts';
import type { Executor } from './pipeline.ts';
import type { Platform } from '../../utils/contract/draft.ts';

/** Per-platform answers to "is this throttling, how long to wait, what does this error mean". */
export interface ErrorRules {
  platform: Platform;
  /** The platform's name in messages (its profile's label). */
  label: string;
  throttleWaitMs: (res: PlatformResponse) => number | undefined | false;
  toError: (res: PlatformResponse) => PlatformError;
}

/**
 * Sends with the token, retries throttled calls with bounded backoff, maps every other failure through
 * the platform's error table. `throttleWaitMs` returns false when the response is not throttling.
 */
export function createExecutor(o: {
  fetch: FetchLike;
  token: string;
  retry: RetryPolicy;
  rules: ErrorRules;
}): Executor {
  return {
    async execute(req: PlatformRequest) {
      for (let attempt = 0; ; attempt++) {
        const res = await send(o.fetch, req, o.token);
        if (res.status >= 200 && res.status < 300 && !hasErrorBody(res.body)) return res;
        const hint = o.rules.throttleWaitMs(res);
        if (hint === false) throw o.rules.toError(res);
        const wait = backoffMs(o.retry, attempt, hint);
        if (attempt >= o.retry.maxRetries || wait > o.retry.maxDelayMs) {
          const minutes = Math.max(1, Math.ceil(wait / 60_000));
          throw new PlatformError(
            o.rules.platform,
            'throttled',
            `${o.rules.label} is rate-limiting this account: try again in about ${minutes} min; the send resumes where it stopped.`,
            { status: res.status, retryAfterMs: wait },
          );
        }
        await o.retry.sleep(wait);
      }
    },
  };
}

/** Graph API can answer 200 with an error envelope in batch-ish endpoints; treat it as an error. */
function hasErrorBody(body: unknown): boolean {
  return !!body && typeof body === 'object' && 'error' in body && !!(body as { error: unknown }).error;
}

/** What one call to a platform needs: the token; tests also pass a fake fetch and a faster retry policy. */
export interface CallOptions {
  token: string;
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
}

/** The executor for one call with a platform's error rules (global fetch and the default retry unless given). */
export function executorFor(o: CallOptions, rules: ErrorRules): Executor {
  return createExecutor({
    fetch: o.fetch ?? ((url, init) => fetch(url, init)),
    token: o.token,
    retry: retryPolicy(o.retry),
    rules,
  });
}
