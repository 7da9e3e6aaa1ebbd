import type { MiddlewareHandler } from 'hono';
import { refuse } from './http.ts';

/**
 * No NUL in the address: a path or query parameter goes into SQL as text, and PostgreSQL text cannot
 * hold U+0000, so `/drafts/%00` would otherwise be a 500. (Percent-encoded lone surrogates are not valid
 * UTF-8 and stay undecoded, so they cannot reach the database as such.) Bodies are screened by their
 * validators (server/lib/validate.ts).
 */
export function screenUrl(): MiddlewareHandler {
  return async (c, next) => {
    if (/%00/i.test(c.req.url) || c.req.url.includes('\u0000'))
      refuse(400, { error: 'invalid', message: 'the address contains a NUL character (%00)', field: 'url' });
    await next();
  };
}
