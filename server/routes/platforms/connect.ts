import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { sealGrant, usableToken } from '../../lib/connections.ts';
import type { AppDeps, AppEnv } from '../../lib/context.ts';
import { permit } from '../../lib/membership.ts';
import { loadConnectionRow, saveConnection } from '../../lib/platform-store.ts';
import { routeDoc } from '../../lib/route-docs.ts';
import { json, param, query } from '../../lib/validate.ts';
import { consumeState, issueState } from '../../lib/oauth-states.ts';
import { isExtensionRedirect } from '../../lib/origins.ts';
import { adapterFor, scopeReport } from '../../platforms/index.ts';
import { platformConfigs } from '../../config.ts';
import { CallbackReplySchema, CallbackSchema, PlatformParams, StartQuery } from './schemas.ts';
import { ChoicesSchema, StartReplySchema } from '../../../utils/contract/platforms.ts';

const doc = routeDoc({ tag: 'platforms', auth: 'session' });
const UNKNOWN = { error: 'bad_request', message: 'unknown platform' };
const BAD_START = { error: 'bad_request', message: 'platform and redirectUri required' };
const CONNECT = permit({ platform: ['connect'] }, 'only owners, admins and editors connect ad accounts');

/**
 * OAuth with Meta / LinkedIn, the server's half: the extension opens the authorize URL with
 * browser.identity.launchWebAuthFlow and posts the code back; the server exchanges it with its app secret
 * and keeps the token sealed. Then the accounts the token can use, to choose from (connections.ts).
 */
export function connectRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const cfg = deps.config.platforms;
  const config = platformConfigs(cfg);
  const net = deps.platformSendDeps;
  // Derived, so one secret fewer to manage; bound to org + platform + expiry inside signState, and to the
  // person and redirect URI by its single-use row (lib/oauth-states.ts).
  const stateSecret = createHmac('sha256', deps.config.authSecret).update('wireboost:oauth-state').digest('base64url');

  app.get(
    '/connect/:platform/start',
    doc({
      summary:
        'OAuth start (owner, admin, editor): the URL for browser.identity.launchWebAuthFlow and its signed state',
      responses: {
        200: { description: 'authorize URL', schema: StartReplySchema },
        400: {
          description: "`bad_redirect`: not the extension's own redirect URL (browser.identity.getRedirectURL())",
        },
        501: { description: 'no app credentials on this server' },
      },
    }),
    CONNECT,
    param(PlatformParams, BAD_START),
    query(StartQuery, BAD_START),
    async (c) => {
      const { platform } = c.req.valid('param');
      const credentials = cfg.credentials[platform];
      if (!credentials) {
        return c.json({ error: 'not_configured', message: `${platform} is not configured on this server` }, 501);
      }
      const { redirectUri } = c.req.valid('query');
      if (!isExtensionRedirect(deps.config, redirectUri)) {
        const message =
          "The sign-in must come back to this server's Wireboost extension: its redirect URL is not allowed.";
        return c.json({ error: 'bad_redirect', message }, 400);
      }
      const who = { orgId: c.get('orgId'), userId: c.get('user').id, platform, redirectUri };
      const state = await issueState(deps.db, stateSecret, who, deps.clock());
      const url = adapterFor(platform).authorizeUrl({ clientId: credentials.clientId, redirectUri, state, config });
      return c.json({ url, state });
    },
  );

  app.post(
    '/connect/:platform/callback',
    doc({
      summary:
        'OAuth callback: the server exchanges the code with its app secret and keeps the token sealed; replies with granted and missing permissions',
      responses: {
        200: { description: 'granted / missing scopes', schema: CallbackReplySchema },
        400: { description: '`bad_state`: expired, forged, already used or started by someone else; `bad_redirect`' },
      },
    }),
    CONNECT,
    param(PlatformParams, UNKNOWN),
    json(CallbackSchema),
    async (c) => {
      const { platform } = c.req.valid('param');
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      // Single use, and only by whoever started it, in this organisation, for this platform.
      const who = { orgId, userId: c.get('user').id, platform };
      const issued = await consumeState(deps.db, stateSecret, body.state, who, deps.clock());
      if (!issued) {
        const message = 'The sign-in expired, was already used or did not start here: connect again.';
        return c.json({ error: 'bad_state', message }, 400);
      }
      if (body.redirectUri !== undefined && body.redirectUri !== issued.redirectUri) {
        const message = 'The sign-in came back to another address than it started from: connect again.';
        return c.json({ error: 'bad_redirect', message }, 400);
      }
      const { grant, scopes } = await adapterFor(platform).grant(
        { credentials: cfg.credentials[platform], fetch: net?.fetch, config },
        { ...body, redirectUri: issued.redirectUri },
      );
      const report = scopeReport(platform, scopes);
      const now = deps.clock();
      const sealed = sealGrant(grant, report, cfg.tokenKey, orgId, platform, now);
      await saveConnection(deps.db, orgId, platform, sealed, c.get('user'), now);
      return c.json({ ...report, expiresAt: sealed.expiresAt ?? null });
    },
  );

  app.get(
    '/connect/:platform/choices',
    doc({
      summary: 'Ad accounts (currency, time zone) and pages / organisations the connected token can use',
      responses: { 200: { description: 'choices', schema: ChoicesSchema }, 409: { description: 'not connected' } },
    }),
    CONNECT,
    param(PlatformParams, UNKNOWN),
    async (c) => {
      const { platform } = c.req.valid('param');
      const orgId = c.get('orgId');
      const row = await loadConnectionRow(deps.db, orgId, platform);
      if (!row) return c.json({ error: 'not_connected', message: 'connect first' }, 409);
      const token = usableToken(row, cfg.tokenKey, orgId, deps.clock());
      const choices = await adapterFor(platform).choices({ token, config, fetch: net?.fetch, retry: net?.retry });
      return c.json({ platform, ...choices, scopes: row.scopes as string[], missing: row.missing as string[] });
    },
  );

  return app;
}
