import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SyncClient } from '../../../utils/sync/client';
import { draftsResource } from '../../../utils/sync/resources';
import { memoryStorage } from '../../../utils/sync/state';
import type { SyncStorage } from '../../../utils/sync/state';
import type { Draft } from '../../../utils/contract/draft';
import { makeDraft, startTestServer, team, type Client, type TestServer } from '../../server/harness';

/** The sync client against the real server app (in-memory PGlite), through an app.request-backed fetch. */
let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
}, 120_000);
afterAll(async () => {
  await s.close();
});

const appFetch: typeof fetch = async (input, init) => s.app.request(String(input), init as RequestInit);

/** Queue a draft edit (the client is generic: documents are saved under their id). */
const save = (c: SyncClient<Draft>, d: Draft) => c.save(d.id, d);

function client(who: Client, opts: { fetch?: typeof fetch; storage?: SyncStorage<Draft>; sleeps?: number[] } = {}) {
  let n = 0;
  return new SyncClient<Draft>({
    resource: draftsResource,
    baseUrl: 'http://127.0.0.1:8787',
    orgId: t.orgId,
    storage: opts.storage ?? memoryStorage<Draft>(),
    fetch: opts.fetch ?? appFetch,
    getToken: () => who.token,
    sleep: async (ms) => {
      opts.sleeps?.push(ms);
    },
    random: () => 0.5,
    newId: () => `id-${who.userId.slice(0, 8)}-${++n}-${Math.random().toString(36).slice(2, 10)}`,
    backoff: { baseMs: 100, maxMs: 1000, attempts: 4 },
  });
}

const serverCopy = async (id: string) =>
  (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts/${id}`)).json()) as { revision: number; draft: Draft };

test('offline edits wait in the persisted outbox and go out with backoff once the server answers', async () => {
  let down = 3;
  const sleeps: number[] = [];
  const flaky: typeof fetch = async (input, init) => {
    if (down-- > 0) throw new TypeError('Failed to fetch');
    return appFetch(input, init);
  };
  const storage = memoryStorage<Draft>();
  const a = client(t.editor, { fetch: flaky, storage, sleeps });
  await save(a, makeDraft({ id: 'offline-1' }));
  expect(storage.saved?.outbox).toHaveLength(1); // persisted before any network
  expect(await a.flush()).toBe('synced');
  expect(sleeps).toEqual([50, 100, 200]); // full jitter at random()=0.5: half of 100·2^n
  expect((await serverCopy('offline-1')).draft.headline).toBe('Acme launches');
});

test('after too many failures the status is offline and nothing is lost; a new client instance resumes from storage', async () => {
  const storage = memoryStorage<Draft>();
  const dead: typeof fetch = async () => {
    throw new TypeError('offline');
  };
  const a = client(t.editor, { fetch: dead, storage });
  await save(a, makeDraft({ id: 'resume-1' }));
  expect(await a.flush()).toBe('offline');
  const b = client(t.editor, { storage }); // e.g. the browser restarted
  expect(await b.flush()).toBe('synced');
  expect((await serverCopy('resume-1')).revision).toBeGreaterThan(0);
});

test('a push whose reply was lost is retried with the same mutation id and applied once', async () => {
  let lose = true;
  const lossy: typeof fetch = async (input, init) => {
    const res = await appFetch(input, init);
    if (lose && String(input).endsWith('/drafts/batch')) {
      lose = false;
      throw new TypeError('connection reset');
    }
    return res;
  };
  const a = client(t.editor, { fetch: lossy });
  await save(a, makeDraft({ id: 'lost-reply' }));
  expect(await a.flush()).toBe('synced');
  const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity?limit=500`)).json()) as {
    items: { subjectId: string }[];
  };
  expect(log.items.filter((e) => e.subjectId === 'lost-reply')).toHaveLength(1);
});

