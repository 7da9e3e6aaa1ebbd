import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Draft, Platform } from '../../utils/contract/draft.ts';
import { linkedInConfig, metaConfig, type LinkedInConfig, type MetaConfig } from './config.ts';
import { listLinkedInChoices, listMetaChoices } from './accounts.ts';
import { decryptToken, encryptToken } from './crypto.ts';
import { PlatformError, type PlatformErrorKind } from './errors.ts';
import {
  createOAuth,
  linkedInAuthorizeUrl,
  metaAuthorizeUrl,
  scopeReport,
  type AppCredentials,
  type TokenGrant,
} from './oauth.ts';
import { sendDraft, type SendDeps } from './send.ts';
import type { SendStore } from './store.ts';
import type { MediaListInput, SendSettings } from './types.ts';

/**
 * Ready-to-mount routes, for the server to put behind its own session + membership checks, e.g.
 *   app.route('/api/orgs/:orgId/platforms', platformRoutes(deps))
 * Storage stays the server's: connections, drafts and media lists come in through the functions below.
 * Tokens are sealed (AES-256-GCM, bound to org + platform) before they leave this file and never go back
 * to the client.
 */
export interface StoredConnection {
  sealedToken: string;
  sealedRefreshToken?: string;
  expiresAt?: string;
  scopes: string[];
  missing: string[];
}

export interface PlatformRoutesDeps {
  store: SendStore;
  tokenKey: Buffer;
  /** Signs the OAuth state parameter (CSRF); any long random secret. */
  stateSecret: string;
  credentials: { meta?: AppCredentials; linkedin?: AppCredentials };
  config?: { meta?: Partial<MetaConfig>; linkedin?: Partial<LinkedInConfig> };
  clock: () => Date;
  loadDraft: (orgId: string, draftId: string) => Promise<Draft | undefined>;
  /** The org's connection plus its chosen ad account / page / organisation, currency, zone and the plan. */
  loadSendContext: (
    orgId: string,
    draft: Draft,
  ) => Promise<{ connection: StoredConnection; settings: SendSettings } | undefined>;
  saveConnection: (orgId: string, platform: Platform, connection: StoredConnection) => Promise<void>;
  /** Needed for GET /connect/:platform/choices. */
  loadConnection?: (orgId: string, platform: Platform) => Promise<StoredConnection | undefined>;
  loadMediaList?: (orgId: string, mediaListId: string) => Promise<MediaListInput | undefined>;
  approvalsRequired?: (orgId: string) => Promise<boolean>;
  /** Merge into draft.remote and sync to the team (ids per step + deep link). */
  saveRemote?: (orgId: string, draftId: string, remote: Record<string, string>) => Promise<void>;
  sendDeps?: SendDeps;
  /** Where the org id comes from; defaults to the :orgId path parameter. */
  orgIdOf?: (c: Context) => string | undefined;
}

/** PlatformError kind → HTTP status. 401 is avoided on purpose: it would read as "your Wireboost session ended". */
export const ERROR_STATUS: Record<PlatformErrorKind, 403 | 409 | 422 | 429 | 502> = {
  auth: 409,
  permission: 409,
  field: 422,
  targeting: 422,
  invalid: 422,
  not_approved: 403,
  throttled: 429,
  unknown: 502,
};

const isPlatform = (p: string | undefined): p is Platform => p === 'meta' || p === 'linkedin';
const STATE_TTL_MS = 10 * 60_000;

