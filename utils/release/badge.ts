import { browser } from 'wxt/browser';

/** The toolbar badge: a short mark on tabs showing a release, nothing elsewhere. */
export const BADGE = { text: 'PR', color: '#0a7d4f' } as const;

export async function showReleaseBadge(tabId: number, isRelease: boolean): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: isRelease ? BADGE.text : '' });
  if (isRelease) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE.color });
}