describe('two teammates edit one draft', () => {
  test('different fields merge automatically', async () => {
    const a = client(t.editor);
    const b = client(t.owner);
    await save(a, makeDraft({ id: 'shared-1' }));
    await a.sync();
    await b.sync();
    const base = (await b.view('shared-1'))!;
    await save(a, { ...base, headline: 'Editor headline' } as Draft);
    await save(b, { ...base, primaryText: 'Owner text' } as Draft);
    expect(await a.sync()).toBe('synced');
    expect(await b.sync()).toBe('synced'); // 409 → merged → pushed again
    const final = await serverCopy('shared-1');
    expect(final.draft).toMatchObject({ headline: 'Editor headline', primaryText: 'Owner text' });
  });

  test('the same field becomes a conflict with both versions; resolving pushes the choice', async () => {
    const a = client(t.editor);
    const b = client(t.owner);
    await save(a, makeDraft({ id: 'shared-2' }));
    await a.sync();
    await b.sync();
    const base = (await b.view('shared-2'))!;
    await save(a, { ...base, headline: 'Editor says', description: 'editor desc' } as Draft);
    await save(b, { ...base, headline: 'Owner says', cta: 'SIGN_UP' } as Draft);
    await a.sync();
    expect(await b.sync()).toBe('conflict');
    const state = await b.snapshot();
    const c = state.conflicts[0]!;
    expect(c.clashes).toEqual([{ path: 'headline', base: base.headline, local: 'Owner says', server: 'Editor says' }]);
    expect(c.local?.headline).toBe('Owner says');
    expect(c.server?.doc.headline).toBe('Editor says');
    // Nothing was overwritten on the server.
    expect((await serverCopy('shared-2')).draft.headline).toBe('Editor says');
    await b.resolve(c.id, { headline: 'Owner says' });
    expect(await b.sync()).toBe('synced');
    expect((await serverCopy('shared-2')).draft).toMatchObject({
      headline: 'Owner says',
      description: 'editor desc',
      cta: 'SIGN_UP',
    });
  });

  test('an edit to an approved draft is parked as a locked conflict, not dropped', async () => {
    const a = client(t.editor);
    await save(a, makeDraft({ id: 'locked-1' }));
    await a.sync();
    const requested = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/locked-1/review`, { action: 'request' });
    const { revision } = (await requested.json()) as { revision: number };
    await t.reviewer.req('POST', `/api/orgs/${t.orgId}/drafts/locked-1/review`, { action: 'approve', revision });
    await a.pull();
    const cur = (await a.view('locked-1'))!;
    await save(a, { ...cur, headline: 'late edit' } as Draft);
    expect(await a.sync()).toBe('conflict');
    const state = await a.snapshot();
    expect(state.conflicts[0]).toMatchObject({
      reason: 'locked',
      local: expect.objectContaining({ headline: 'late edit' }),
    });
  });
});

test('a long outbox goes out in batches of at most 100, each draft in order', async () => {
  const calls: number[] = [];
  const counting: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/drafts/batch'))
      calls.push((JSON.parse(String(init?.body)) as { mutations: unknown[] }).mutations.length);
    return appFetch(input, init);
  };
  const a = client(t.editor, { fetch: counting });
  for (let i = 0; i < 230; i++) await save(a, makeDraft({ id: `many-${i}` }));
  await a.flush(); // sends the first versions…
  await save(a, makeDraft({ id: 'many-0', headline: 'second edit' }));
  expect(await a.flush()).toBe('synced');
  expect(calls).toEqual([100, 100, 30, 1]);
  expect((await serverCopy('many-0')).draft.headline).toBe('second edit');
});

test('pull pages through everything since the cursor', async () => {
  const a = client(t.editor);
  for (let i = 0; i < 5; i++) await save(a, makeDraft({ id: `pulled-${i}` }));
  await a.flush();
  const fresh = new SyncClient<Draft>({
    resource: draftsResource,
    baseUrl: 'http://127.0.0.1:8787',
    orgId: t.orgId,
    storage: memoryStorage(),
    fetch: appFetch,
    getToken: () => t.reviewer.token,
    pageSize: 2,
  });
  expect(await fresh.pull()).toBe('synced');
  const state = await fresh.snapshot();
  for (let i = 0; i < 5; i++) expect(state.server[`pulled-${i}`]).toBeDefined();
  expect(state.cursor).toBeGreaterThan(0);
});

describe('one bad draft never wedges the sync', () => {
  /** A server that fails (500) every push carrying a headline with POISON in it, and answers everything else. */
  const poisoned =
    (opts: { down?: () => boolean; tooLargeAbove?: number } = {}): typeof fetch =>
    async (input, init) => {
      if (opts.down?.()) return new Response('down', { status: 503 });
      const body = typeof init?.body === 'string' ? init.body : '';
      if (String(input).endsWith('/drafts/batch')) {
        const n = (JSON.parse(body) as { mutations: unknown[] }).mutations.length;
        if (opts.tooLargeAbove && n > opts.tooLargeAbove) return Response.json({ error: 'too_large' }, { status: 413 });
        if (body.includes('POISON')) return new Response('internal error', { status: 500 });
      }
      return appFetch(input, init);
    };

  test('the draft the server keeps failing is parked with the reason; every other draft syncs', async () => {
    const a = client(t.editor, { fetch: poisoned() });
    for (let i = 0; i < 7; i++) await save(a, makeDraft({ id: `wedge-${i}` }));
    await save(a, makeDraft({ id: 'wedge-bad', headline: 'POISON headline' }));
    expect(await a.flush()).toBe('refused');
    const state = await a.snapshot();
    expect(state.outbox).toEqual([]);
    expect(state.conflicts).toHaveLength(1);
    expect(state.conflicts[0]).toMatchObject({ docId: 'wedge-bad', reason: 'rejected' });
    expect(state.conflicts[0]!.message).toMatch(/could not store it \(HTTP 500\)/);
    for (let i = 0; i < 7; i++) expect((await serverCopy(`wedge-${i}`)).revision).toBeGreaterThan(0);

    // Editing the parked draft is a new attempt, and this one the server takes.
    await save(a, makeDraft({ id: 'wedge-bad', headline: 'A fixed headline' }));
    expect((await a.snapshot()).conflicts).toEqual([]);
    expect(await a.flush()).toBe('synced');
    expect((await serverCopy('wedge-bad')).draft.headline).toBe('A fixed headline');
  });

  test('a server that fails everything (pulls too) is offline: nothing is parked, nothing lost', async () => {
    let down = true;
    const a = client(t.editor, { fetch: poisoned({ down: () => down }) });
    await save(a, makeDraft({ id: 'down-1' }));
    await save(a, makeDraft({ id: 'down-2' }));
    expect(await a.flush()).toBe('offline');
    const state = await a.snapshot();
    expect(state.conflicts).toEqual([]);
    expect(state.outbox.map((m) => m.docId)).toEqual(['down-1', 'down-2']);
    down = false;
    expect(await a.flush()).toBe('synced');
  });

  test('a batch refused for its size (413) is split until each part fits', async () => {
    const a = client(t.editor, { fetch: poisoned({ tooLargeAbove: 3 }) });
    for (let i = 0; i < 10; i++) await save(a, makeDraft({ id: `big-${i}` }));
    expect(await a.flush()).toBe('synced');
    for (let i = 0; i < 10; i++) expect((await serverCopy(`big-${i}`)).revision).toBeGreaterThan(0);
  });
});
