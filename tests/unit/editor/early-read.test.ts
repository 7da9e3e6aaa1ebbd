import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  changedSinceEarlyRead,
  endEarlyRead,
  POPUP_FIRST_PAINT,
  readEarly,
  startEarlyRead,
  tabIdFromQuery,
} from '@/utils/editor/early-read';
import { createDraftsStore, draftsOf } from '@/utils/editor/store';
import { useTabRelease } from '@/utils/release/tab-store';
import { draftsItem, kitItem, tabReleasesItem, VERSIONS } from '@/utils/storage';
import { boostRelease } from '@/utils/boost/boost';
import { now, release } from './fixtures';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('the popup’s early read', () => {
  beforeEach(() => {
    storage.unwatch();
    fakeBrowser.reset();
  });
  afterEach(() => endEarlyRead());

  it('answers from the snapshot taken at start, with the item’s fallback for what is not stored', async () => {
    await draftsItem.setValue({});
    startEarlyRead(POPUP_FIRST_PAINT, '');
    await storage.setItem('local:drafts', { later: true }); // after the snapshot was asked for
    const drafts = await readEarly(draftsItem, VERSIONS.drafts);
    expect(drafts).toEqual({ value: {}, early: true });
    const kit = await readEarly(kitItem, VERSIONS.kit);
    expect(kit).toEqual({ value: null, early: true });
  });

  it('is not used without a start, nor for a stored version other than the build’s', async () => {
    await kitItem.setValue(null);
    expect((await readEarly(kitItem, VERSIONS.kit)).early).toBe(false);
    await storage.setMeta('local:kit', { v: 2 });
    startEarlyRead(POPUP_FIRST_PAINT, '');
    expect((await readEarly(kitItem, VERSIONS.kit)).early).toBe(false);
  });

  it('notes writes made after it began, and stops noting when ended', async () => {
    startEarlyRead(POPUP_FIRST_PAINT, '');
    expect(changedSinceEarlyRead(draftsItem)).toBe(false);
    await draftsItem.setValue({});
    await tick();
    expect(changedSinceEarlyRead(draftsItem)).toBe(true);
    expect(changedSinceEarlyRead(kitItem)).toBe(false);
    endEarlyRead();
    await kitItem.setValue(null);
    await tick();
    expect(changedSinceEarlyRead(kitItem)).toBe(false);
  });

  it('takes the tab from ?tabId= or else asks for the active tab', () => {
    expect(tabIdFromQuery('?tabId=42')).toBe(42);
    expect(tabIdFromQuery('?tabId=0')).toBeNull();
    expect(tabIdFromQuery('?tabId=x')).toBeNull();
    expect(tabIdFromQuery('')).toBeNull();
  });

  it('never loses a draft written between the early read and the store’s watch', async () => {
    const id = await boostRelease(release, null, now());
    startEarlyRead(POPUP_FIRST_PAINT, '');
    // Another context (the workspace, sync) edits a draft right after the snapshot was taken.
    const all = await draftsItem.getValue();
    const target = draftsOf(all, id, 'meta')[0]!;
    await draftsItem.setValue({ ...all, [target.id]: { ...target, headline: 'Edited elsewhere' } });
    const store = createDraftsStore({ now, listen: false });
    await store.getState().hydrate();
    await expect.poll(() => store.getState().drafts[target.id]?.headline).toBe('Edited elsewhere');
  });

  it('shows a release detected between the early read and the popup’s watch', async () => {
    startEarlyRead(POPUP_FIRST_PAINT, '?tabId=7');
    await tabReleasesItem.setValue({ 7: { release, detectedAt: now().getTime() } });
    await useTabRelease.getState().hydrate(7);
    await expect.poll(() => useTabRelease.getState().current?.release.headline).toBe(release.headline);
  });
});
