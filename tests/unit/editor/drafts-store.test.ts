import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createDraftsStore, draftsOf } from '@/utils/editor/store';
import { createDraftsRepo, DRAFT_PREFIX, migrateLegacyDrafts } from '@/utils/editor/drafts-repo';
import { createReleasesRepo } from '@/utils/editor/releases-repo';
import type { StorageAreaLike } from '@/utils/editor/record-repo';
import type { Draft } from '@/utils/contract/draft';
import { relink } from '@/utils/engine/utm';
import { boostHere, now, release } from './fixtures';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const area = () => fakeBrowser.storage.local as unknown as StorageAreaLike;
/** What storage holds for a draft, read by another context. */
const stored = async (id: string) => createDraftsRepo().get(id);

describe('drafts store', () => {
  // reset() drops storage listeners; unwatch() lets the next store's watch register afresh.
  beforeEach(() => {
    storage.unwatch();
    fakeBrowser.reset();
  });

  it('is not hydrated until storage has been read, then holds what storage holds', async () => {
    const id = await boostHere();
    const store = createDraftsStore({ now, listen: false });
    expect(store.getState().hydrated).toBe(false);
    await store.getState().hydrate();
    expect(store.getState().hydrated).toBe(true);
    expect(draftsOf(store.getState().drafts, id).length).toBeGreaterThanOrEqual(6);
    expect(store.getState().releases[id]?.release.headline).toBe(release.headline);
  });

  it('keeps one storage key per draft', async () => {
    const id = await boostHere();
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(DRAFT_PREFIX));
    const store = createDraftsStore({ now, listen: false });
    await store.getState().hydrate();
    expect(keys.sort()).toEqual(
      draftsOf(store.getState().drafts, id)
        .map((d) => `${DRAFT_PREFIX}${d.id}`)
        .sort(),
    );
  });

  it('saves an edit to local storage within 300 ms', async () => {
    const id = await boostHere();
    const store = createDraftsStore({ now, listen: false });
    await store.getState().hydrate();
    const draft = draftsOf(store.getState().drafts, id, 'meta')[0]!;
    store.getState().update(draft.id, { headline: 'Edited' });
    expect(store.getState().saveState).toBe('pending');
    await tick(300);
    expect((await stored(draft.id))?.headline).toBe('Edited');
    expect(store.getState().saveState).toBe('saved');
  });

  it('keeps the tagged URL in step with destination and UTM edits', async () => {
    const id = await boostHere();
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

  it('two contexts editing different drafts: each write reaches the other, a pending edit survives', async () => {
    const id = await boostHere();
    const popup = createDraftsStore({ now, listen: false, delayMs: 250 });
    const workspace = createDraftsStore({ now, listen: false, delayMs: 10 });
    await Promise.all([popup.getState().hydrate(), workspace.getState().hydrate()]);
    const [a, b] = draftsOf(popup.getState().drafts, id, 'meta');
    popup.getState().update(a!.id, { headline: 'Popup edit' }); // pending for 250 ms
    workspace.getState().update(b!.id, { headline: 'Workspace edit' }); // written in 10 ms
    await tick(60);
    expect(popup.getState().drafts[b!.id]?.headline).toBe('Workspace edit');
    expect(popup.getState().drafts[a!.id]?.headline).toBe('Popup edit');
    await tick(300);
    expect((await stored(a!.id))?.headline).toBe('Popup edit');
    expect((await stored(b!.id))?.headline).toBe('Workspace edit');
    expect(workspace.getState().drafts[a!.id]?.headline).toBe('Popup edit');
  });

  it('two contexts editing different fields of one draft at once: both fields kept everywhere', async () => {
    const id = await boostHere();
    const popup = createDraftsStore({ now, listen: false, delayMs: 5 });
    const workspace = createDraftsStore({ now, listen: false, delayMs: 5 });
    await Promise.all([popup.getState().hydrate(), workspace.getState().hydrate()]);
    const d = draftsOf(popup.getState().drafts, id, 'meta')[0]!;
    // Both edit before either has seen the other's write.
    popup.getState().update(d.id, { headline: 'Popup headline' });
    workspace.getState().update(d.id, { description: 'Workspace description' });
    await Promise.all([popup.getState().flush(), workspace.getState().flush()]);
    await tick(30);
    const want = { headline: 'Popup headline', description: 'Workspace description' };
    expect(await stored(d.id)).toMatchObject(want);
    expect(popup.getState().drafts[d.id]).toMatchObject(want);
    expect(workspace.getState().drafts[d.id]).toMatchObject(want);
  });

  it('a blind write from a context that never saw an edit is merged, not taken whole', async () => {
    const id = await boostHere();
    const slow = createDraftsRepo(); // e.g. a page that read the draft a while ago
    const before = draftsOf(await slow.all(), id, 'meta')[0]!;
    const store = createDraftsStore({ now, listen: false, delayMs: 5 });
    await store.getState().hydrate();
    store.getState().update(before.id, { headline: 'Mine, written' });
    await store.getState().flush();
    await slow.write([{ ...before, cta: 'SIGN_UP' } as Draft]); // based on the version before my edit
    await tick(30);
    expect(await stored(before.id)).toMatchObject({ headline: 'Mine, written', cta: 'SIGN_UP' });
    expect(store.getState().drafts[before.id]).toMatchObject({ headline: 'Mine, written', cta: 'SIGN_UP' });
  });

  it('duplicates and deletes variants, and the deletion is written', async () => {
    const id = await boostHere();
    const store = createDraftsStore({ now, listen: false, delayMs: 5 });
    await store.getState().hydrate();
    const [first] = draftsOf(store.getState().drafts, id, 'meta');
    const copy = store.getState().duplicate(first!.id)!;
    expect(copy).not.toBe(first!.id);
    expect(store.getState().drafts[copy]?.headline).toBe(first!.headline);
    store.getState().remove(first!.id);
    await store.getState().flush();
    expect(await stored(first!.id)).toBeNull();
    expect(await stored(copy)).not.toBeNull();
  });

  it('boosting twice converges: same ids, user edits kept', async () => {
    const id = await boostHere();
    const repo = createDraftsRepo();
    const first = await repo.all();
    const anyId = Object.keys(first)[0]!;
    await repo.write([{ ...first[anyId]!, headline: 'Mine' }]);
    expect(await boostHere()).toBe(id);
    const again = await createDraftsRepo().all();
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    expect(again[anyId]?.headline).toBe('Mine');
    expect(Object.keys(await createReleasesRepo().all())).toEqual([id]);
  });

  it('drafts stored by the first versions (one map) move to one key each, edits intact', async () => {
    const id = await boostHere();
    const repo = createDraftsRepo();
    const drafts = await repo.all();
    const one = Object.values(drafts)[0]!;
    await repo.remove(Object.keys(drafts));
    await fakeBrowser.storage.local.set({ drafts: { ...drafts, [one.id]: { ...one, headline: 'Legacy edit' } } });
    expect(await migrateLegacyDrafts(createDraftsRepo(), area())).toBe(Object.keys(drafts).length);
    expect((await fakeBrowser.storage.local.get('drafts')).drafts).toBeUndefined();
    expect((await stored(one.id))?.headline).toBe('Legacy edit');
    expect(draftsOf(await createDraftsRepo().all(), id).length).toBe(Object.keys(drafts).length);
  });
});
