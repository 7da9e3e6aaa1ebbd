import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../config.ts';
import { isAllowedOrigin } from './origins.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json(;|$)/i;

/**
 * Cross-site request forgery: a page on any site can make the browser POST a form or a text/plain body
 * with the user's cookies, no preflight asked. So for every state-changing /api request:
 * - one authenticated by cookie (no Authorization header: a page cannot add one without a preflight)
 *   must come from an allowed origin (the extension, the server's own pages): 403 `cross_site`;
 * - a body must be JSON (415), which no cross-site page can send without a preflight either.
 * better-auth's /api/auth/* bodies are its own business (it accepts forms for sign-in), but the cookie
 * rule holds there too.
 */
export function refuseCrossSite(config: ServerConfig): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const byCookie = !!c.req.header('cookie') && !c.req.header('authorization');
    const origin = c.req.header('origin');
    if (byCookie && !(origin && isAllowedOrigin(config, origin))) {
      return c.json({ error: 'cross_site', message: 'Refused: this request did not come from Wireboost.' }, 403);
    }
    const hasBody = !!c.req.raw.body && c.req.header('content-length') !== '0';
    if (hasBody && !c.req.path.startsWith('/api/auth/') && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      return c.json(
        { error: 'unsupported_media_type', message: 'Send the body as JSON (content-type: application/json).' },
        415,
      );
    }
    return next();
  };
}
