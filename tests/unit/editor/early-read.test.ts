import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  changedSinceEarlyRead,
  endEarlyRead,
  earlyRecords,
  POPUP_FIRST_PAINT,
  POPUP_FIRST_PAINT_RECORDS,
  readEarly,
  startEarlyRead,
  tabIdFromQuery,
} from '@/utils/editor/early-read';
import { createDraftsStore, draftsOf } from '@/utils/editor/store';
import { useTabRelease } from '@/utils/release/tab-store';
import { kitItem, KIT_VERSION } from '@/utils/kit/items';
import { createDraftsRepo } from '@/utils/editor/drafts-repo';
import { tabReleasesItem } from '@/utils/release/tab-state';
import { boostHere, now, release } from './fixtures';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('the popup’s early read', () => {
  beforeEach(() => {
    storage.unwatch();
    fakeBrowser.reset();
  });
  afterEach(() => endEarlyRead());

  it('answers from the snapshot taken at start, with the item’s fallback for what is not stored', async () => {
    const id = await boostHere();
    startEarlyRead(POPUP_FIRST_PAINT, '', POPUP_FIRST_PAINT_RECORDS);
    await storage.setItem('local:kit', { later: true }); // after the snapshot was asked for
    const kit = await readEarly(kitItem, KIT_VERSION);
    expect(kit).toEqual({ value: null, early: true });
    // Every draft and release record is in the snapshot, under its own key.
    const snapshot = (await earlyRecords())!;
    const drafts = createDraftsRepo().adopt(snapshot);
    expect(Object.values(drafts).filter((d) => d.releaseId === id).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(snapshot).some((k) => k === `release:${id}`)).toBe(true);
  });

  it('is not used without a start, nor for a stored version other than the build’s', async () => {
    await kitItem.setValue(null);
    expect((await readEarly(kitItem, KIT_VERSION)).early).toBe(false);
    await storage.setMeta('local:kit', { v: 2 });
    startEarlyRead(POPUP_FIRST_PAINT, '');
    expect((await readEarly(kitItem, KIT_VERSION)).early).toBe(false);
  });

  it('notes writes made after it began, and stops noting when ended', async () => {
    startEarlyRead(POPUP_FIRST_PAINT, '', POPUP_FIRST_PAINT_RECORDS);
    expect(changedSinceEarlyRead('local:draft:', true)).toBe(false);
    await boostHere();
    await tick();
    expect(changedSinceEarlyRead('local:draft:', true)).toBe(true);
    expect(changedSinceEarlyRead(kitItem.key)).toBe(false);
    endEarlyRead();
    await kitItem.setValue(null);
    await tick();
    expect(changedSinceEarlyRead(kitItem.key)).toBe(false);
  });

  it('takes the tab from ?tabId= or else asks for the active tab', () => {
    expect(tabIdFromQuery('?tabId=42')).toBe(42);
    expect(tabIdFromQuery('?tabId=0')).toBeNull();
    expect(tabIdFromQuery('?tabId=x')).toBeNull();
    expect(tabIdFromQuery('')).toBeNull();
  });

  it('never loses a draft written between the early read and the store’s watch', async () => {
    const id = await boostHere();
    startEarlyRead(POPUP_FIRST_PAINT, '', POPUP_FIRST_PAINT_RECORDS);
    // Another context (the workspace, sync) edits a draft right after the snapshot was taken.
    const elsewhere = createDraftsRepo();
    const target = draftsOf(await elsewhere.all(), id, 'meta')[0]!;
    await elsewhere.write([{ ...target, headline: 'Edited elsewhere' }]);
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
