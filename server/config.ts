import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RATE_LIMITS } from './lib/rate-limit.ts';
import type { Platform } from '../utils/contract/draft.ts';
import {
  configFromEnv as platformConfigFromEnv,
  parseKey,
  PLATFORM_IDS,
  PLATFORMS,
  type AppCredentials,
  type PlatformConfigs,
} from './platforms/index.ts';

/** What the team server needs to connect and send to Meta and LinkedIn: each platform's config by id, and: */
export type PlatformServerConfig = PlatformConfigs & {
  /** App credentials from the environment; a platform without them cannot be connected (501). */
  credentials: Partial<Record<Platform, AppCredentials>>;
  /** AES-256-GCM key that seals platform tokens at rest (WIREBOOST_TOKEN_KEY). */
  tokenKey: Buffer;
};

/** Just the platforms' configs (hosts and versions), without the secrets next to them. */
export function platformConfigs(cfg: PlatformServerConfig): PlatformConfigs {
  const { credentials: _credentials, tokenKey: _tokenKey, ...configs } = cfg;
  return configs;
}

/** Everything the server reads from the environment, in one place. */
export interface ServerConfig {
  /** Public base URL of this server (used in reviewer links and better-auth's baseURL). */
  publicUrl: string;
  authSecret: string;
  reviewLinkSecret: string;
  /** Exact extension origins allowed by CORS, e.g. chrome-extension://abcdef…, moz-extension://uuid. */
  extensionOrigins: string[];
  /** Dev only: accept any chrome-extension:// or moz-extension:// origin (unpacked ids change). */
  allowAnyExtensionOrigin: boolean;
  /** Firefox add-on ids whose OAuth redirect URI is accepted (WIREBOOST_FIREFOX_ADDON_IDS; lib/origins.ts). */
  firefoxAddonIds?: string[];
  /**
   * Rate limiting on /api/auth/* (database-backed so several instances share counts): better-auth's per
   * address, and the server's per-account sign-in limit (server/lib/rate-limit.ts).
   */
  authRateLimit: { enabled: boolean; window: number; max: number };
  /**
   * Reverse proxies (addresses or CIDR prefixes) whose X-Forwarded-For names the client
   * (WIREBOOST_TRUST_PROXY). Unset: the socket's peer is the client, and the header is ignored.
   */
  trustedProxies?: string[];
  /** Failed sign-ins per account (default RATE_LIMITS.signInAccount; WIREBOOST_SIGNIN_ACCOUNT_MAX / _WINDOW). */
  signInAccountLimit?: { window: number; max: number };
  reviewLinkDefaultHours: number;
  platforms: PlatformServerConfig;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Secrets come from the environment. In development (NODE_ENV !== 'production') a missing secret is
 * generated once and kept in <dataDir>/secrets.json (git-ignored) so sessions and links survive restarts;
 * in production a missing secret is an error.
 */
function secret(
  env: NodeJS.ProcessEnv,
  name: string,
  dataDir: string,
  valid = (v: string) => v.length >= 32,
  rule = 'at least 32 characters',
): string {
  const fromEnv = env[name];
  if (fromEnv && valid(fromEnv)) return fromEnv;
  if (fromEnv) throw new Error(`${name} must be ${rule}`);
  if (env.NODE_ENV === 'production') throw new Error(`${name} is required in production`);
  const file = join(dataDir, 'secrets.json');
  mkdirSync(dataDir, { recursive: true });
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored[name]) {
    stored[name] = randomBytes(32).toString('base64url');
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    console.warn(`[wireboost] ${name} not set: generated a development secret in ${file}. Set it in production.`);
  }
  return stored[name]!;
}

export function configFromEnv(env: NodeJS.ProcessEnv, dataDir: string): ServerConfig {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  const host = env.HOST ?? DEFAULT_HOST;
  return {
    publicUrl: env.WIREBOOST_PUBLIC_URL ?? `http://${host}:${port}`,
    authSecret: secret(env, 'BETTER_AUTH_SECRET', dataDir),
    reviewLinkSecret: secret(env, 'REVIEW_LINK_SECRET', dataDir),
    extensionOrigins: splitList(env.WIREBOOST_EXTENSION_ORIGINS),
    allowAnyExtensionOrigin: env.WIREBOOST_DEV_ANY_EXTENSION === '1',
    ...(env.WIREBOOST_FIREFOX_ADDON_IDS ? { firefoxAddonIds: splitList(env.WIREBOOST_FIREFOX_ADDON_IDS) } : {}),
    authRateLimit: {
      enabled: env.WIREBOOST_AUTH_RATE_LIMIT !== '0',
      window: Number(env.WIREBOOST_AUTH_RATE_WINDOW ?? 60),
      max: Number(env.WIREBOOST_AUTH_RATE_MAX ?? 30),
    },
    trustedProxies: splitList(env.WIREBOOST_TRUST_PROXY),
    signInAccountLimit: {
      window: Number(env.WIREBOOST_SIGNIN_ACCOUNT_WINDOW ?? RATE_LIMITS.signInAccount.window),
      max: Number(env.WIREBOOST_SIGNIN_ACCOUNT_MAX ?? RATE_LIMITS.signInAccount.max),
    },
    reviewLinkDefaultHours: 72,
    platforms: platformsFromEnv(env, dataDir),
  };
}

/**
 * Each platform's app credentials (its profile's credentialsEnv: META_APP_ID / META_APP_SECRET,
 * LINKEDIN_CLIENT_ID / LINKEDIN_CLIENT_SECRET), the versions and hosts of
 * server/platforms/config.ts (META_GRAPH_VERSION, LINKEDIN_VERSION, …) and WIREBOOST_TOKEN_KEY (32 bytes,
 * base64 or hex; generated into <dataDir>/secrets.json in development like the other secrets).
 */
export function platformsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): PlatformServerConfig {
  const app = (id: string | undefined, secretValue: string | undefined): AppCredentials | undefined =>
    id && secretValue ? { clientId: id, clientSecret: secretValue } : undefined;
  const isKey = (v: string) => {
    try {
      parseKey(v);
      return true;
    } catch {
      return false;
    }
  };
  const raw = secret(env, 'WIREBOOST_TOKEN_KEY', dataDir, isKey, '32 bytes as base64 or hex (openssl rand -base64 32)');
  const credentials = Object.fromEntries(
    PLATFORM_IDS.map((p) => [
      p,
      app(env[PLATFORMS[p].credentialsEnv.clientId], env[PLATFORMS[p].credentialsEnv.clientSecret]),
    ]),
  );
  return { ...platformConfigFromEnv(env), credentials, tokenKey: parseKey(raw) };
}
