import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  /** better-auth rate limiting on /api/auth/* (database-backed so several instances share counts). */
  authRateLimit: { enabled: boolean; window: number; max: number };
  reviewLinkDefaultHours: number;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

function splitList(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Secrets come from the environment. In development (NODE_ENV !== 'production') a missing secret is
 * generated once and kept in <dataDir>/secrets.json (git-ignored) so sessions and links survive restarts;
 * in production a missing secret is an error.
 */
function secret(env: NodeJS.ProcessEnv, name: string, dataDir: string): string {
  const fromEnv = env[name];
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  if (fromEnv) throw new Error(`${name} must be at least 32 characters`);
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
    authRateLimit: {
      enabled: env.WIREBOOST_AUTH_RATE_LIMIT !== '0',
      window: Number(env.WIREBOOST_AUTH_RATE_WINDOW ?? 60),
      max: Number(env.WIREBOOST_AUTH_RATE_MAX ?? 30),
    },
    reviewLinkDefaultHours: 72,
  };
}
