import { linkedInConfig, metaConfig, type LinkedInConfig, type MetaConfig } from './config.ts';
import { PlatformError } from './errors.ts';
import { send, withQuery, type FetchLike, type PlatformRequest } from './http.ts';
import type { Platform } from '../../utils/contract/draft.ts';

/**
 * OAuth for the team server. Secrets only ever appear in the request builders below, which run on the
 * server (PLATFORMS.md: LinkedIn's code → token exchange and Meta's long-lived exchange need the secret).
 */
export const META_SCOPES = ['ads_management', 'pages_read_engagement', 'pages_show_list', 'business_management'];
export const LINKEDIN_SCOPES = ['rw_ads', 'w_organization_social', 'rw_dmp_segments'];
export const REQUIRED_SCOPES: Record<Platform, string[]> = { meta: META_SCOPES, linkedin: LINKEDIN_SCOPES };

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenGrant {
  accessToken: string;
  /** Seconds, when the platform says. */
  expiresIn?: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
  /** Scopes the platform reports as granted (LinkedIn returns them with the token; Meta via /me/permissions). */
  scopes?: string[];
}

// https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow
// response_type=code (server exchanges) or token (client-side flow inside the extension; PLATFORMS.md).
export function metaAuthorizeUrl(o: {
  clientId: string;
  redirectUri: string;
  state: string;
  responseType?: 'code' | 'token';
  scopes?: string[];
  config?: Partial<MetaConfig>;
}): string {
  const cfg = metaConfig(o.config);
  return withQuery(`${cfg.dialogBase}/${cfg.graphVersion}/dialog/oauth`, {
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    response_type: o.responseType ?? 'code',
    scope: (o.scopes ?? META_SCOPES).join(','),
  });
}

// https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow (exchanging code)
export function metaCodeExchangeRequest(
  cfg: MetaConfig,
  app: AppCredentials,
  code: string,
  redirectUri: string,
): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(`${cfg.graphBase}/${cfg.graphVersion}/oauth/access_token`, {
      client_id: app.clientId,
      redirect_uri: redirectUri,
      client_secret: app.clientSecret,
      code,
    }),
    headers: {},
  };
}

// https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
export function metaLongLivedRequest(cfg: MetaConfig, app: AppCredentials, shortLivedToken: string): PlatformRequest {
  return {
    method: 'GET',
    url: withQuery(`${cfg.graphBase}/${cfg.graphVersion}/oauth/access_token`, {
      grant_type: 'fb_exchange_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      fb_exchange_token: shortLivedToken,
    }),
    headers: {},
  };
}

// https://developers.facebook.com/docs/graph-api/reference/user/permissions/
export function metaPermissionsRequest(cfg: MetaConfig): PlatformRequest {
  return { method: 'GET', url: `${cfg.graphBase}/${cfg.graphVersion}/me/permissions`, headers: {} };
}

// https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
export function linkedInAuthorizeUrl(o: {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: string[];
  config?: Partial<LinkedInConfig>;
}): string {
  const cfg = linkedInConfig(o.config);
  return withQuery(`${cfg.oauthBase}/oauth/v2/authorization`, {
    response_type: 'code',
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    scope: (o.scopes ?? LINKEDIN_SCOPES).join(' '),
  });
}

// Same page, step 3: POST /oauth/v2/accessToken, form-encoded, with the client secret.
export function linkedInCodeExchangeRequest(
  cfg: LinkedInConfig,
  app: AppCredentials,
  code: string,
  redirectUri: string,
): PlatformRequest {
  return {
    method: 'POST',
    url: `${cfg.oauthBase}/oauth/v2/accessToken`,
    headers: {},
    form: {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
    },
  };
}

// https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
export function linkedInRefreshRequest(
  cfg: LinkedInConfig,
  app: AppCredentials,
  refreshToken: string,
): PlatformRequest {
  return {
    method: 'POST',
    url: `${cfg.oauthBase}/oauth/v2/accessToken`,
    headers: {},
    form: {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    },
  };
}