export function platformRoutes(deps: PlatformRoutesDeps) {
  const app = new Hono();
  const oauth = createOAuth({ ...deps.credentials, config: deps.config, fetch: deps.sendDeps?.fetch });
  const orgIdOf = (c: Context) => deps.orgIdOf?.(c) ?? c.req.param('orgId');
  const context = (orgId: string, platform: Platform) => `${orgId}:${platform}`;

  app.onError((err, c) => {
    if (err instanceof PlatformError) {
      if (err.kind === 'throttled' && err.details.retryAfterMs)
        c.header('Retry-After', String(Math.ceil(err.details.retryAfterMs / 1000)));
      return c.json({ error: err.kind, ...err.toJSON() }, ERROR_STATUS[err.kind]);
    }
    throw err;
  });

  // POST /drafts/:draftId/send?dryRun=1 — sends (or previews) one draft; idempotent and resumable.
  app.post('/drafts/:draftId/send', async (c) => {
    const orgId = orgIdOf(c);
    if (!orgId) return c.json({ error: 'bad_request', message: 'no organisation' }, 400);
    const draft = await deps.loadDraft(orgId, c.req.param('draftId'));
    if (!draft) return c.json({ error: 'not_found', message: 'no such draft' }, 404);
    const platform = c.req.query('platform');
    if (platform && platform !== draft.platform) {
      return c.json({ error: 'bad_request', message: `this draft is for ${draft.platform}` }, 400);
    }
    const ctx = await deps.loadSendContext(orgId, draft);
    if (!ctx) {
      return c.json(
        { error: 'not_connected', message: `Connect ${draft.platform === 'meta' ? 'Meta' : 'LinkedIn'} first.` },
        409,
      );
    }
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const mediaList = draft.mediaListId ? await deps.loadMediaList?.(orgId, draft.mediaListId) : undefined;
    const result = await sendDraft({
      orgId,
      draft,
      settings: ctx.settings,
      token: decryptToken(ctx.connection.sealedToken, deps.tokenKey, context(orgId, draft.platform)),
      store: deps.store,
      mediaList,
      dryRun,
      approvalsRequired: (await deps.approvalsRequired?.(orgId)) ?? false,
      deps: { clock: deps.clock, meta: deps.config?.meta, linkedin: deps.config?.linkedin, ...deps.sendDeps },
    });
    if (!dryRun) await deps.saveRemote?.(orgId, draft.id, result.remote);
    return c.json(result);
  });

  // GET /connect/:platform/choices — ad accounts (currency, time zone) and pages / organisations to pick from.
  app.get('/connect/:platform/choices', async (c) => {
    const orgId = orgIdOf(c);
    const platform = c.req.param('platform');
    if (!orgId || !isPlatform(platform)) return c.json({ error: 'bad_request', message: 'unknown platform' }, 400);
    const connection = await deps.loadConnection?.(orgId, platform);
    if (!connection) return c.json({ error: 'not_connected', message: 'connect first' }, 409);
    const token = decryptToken(connection.sealedToken, deps.tokenKey, context(orgId, platform));
    const common = { token, fetch: deps.sendDeps?.fetch, retry: deps.sendDeps?.retry };
    const choices =
      platform === 'meta'
        ? await listMetaChoices({ ...common, cfg: metaConfig(deps.config?.meta) })
        : await listLinkedInChoices({ ...common, cfg: linkedInConfig(deps.config?.linkedin) });
    return c.json({ platform, ...choices, scopes: connection.scopes, missing: connection.missing });
  });

  // GET /connect/:platform/start?redirectUri=… — the URL for browser.identity.launchWebAuthFlow.
  app.get('/connect/:platform/start', (c) => {
    const orgId = orgIdOf(c);
    const platform = c.req.param('platform');
    const redirectUri = c.req.query('redirectUri');
    if (!orgId || !isPlatform(platform) || !redirectUri)
      return c.json({ error: 'bad_request', message: 'platform and redirectUri required' }, 400);
    const app = deps.credentials[platform];
    if (!app) return c.json({ error: 'not_configured', message: `${platform} is not configured on this server` }, 501);
    const state = signState(deps.stateSecret, orgId, platform, deps.clock().getTime() + STATE_TTL_MS);
    const url =
      platform === 'meta'
        ? metaAuthorizeUrl({ clientId: app.clientId, redirectUri, state, config: deps.config?.meta })
        : linkedInAuthorizeUrl({ clientId: app.clientId, redirectUri, state, config: deps.config?.linkedin });
    return c.json({ url, state });
  });

  // POST /connect/:platform/callback {code | accessToken (Meta token flow), state, redirectUri}
  app.post('/connect/:platform/callback', async (c) => {
    const orgId = orgIdOf(c);
    const platform = c.req.param('platform');
    const body = (await c.req.json().catch(() => ({}))) as {
      code?: string;
      accessToken?: string;
      state?: string;
      redirectUri?: string;
    };
    if (!orgId || !isPlatform(platform)) return c.json({ error: 'bad_request', message: 'unknown platform' }, 400);
    if (!body.state || !verifyState(deps.stateSecret, body.state, orgId, platform, deps.clock().getTime())) {
      return c.json({ error: 'bad_state', message: 'The sign-in expired or did not start here: connect again.' }, 400);
    }
    let grant: TokenGrant;
    let scopes: string[];
    if (platform === 'meta') {
      const short = body.accessToken
        ? { accessToken: body.accessToken }
        : await oauth.metaExchangeCode(required(platform, body.code), required(platform, body.redirectUri));
      grant = await oauth.metaLongLived(short.accessToken);
      scopes = await oauth.metaGrantedScopes(grant.accessToken);
    } else {
      grant = await oauth.linkedInExchangeCode(required(platform, body.code), required(platform, body.redirectUri));
      scopes = grant.scopes ?? [];
    }
    const report = scopeReport(platform, scopes);
    const ctx = context(orgId, platform);
    const now = deps.clock().getTime();
    await deps.saveConnection(orgId, platform, {
      sealedToken: encryptToken(grant.accessToken, deps.tokenKey, ctx),
      sealedRefreshToken: grant.refreshToken ? encryptToken(grant.refreshToken, deps.tokenKey, ctx) : undefined,
      expiresAt: grant.expiresIn ? new Date(now + grant.expiresIn * 1000).toISOString() : undefined,
      scopes: report.granted,
      missing: report.missing,
    });
    return c.json({
      ...report,
      expiresAt: grant.expiresIn ? new Date(now + grant.expiresIn * 1000).toISOString() : null,
    });
  });

  return app;
}

function required(platform: Platform, v: string | undefined): string {
  if (!v) throw new PlatformError(platform, 'invalid', 'code and redirectUri are required');
  return v;
}

/** state = <orgId>.<platform>.<expiry>.<nonce>.<hmac>: stateless, bound to the org and platform. */
export function signState(secret: string, orgId: string, platform: Platform, expiresAtMs: number): string {
  const payload = [
    Buffer.from(orgId).toString('base64url'),
    platform,
    String(expiresAtMs),
    randomBytes(9).toString('base64url'),
  ].join('.');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

export function verifyState(secret: string, state: string, orgId: string, platform: Platform, nowMs: number): boolean {
  const parts = state.split('.');
  if (parts.length !== 5) return false;
  const payload = parts.slice(0, 4).join('.');
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'));
  const given = Buffer.from(parts[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return Buffer.from(parts[0]!, 'base64url').toString() === orgId && parts[1] === platform && Number(parts[2]) > nowMs;
}
