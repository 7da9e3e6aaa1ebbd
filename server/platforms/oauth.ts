import type { PlatformProfile } from './adapter.ts';
import { PlatformError } from './errors.ts';
import { send, type FetchLike, type PlatformRequest } from './http.ts';

/**
 * OAuth for the team server, the part every platform shares; each platform's URLs and exchanges are in its
 * folder (meta/oauth.ts, linkedin/oauth.ts). Secrets only ever appear in request builders that run on the
 * server (PLATFORMS.md: LinkedIn's code → token exchange and Meta's long-lived exchange need the secret).
 */
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

type Who = Pick<PlatformProfile, 'id' | 'label'>;

/** A platform's token endpoints, with the network injectable and failures in words ("Connecting Meta failed: …"). */
export function oauthClient(who: Who, o: { credentials?: AppCredentials; fetch?: FetchLike }) {
  const f: FetchLike = o.fetch ?? ((url, init) => fetch(url, init));
  return {
    credentials(): AppCredentials {
      if (!o.credentials) throw new Error(`${who.id} app credentials are not configured on the server`);
      return o.credentials;
    },
    async call(req: PlatformRequest, token?: string): Promise<Record<string, unknown>> {
      const res = await send(f, req, token);
      if (res.status >= 300) {
        const b = res.body as { error?: { message?: string } | string; error_description?: string };
        const why =
          b?.error_description ?? (typeof b?.error === 'string' ? b.error : b?.error?.message) ?? `HTTP ${res.status}`;
        throw new PlatformError(who.id, 'auth', `Connecting ${who.label} failed: ${why}`, { status: res.status });
      }
      return res.body as Record<string, unknown>;
    },
  };
}

/** The callback's code and redirect URI, which every code exchange needs. */
export function callbackValue(who: Who, v: string | undefined): string {
  if (!v) throw new PlatformError(who.id, 'invalid', 'code and redirectUri are required');
  return v;
}

export const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : undefined);

/** LinkedIn returns "rw_ads,w_organization_social"; some flows use spaces. Accept both. */
export function parseScopeList(scope: string): string[] {
  return scope.split(/[\s,]+/).filter(Boolean);
}
