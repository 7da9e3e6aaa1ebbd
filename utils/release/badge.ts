import { browser } from 'wxt/browser';

/** The toolbar badge: a short mark on tabs showing a release, nothing elsewhere. */
export const BADGE = { text: 'PR', color: '#0a7d4f' } as const;

/**
 * The toolbar icon has two states, as React DevTools does: a grey mark at rest, the full-colour mark on a
 * tab where a release was found, so the state reads even where the badge is hidden (overflow menus).
 * The PNGs are rendered by `npm run icons` (scripts/icons.ts) from docs/store/icon.svg into public/.
 */
export type IconState = 'idle' | 'found';
export const ICON_SIZES = [16, 32, 48, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];
export const ICON_DIRS: Record<IconState, string> = { found: 'icon', idle: 'icon-idle' };

/** `{ 16: 'icon-idle/16.png', … }`: the manifest's `icons` / `action.default_icon` and `action.setIcon`'s `path`. */
export function iconPaths(state: IconState): Record<IconSize, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [size, `${ICON_DIRS[state]}/${size}.png`])) as Record<
    IconSize,
    string
  >;
}

export async function showReleaseBadge(tabId: number, isRelease: boolean): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: isRelease ? BADGE.text : '' });
  if (isRelease) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE.color });
  await browser.action.setIcon({ tabId, path: iconPaths(isRelease ? 'found' : 'idle') });
}
