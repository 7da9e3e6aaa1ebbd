import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSyncRunner, type SyncRunner } from '../../../utils/sync/runner';
import type { StoredSyncState, TeamSyncStatus } from '../../../utils/sync/items';
import type { TeamConnection } from '../../../utils/team/connection';
import type { Draft, StoredRelease } from '../../../utils/contract/draft';
import { makeDraft, makeRelease, startTestServer, team, type Client, type TestServer } from '../../server/harness';
import { memoryArea, memoryItem } from '../memory-item';
import { createDraftsRepo, DRAFT_PREFIX, type DraftsRepo } from '../../../utils/editor/drafts-repo';
import { createReleasesRepo, RELEASE_PREFIX } from '../../../utils/editor/releases-repo';

/** The sync runner (local drafts ↔ SyncClient ↔ real server app on in-memory PGlite). */
let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const BASE = 'http://127.0.0.1:8787';
const appFetch: typeof fetch = async (input, init) =>
  s.app.request(String(input).replace(BASE, ''), init as RequestInit);

let seq = 0;
function teammate(
  who: Client,
  opts: {
    fetch?: typeof fetch;
    drafts?: Record<string, Draft>;
    releases?: Record<string, StoredRelease>;
    token?: string;
  } = {},
) {
  // This teammate's browser: its storage.local, the runner's repositories over it, and a second drafts
  // repository standing for the popup / workspace where the person types.
  const area = memoryArea();
  const drafts = createDraftsRepo(area);
  const releases = createReleasesRepo(area);
  const page = createDraftsRepo(area);
  void page.write(Object.values(opts.drafts ?? {}));
  void releases.write(Object.values(opts.releases ?? {}));
  const conn = memoryItem<TeamConnection | null>({
    serverUrl: BASE,
    token: opts.token ?? who.token,
    user: { id: who.userId, name: 'x', email: who.email },
    orgId: t.orgId,
    orgName: 'Acme',
  });
  const syncState = memoryItem<StoredSyncState<Draft> | null>(null);
  const releaseSyncState = memoryItem<StoredSyncState<StoredRelease> | null>(null);
  const status = memoryItem<TeamSyncStatus | null>(null);
  const runner = createSyncRunner({
    drafts,
    releases,
    team: conn,
    syncState,
    releaseSyncState,
    status,
    fetch: opts.fetch ?? appFetch,
    debounceMs: 10_000,
    client: {
      sleep: async () => {},
      backoff: { baseMs: 1, maxMs: 2, attempts: 2 },
      newId: () => `mut-${++seq}-${Math.random().toString(36).slice(2, 10)}`,
    },
  });
  return {
    page,
    conn,
    syncState,
    status,
    runner,
    /** What this teammate's browser holds now. */
    local: () => area.docs<Draft>(DRAFT_PREFIX),
    localReleases: () => area.docs<StoredRelease>(RELEASE_PREFIX),
  };
}

