import type { CallbackInput } from '../adapter.ts';
import { metaConfig, type MetaConfig } from '../config.ts';
import { withQuery, type FetchLike, type PlatformRequest } from '../http.ts';
import { callbackValue, num, oauthClient, type AppCredentials, type TokenGrant } from '../oauth.ts';
import { META } from './profile.ts';

// https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow
// response_type=code (server exchanges) or token (client-side flow inside the extension; PLATFORMS.md).
export function metaAuthorizeUrl(o: {
  clientId: string;
  redirectUri: string;
  state: string;
  responseType?: 'code' | 'token';
  scopes?: readonly string[];
  config?: Partial<MetaConfig>;
}): string {
  const cfg = metaConfig(o.config);
  return withQuery(`${cfg.dialogBase}/${cfg.graphVersion}/dialog/oauth`, {
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    response_type: o.responseType ?? 'code',
    scope: (o.scopes ?? [...META.scopes, ...META.reportingScopes]).join(','),
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

/** The server-side half: code exchange, long-lived exchange, granted permissions. */
export function metaOAuth(o: { credentials?: AppCredentials; fetch?: FetchLike; config?: Partial<MetaConfig> }) {
  const cfg = metaConfig(o.config);
  const client = oauthClient(META, o);
  return {
    async exchangeCode(code: string, redirectUri: string): Promise<TokenGrant> {
      return metaGrant(await client.call(metaCodeExchangeRequest(cfg, client.credentials(), code, redirectUri)));
    },
    async longLived(shortLivedToken: string): Promise<TokenGrant> {
      return metaGrant(await client.call(metaLongLivedRequest(cfg, client.credentials(), shortLivedToken)));
    },
    async grantedScopes(token: string): Promise<string[]> {
      return parseMetaPermissions(await client.call(metaPermissionsRequest(cfg), token));
    },
  };
}

/** Callback → long-lived token (from a code, or from the extension's token flow) and what was granted. */
export async function connectMeta(
  o: { credentials?: AppCredentials; fetch?: FetchLike; config?: Partial<MetaConfig> },
  input: CallbackInput,
) {
  const oauth = metaOAuth(o);
  const short = input.accessToken
    ? { accessToken: input.accessToken }
    : await oauth.exchangeCode(callbackValue(META, input.code), callbackValue(META, input.redirectUri));
  const grant = await oauth.longLived(short.accessToken);
  return { grant, scopes: await oauth.grantedScopes(grant.accessToken) };
}

function metaGrant(b: Record<string, unknown>): TokenGrant {
  return { accessToken: String(b.access_token), expiresIn: num(b.expires_in) };
}

/** /me/permissions → granted permission names (declined/expired ones are not granted). */
export function parseMetaPermissions(body: unknown): string[] {
  const data = (body as { data?: { permission: string; status: string }[] })?.data ?? [];
  return data.filter((p) => p.status === 'granted').map((p) => p.permission);
}
