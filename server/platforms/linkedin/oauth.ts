import type { CallbackInput } from '../adapter.ts';
import { linkedInConfig, type LinkedInConfig } from '../config.ts';
import { withQuery, type FetchLike, type PlatformRequest } from '../http.ts';
import { callbackValue, num, oauthClient, parseScopeList, type AppCredentials, type TokenGrant } from '../oauth.ts';
import { LINKEDIN } from './profile.ts';

// https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
export function linkedInAuthorizeUrl(o: {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: readonly string[];
  config?: Partial<LinkedInConfig>;
}): string {
  const cfg = linkedInConfig(o.config);
  return withQuery(`${cfg.oauthBase}/oauth/v2/authorization`, {
    response_type: 'code',
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    scope: (o.scopes ?? [...LINKEDIN.scopes, ...LINKEDIN.reportingScopes]).join(' '),
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

/** The server-side half: code exchange and refresh (scopes come back with the token). */
export function linkedInOAuth(o: {
  credentials?: AppCredentials;
  fetch?: FetchLike;
  config?: Partial<LinkedInConfig>;
}) {
  const cfg = linkedInConfig(o.config);
  const client = oauthClient(LINKEDIN, o);
  return {
    async exchangeCode(code: string, redirectUri: string): Promise<TokenGrant> {
      return linkedInGrant(
        await client.call(linkedInCodeExchangeRequest(cfg, client.credentials(), code, redirectUri)),
      );
    },
    async refresh(refreshToken: string): Promise<TokenGrant> {
      return linkedInGrant(await client.call(linkedInRefreshRequest(cfg, client.credentials(), refreshToken)));
    },
  };
}

/** Callback → token and the scopes LinkedIn reports with it. */
export async function connectLinkedIn(
  o: { credentials?: AppCredentials; fetch?: FetchLike; config?: Partial<LinkedInConfig> },
  input: CallbackInput,
) {
  const grant = await linkedInOAuth(o).exchangeCode(
    callbackValue(LINKEDIN, input.code),
    callbackValue(LINKEDIN, input.redirectUri),
  );
  return { grant, scopes: grant.scopes ?? [] };
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
