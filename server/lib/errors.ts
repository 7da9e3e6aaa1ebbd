import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { PlatformError, type PlatformErrorKind } from '../platforms/index.ts';

/** PlatformError kind → HTTP status. 401 is avoided on purpose: it would read as "your Wireboost session ended". */
export const PLATFORM_ERROR_STATUS: Record<PlatformErrorKind, 403 | 409 | 422 | 429 | 502> = {
  auth: 409,
  permission: 409,
  field: 422,
  targeting: 422,
  invalid: 422,
  not_approved: 403,
  throttled: 429,
  unknown: 502,
};

/** Hono's own 400s (thrown by its validators with a message only), in the server's words. */
const HONO_REFUSALS: Record<string, { error: string; message: string }> = {
  'Malformed JSON in request body': { error: 'bad_json', message: 'body must be JSON' },
};

/**
 * Every error becomes the same JSON shape, { error: code, message, … }: fail() replies (lib/http.ts) as
 * built, Hono's validator refusals translated, platform failures with the status the extension acts on.
 */
export function errorReply(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    if (err.res) return err.getResponse();
    const refusal = HONO_REFUSALS[err.message] ?? { error: 'bad_request', message: err.message };
    return c.json(refusal, err.status);
  }
  if (err instanceof PlatformError) {
    if (err.kind === 'throttled' && err.details.retryAfterMs)
      c.header('Retry-After', String(Math.ceil(err.details.retryAfterMs / 1000)));
    return c.json({ error: err.kind, ...err.toJSON() }, PLATFORM_ERROR_STATUS[err.kind]);
  }
  console.error('[wireboost] unhandled', err);
  return c.json({ error: 'internal', message: 'internal error' }, 500);
}
