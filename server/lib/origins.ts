import { createHash } from 'node:crypto';
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

/** wxt.config.ts's browser_specific_settings.gecko.id: the Firefox build's add-on id. */
export const DEFAULT_FIREFOX_ADDON_IDS = ['wireboost@wireboost.app'];

/**
 * The OAuth redirect URIs of the extension itself, the only ones a connect may use: what
 * browser.identity.getRedirectURL() returns, a host only that browser intercepts for that extension.
 * Chrome: https://<extension id>.chromiumapp.org/ for each configured chrome-extension:// origin.
 * Firefox: https://<SHA-1 of the add-on id, hex>.extensions.allizom.org/ (the moz-extension:// origin is
 * a per-install UUID, so the add-on id comes from WIREBOOST_FIREFOX_ADDON_IDS, default the project's).
 * With WIREBOOST_DEV_ANY_EXTENSION=1, any such host (unpacked builds change ids). Any path below them.
 */
export function isExtensionRedirect(config: ServerConfig, uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.port || url.username || url.password) return false;
  const chrome = /^([a-p]{32})\.chromiumapp\.org$/.exec(url.hostname);
  if (chrome) {
    return config.allowAnyExtensionOrigin || config.extensionOrigins.includes(`chrome-extension://${chrome[1]}`);
  }
  const firefox = /^([0-9a-f]{40})\.extensions\.allizom\.org$/.exec(url.hostname);
  if (firefox) {
    if (config.allowAnyExtensionOrigin) return true;
    const ids = config.firefoxAddonIds ?? DEFAULT_FIREFOX_ADDON_IDS;
    return ids.some((id) => createHash('sha1').update(id).digest('hex') === firefox[1]);
  }
  return false;
}
