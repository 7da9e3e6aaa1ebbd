import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createDraftsStore, draftsOf } from '@/utils/editor/store';
import { draftsItem, releasesItem } from '@/utils/storage';
import { boostRelease } from '@/utils/boost/boost';
import { relink } from '@/utils/engine/utm';
import { now, release } from './fixtures';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('drafts store', () => {
  // reset() drops storage listeners; unwatch() lets the next store's watch register afresh.
  beforeEach(() => {
    storage.unwatch();
    fakeBrowser.reset();
  });

  it('is not hydrated until storage has been read, then holds what storage holds', async () => {
    const id = await boostRelease(release, null, now());
    const store = createDraftsStore({ now, listen: false });
    expect(store.getState().hydrated).toBe(false);
    await store.getState().hydrate();
    expect(store.getState().hydrated).toBe(true);
    expect(draftsOf(store.getState().drafts, id).length).toBeGreaterThanOrEqual(6);
    expect(store.getState().releases[id]?.release.headline).toBe(release.headline);
  });

  it('saves an edit to local storage within 300 ms', async () => {
    const id = await boostRelease(release, null, now());
    const store = createDraftsStore({ now, listen: false });
    await store.getState().hydrate();
    const draft = draftsOf(store.getState().drafts, id, 'meta')[0]!;
    store.getState().update(draft.id, { headline: 'Edited' });
    expect(store.getState().saveState).toBe('pending');
    await tick(300);
    expect((await draftsItem.getValue())[draft.id]?.headline).toBe('Edited');
    expect(store.getState().saveState).toBe('saved');
  });

  it('keeps the tagged URL in step with destination and UTM edits', async () => {
    const id = await boostRelease(release, null, now());
    const store = createDraftsStore({ now, listen: false });
    await store.getState().hydrate();
    const d = draftsOf(store.getState().drafts, id, 'linkedin')[0]!;
    // What the UTM editor does: the engine's relink computes the tagged url, the store saves the patch.
    const one = relink(d, { destination: 'https://acme.example/news?ref=x' });
    store.getState().update(d.id, { destination: one.destination, url: one.url });
    const two = relink(store.getState().drafts[d.id]!, { utm: { content: 'v2' } });
    store.getState().update(d.id, { utm: two.utm, url: two.url });
    const url = new URL(store.getState().drafts[d.id]!.url);
    expect(url.searchParams.get('ref')).toBe('x');
    expect(url.searchParams.get('utm_content')).toBe('v2');
    await store.getState().flush(); // no timer left to write into the next test
  });

  it('merges writes from another context without losing an edit not yet written', async () => {
    const id = await boostRelease(release, null, now());
    const popup = createDraftsStore({ now, listen: false, delayMs: 250 });
    const workspace = createDraftsStore({ now, listen: false, delayMs: 10 });
    await Promise.all([popup.getState().hydrate(), workspace.getState().hydrate()]);
    const [a, b] = draftsOf(popup.getState().drafts, id, 'meta');
    popup.getState().update(a!.id, { headline: 'Popup edit' }); // pending for 250 ms
    workspace.getState().update(b!.id, { headline: 'Workspace edit' }); // written in 10 ms
    await tick(60);
    // The workspace's write reached the popup by storage watching, and the popup's pending edit survived.
    expect(popup.getState().drafts[b!.id]?.headline).toBe('Workspace edit');
    expect(popup.getState().drafts[a!.id]?.headline).toBe('Popup edit');
    await tick(300);
    const stored = await draftsItem.getValue();
    expect(stored[a!.id]?.headline).toBe('Popup edit');
    expect(stored[b!.id]?.headline).toBe('Workspace edit');
    expect(workspace.getState().drafts[a!.id]?.headline).toBe('Popup edit');
  });

  it('duplicates and deletes variants, and the deletion is written', async () => {
    const id = await boostRelease(release, null, now());
    const store = createDraftsStore({ now, listen: false, delayMs: 5 });
    await store.getState().hydrate();
    const [first] = draftsOf(store.getState().drafts, id, 'meta');
    const copy = store.getState().duplicate(first!.id)!;
    expect(copy).not.toBe(first!.id);
    expect(store.getState().drafts[copy]?.headline).toBe(first!.headline);
    store.getState().remove(first!.id);
    await store.getState().flush();
    const stored = await draftsItem.getValue();
    expect(stored[first!.id]).toBeUndefined();
    expect(stored[copy]).toBeDefined();
  });

  it('boosting twice converges: same ids, user edits kept', async () => {
    const id = await boostRelease(release, null, now());
    const first = await draftsItem.getValue();
    const anyId = Object.keys(first)[0]!;
    await draftsItem.setValue({ ...first, [anyId]: { ...first[anyId]!, headline: 'Mine' } });
    expect(await boostRelease(release, null, now())).toBe(id);
    const again = await draftsItem.getValue();
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    expect(again[anyId]?.headline).toBe('Mine');
    expect(Object.keys(await releasesItem.getValue())).toEqual([id]);
  });

  it('survives a stale whole-record write from another context (e.g. the background boosting another release)', async () => {
    const id = await boostRelease(release, null, now());
    const stale = await draftsItem.getValue(); // what a slow writer read before the edit
    let t = Date.parse('2026-11-23T09:00:00Z');
    const store = createDraftsStore({ now: () => new Date((t += 1000)), listen: false, delayMs: 5 });
    await store.getState().hydrate();
    const d = draftsOf(store.getState().drafts, id, 'meta')[0]!;
    store.getState().update(d.id, { headline: 'Mine, written' });
    const copy = store.getState().duplicate(d.id)!;
    await store.getState().flush();
    expect((await draftsItem.getValue())[d.id]?.headline).toBe('Mine, written');
    await draftsItem.setValue(stale); // the stale writer lands
    await tick(50);
    const stored = await draftsItem.getValue();
    expect(stored[d.id]?.headline).toBe('Mine, written');
    expect(stored[copy]).toBeDefined();
  });
});