/** The server-side half: exchanges and scope reports, with the network injectable. */
export function createOAuth(o: {
  meta?: AppCredentials;
  linkedin?: AppCredentials;
  fetch?: FetchLike;
  config?: { meta?: Partial<MetaConfig>; linkedin?: Partial<LinkedInConfig> };
}) {
  const f: FetchLike = o.fetch ?? ((url, init) => fetch(url, init));
  const mcfg = metaConfig(o.config?.meta);
  const lcfg = linkedInConfig(o.config?.linkedin);
  const need = <T>(platform: Platform, v: T | undefined): T => {
    if (!v) throw new Error(`${platform} app credentials are not configured on the server`);
    return v;
  };
  const call = async (platform: Platform, req: PlatformRequest, token?: string) => {
    const res = await send(f, req, token);
    if (res.status >= 300) {
      const b = res.body as { error?: { message?: string } | string; error_description?: string };
      const why =
        b?.error_description ?? (typeof b?.error === 'string' ? b.error : b?.error?.message) ?? `HTTP ${res.status}`;
      throw new PlatformError(
        platform,
        'auth',
        `Connecting ${platform === 'meta' ? 'Meta' : 'LinkedIn'} failed: ${why}`,
        {
          status: res.status,
        },
      );
    }
    return res.body as Record<string, unknown>;
  };
  return {
    async metaExchangeCode(code: string, redirectUri: string): Promise<TokenGrant> {
      return metaGrant(await call('meta', metaCodeExchangeRequest(mcfg, need('meta', o.meta), code, redirectUri)));
    },
    async metaLongLived(shortLivedToken: string): Promise<TokenGrant> {
      return metaGrant(await call('meta', metaLongLivedRequest(mcfg, need('meta', o.meta), shortLivedToken)));
    },
    async metaGrantedScopes(token: string): Promise<string[]> {
      return parseMetaPermissions(await call('meta', metaPermissionsRequest(mcfg), token));
    },
    async linkedInExchangeCode(code: string, redirectUri: string): Promise<TokenGrant> {
      return linkedInGrant(
        await call('linkedin', linkedInCodeExchangeRequest(lcfg, need('linkedin', o.linkedin), code, redirectUri)),
      );
    },
    async linkedInRefresh(refreshToken: string): Promise<TokenGrant> {
      return linkedInGrant(
        await call('linkedin', linkedInRefreshRequest(lcfg, need('linkedin', o.linkedin), refreshToken)),
      );
    },
  };
}

function metaGrant(b: Record<string, unknown>): TokenGrant {
  return { accessToken: String(b.access_token), expiresIn: num(b.expires_in) };
}

function linkedInGrant(b: Record<string, unknown>): TokenGrant {
  return {
    accessToken: String(b.access_token),
    expiresIn: num(b.expires_in),
    refreshToken: typeof b.refresh_token === 'string' ? b.refresh_token : undefined,
    refreshTokenExpiresIn: num(b.refresh_token_expires_in),
    scopes: typeof b.scope === 'string' ? parseScopeList(b.scope) : undefined,
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : undefined);

/** LinkedIn returns "rw_ads,w_organization_social"; some flows use spaces. Accept both. */
export function parseScopeList(scope: string): string[] {
  return scope.split(/[\s,]+/).filter(Boolean);
}

/** /me/permissions → granted permission names (declined/expired ones are not granted). */
export function parseMetaPermissions(body: unknown): string[] {
  const data = (body as { data?: { permission: string; status: string }[] })?.data ?? [];
  return data.filter((p) => p.status === 'granted').map((p) => p.permission);
}

/** What the options page shows: granted, and which required ones are missing. */
export function scopeReport(platform: Platform, granted: string[], required: string[] = REQUIRED_SCOPES[platform]) {
  return { platform, granted, missing: required.filter((s) => !granted.includes(s)) };
}
