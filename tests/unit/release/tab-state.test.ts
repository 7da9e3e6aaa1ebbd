import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabState } from '@/utils/release/tab-state';
import { tabReleasesItem } from '@/utils/release/tab-state';
import { emptyRelease } from '@/utils/release/empty';

const release = (headline: string) => ({
  ...emptyRelease('https://www.prnewswire.com/x.html'),
  isRelease: true,
  headline,
});

describe('per-tab release state', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a release per tab in session storage', async () => {
    const tabs = createTabState(tabReleasesItem, () => 1000);
    await tabs.set(7, release('A'));
    await tabs.set(9, release('B'));
    expect((await tabs.get(7))?.release.headline).toBe('A');
    expect((await tabs.get(9))?.detectedAt).toBe(1000);
    expect(await tabs.get(8)).toBeNull();
  });

  it('survives a restarted service worker: a fresh instance reads the same storage', async () => {
    await createTabState(tabReleasesItem).set(3, release('Persisted'));
    const restarted = createTabState(tabReleasesItem);
    expect((await restarted.get(3))?.release.headline).toBe('Persisted');
    expect(await fakeBrowser.storage.session.get('tabReleases')).toHaveProperty('tabReleases.3');
  });

  it('clears one tab without touching the others', async () => {
    const tabs = createTabState(tabReleasesItem);
    await tabs.set(1, release('one'));
    await tabs.set(2, release('two'));
    expect(await tabs.clear(1)).toBe(true);
    expect(await tabs.clear(1)).toBe(false);
    expect(await tabs.get(1)).toBeNull();
    expect((await tabs.get(2))?.release.headline).toBe('two');
  });
});
