import type { ServerConfig } from '../config.ts';

/**
 * CORS and better-auth's trusted origins come from one list: the configured extension origins, the
 * server's own origin (the reviewer page), and — only with WIREBOOST_DEV_ANY_EXTENSION=1 — any unpacked
 * extension (its id changes per machine during development).
 */
export function isAllowedOrigin(config: ServerConfig, origin: string): boolean {
  if (config.extensionOrigins.includes(origin)) return true;
  if (origin === new URL(config.publicUrl).origin) return true;
  if (config.allowAnyExtensionOrigin && /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) return true;
  return false;
}

export function allowedOriginPatterns(config: ServerConfig): string[] {
  const list = [new URL(config.publicUrl).origin, ...config.extensionOrigins];
  if (config.allowAnyExtensionOrigin) list.push('chrome-extension://*', 'moz-extension://*');
  return list;
}