const serverCopy = async (id: string) =>
  (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts/${id}`)).json()) as { revision: number; draft: Draft };

/** A person edits a draft in the popup (another context than the runner's, same storage). */
async function edit(page: DraftsRepo, runner: SyncRunner, id: string, patch: Partial<Draft>) {
  const current = await page.get(id);
  await page.write([{ ...current!, ...patch } as Draft]);
  await runner.idle();
}

test('local drafts are pushed on start; a teammate pulls them into their local drafts', async () => {
  const a = teammate(t.editor, { drafts: { 'r-1': makeDraft({ id: 'r-1' }) } });
  await a.runner.start();
  expect(a.status.value).toMatchObject({ state: 'synced', pending: 0, conflicts: [] });
  expect((await serverCopy('r-1')).draft.headline).toBe('Acme launches');

  const b = teammate(t.owner);
  await b.runner.start();
  expect(b.local()['r-1']?.headline).toBe('Acme launches');
  a.runner.stop();
  b.runner.stop();
});

test('a local edit goes to the outbox at once (pending) and reaches the server on the next sync', async () => {
  const a = teammate(t.editor, { drafts: { 'r-2': makeDraft({ id: 'r-2' }) } });
  await a.runner.start();
  await edit(a.page, a.runner, 'r-2', { headline: 'Edited offline-first' });
  expect(a.status.value?.state).toBe('pending');
  expect(a.syncState.value?.state.outbox).toHaveLength(1);
  expect((await a.runner.syncNow()).state).toBe('synced');
  expect((await serverCopy('r-2')).draft.headline).toBe('Edited offline-first');
  a.runner.stop();
});

test('offline: status says so, nothing is lost, and the next sync delivers', async () => {
  let down = true;
  const flaky: typeof fetch = async (input, init) => {
    if (down) throw new TypeError('Failed to fetch');
    return appFetch(input, init);
  };
  const a = teammate(t.editor, {
    fetch: flaky,
    drafts: { 'r-3': makeDraft({ id: 'r-3', headline: 'Written offline' }) },
  });
  await a.runner.start();
  expect(a.status.value).toMatchObject({ state: 'offline', pending: 1 });
  expect(a.status.value?.message).toMatch(/Cannot reach/);
  down = false;
  expect((await a.runner.syncNow()).state).toBe('synced');
  expect((await serverCopy('r-3')).draft.headline).toBe('Written offline');
  a.runner.stop();
});

test('a pulled change never overwrites a local unsynced edit; different fields merge', async () => {
  const a = teammate(t.editor, { drafts: { 'r-4': makeDraft({ id: 'r-4' }) } });
  await a.runner.start();
  const b = teammate(t.owner);
  await b.runner.start();
  await edit(b.page, b.runner, 'r-4', { description: 'Owner description' });
  await b.runner.syncNow();
  await edit(a.page, a.runner, 'r-4', { headline: 'Editor headline' });
  expect((await a.runner.syncNow()).state).toBe('synced');
  expect(a.local()['r-4']).toMatchObject({ headline: 'Editor headline', description: 'Owner description' });
  await b.runner.syncNow();
  expect(b.local()['r-4']).toMatchObject({ headline: 'Editor headline', description: 'Owner description' });
  a.runner.stop();
  b.runner.stop();
});

describe('the same field edited by two teammates', () => {
  test('becomes a conflict with both versions; keep mine pushes mine, nothing lost', async () => {
    const a = teammate(t.editor, { drafts: { 'r-5': makeDraft({ id: 'r-5' }) } });
    await a.runner.start();
    const b = teammate(t.owner);
    await b.runner.start();
    await edit(a.page, a.runner, 'r-5', { headline: 'Editor says' });
    await edit(b.page, b.runner, 'r-5', { headline: 'Owner says', cta: 'SIGN_UP' });
    await a.runner.syncNow();
    const st = await b.runner.syncNow();
    expect(st.state).toBe('conflict');
    const c = st.conflicts[0]!;
    expect(c.clashes.map((x) => [x.path, x.local, x.server])).toEqual([['headline', 'Owner says', 'Editor says']]);
    // Local copy keeps the owner's edit while the conflict is open; the server keeps the editor's.
    expect(b.local()['r-5']?.headline).toBe('Owner says');
    expect((await serverCopy('r-5')).draft.headline).toBe('Editor says');
    // Typing on while the conflict is open is held locally, not pushed over the editor's copy.
    await edit(b.page, b.runner, 'r-5', { description: 'typed during conflict' });
    await b.runner.syncNow();
    expect((await serverCopy('r-5')).draft.headline).toBe('Editor says');

    const after = await b.runner.resolve(c.id, { headline: 'Owner says' });
    expect(after.conflicts).toEqual([]);
    expect((await b.runner.syncNow()).state).toBe('synced');
    expect((await serverCopy('r-5')).draft).toMatchObject({
      headline: 'Owner says',
      cta: 'SIGN_UP',
      description: 'typed during conflict',
    });
    expect(b.local()['r-5']).toMatchObject({ headline: 'Owner says', description: 'typed during conflict' });
    await a.runner.syncNow();
    expect(a.local()['r-5']).toMatchObject({ headline: 'Owner says', cta: 'SIGN_UP' });
    a.runner.stop();
    b.runner.stop();
  });

  test('keep theirs (discard) writes the server version locally', async () => {
    const a = teammate(t.editor, { drafts: { 'r-6': makeDraft({ id: 'r-6' }) } });
    await a.runner.start();
    const b = teammate(t.owner);
    await b.runner.start();
    await edit(a.page, a.runner, 'r-6', { headline: 'Editor wins' });
    await edit(b.page, b.runner, 'r-6', { headline: 'Owner loses' });
    await a.runner.syncNow();
    const st = await b.runner.syncNow();
    expect(st.state).toBe('conflict');
    await b.runner.resolve(st.conflicts[0]!.id, { headline: 'Editor wins' });
    expect((await b.runner.syncNow()).state).toBe('synced');
    expect(b.local()['r-6']?.headline).toBe('Editor wins');
    a.runner.stop();
    b.runner.stop();
  });
});

test('deleting a draft locally deletes it for the team', async () => {
  const a = teammate(t.editor, { drafts: { 'r-7': makeDraft({ id: 'r-7' }) } });
  await a.runner.start();
  const b = teammate(t.owner);
  await b.runner.start();
  expect(b.local()['r-7']).toBeDefined();
  await a.page.remove(['r-7']);
  await a.runner.idle();
  await a.runner.syncNow();
  await b.runner.syncNow();
  expect(b.local()['r-7']).toBeUndefined();
  a.runner.stop();
  b.runner.stop();
});

test('signed out or no organisation: status off, nothing sent', async () => {
  let calls = 0;
  const counting: typeof fetch = async (i, init) => {
    calls++;
    return appFetch(i, init);
  };
  const a = teammate(t.editor, { fetch: counting, drafts: { 'r-8': makeDraft({ id: 'r-8' }) } });
  await a.conn.setValue(null);
  await a.runner.start();
  expect(a.status.value?.state).toBe('off');
  expect(calls).toBe(0);
  // Choosing an organisation starts syncing.
  await a.conn.setValue({
    serverUrl: BASE,
    token: t.editor.token,
    user: { id: t.editor.userId, name: 'x', email: t.editor.email },
    orgId: t.orgId,
    orgName: 'Acme',
  });
  await a.runner.idle();
  expect(a.status.value?.state).toBe('synced');
  expect((await serverCopy('r-8')).revision).toBeGreaterThan(0);
  a.runner.stop();
});

test('boosted releases are shared: a teammate gets the release with its drafts; a local one is never replaced', async () => {
  const rel = makeRelease('rel-shared', 'Shared release headline');
  const a = teammate(t.editor, {
    drafts: { 'r-9': makeDraft({ id: 'r-9', releaseId: 'rel-shared' }) },
    releases: { 'rel-shared': rel },
  });
  await a.runner.start();
  expect(
    (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/releases/rel-shared`)).json()).release.release.headline,
  ).toBe('Shared release headline');
  const mine = makeRelease('rel-shared', 'My local correction');
  const b = teammate(t.owner);
  const c = teammate(t.reviewer, { releases: { 'rel-shared': mine } });
  await b.runner.start();
  await c.runner.start();
  expect(b.localReleases()['rel-shared']?.release.headline).toBe('Shared release headline');
  expect(b.local()['r-9']?.releaseId).toBe('rel-shared');
  expect(c.localReleases()['rel-shared']?.release.headline).toBe('My local correction');
  a.runner.stop();
  b.runner.stop();
  c.runner.stop();
});

test('an ended session says "sign in again", not just offline, and keeps the edit', async () => {
  const a = teammate(t.editor, { token: 'expired-token', drafts: { 'r-10': makeDraft({ id: 'r-10' }) } });
  await a.runner.start();
  expect(a.status.value).toMatchObject({ state: 'offline', pending: 1 });
  expect(a.status.value?.message).toMatch(/sign in again/);
  a.runner.stop();
});
