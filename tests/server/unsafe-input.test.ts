import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMutations } from '../../server/lib/push.ts';
import type { Draft } from '../../utils/contract/draft.ts';
import type { PushOk } from '../../utils/contract/sync.ts';
import { makeDraft, makeRelease, push, signUp, startTestServer, team, type TestServer } from './harness.ts';

/** Issue 15, finding 2: input the database cannot hold is a 400 naming the field, never a 500. */
let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s, 'Unsafe');
});
afterAll(async () => {
  await s.close();
});

type Refusal = { error: string; message: string; field?: string };
/** Deep nesting as a marker JSON.stringify leaves alone; `send` swaps it for the nested text (JSON.stringify itself overflows). */
const DEEP = '@@deep@@';
const deep = (n: number) => `${DEEP}${n}`;
const deepText = (text: string) =>
  text.replace(new RegExp(`"${DEEP}(\\d+)"`, 'g'), (_, n) => `${'['.repeat(+n)}"bottom"${']'.repeat(+n)}`);
const send = (method: string, path: string, body: unknown) =>
  s.app.request(path, {
    method,
    headers: { authorization: `Bearer ${t.editor.token}`, 'content-type': 'application/json' },
    body: deepText(JSON.stringify(body)),
  });

describe('a draft the database cannot hold is a 400 naming the field', () => {
  test.each([
    ['a NUL character', { headline: 'before\u0000after' }, 'draft.headline'],
    ['a lone surrogate', { primaryText: 'broken \ud83d here' }, 'draft.primaryText'],
    [
      'a lone low surrogate in a UTM value',
      { utm: { source: '\udc00', medium: 'm', campaign: 'c', content: 'x' } },
      'draft.utm.source',
    ],
    ['deep nesting in an unknown field', { futureField: deep(10_000) }, 'draft.futureField'],
  ])('%s', async (_label, over, field) => {
    const d = { ...makeDraft({ id: `unsafe-${field}` }), ...over } as Draft;
    const res = await send('PUT', `/api/orgs/${t.orgId}/drafts/${d.id}`, {
      op: 'upsert',
      mutationId: `unsafe-${Math.random().toString(36).slice(2)}`,
      baseRevision: 0,
      draft: d,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Refusal;
    expect(body.error).toBe('invalid');
    expect(body.field?.startsWith(field)).toBe(true);
  });

  test('a NUL in a release field is a 400 naming it', async () => {
    const r = makeRelease('rel-nul', 'Acme\u0000launches');
    const res = await t.editor.req('PUT', `/api/orgs/${t.orgId}/releases/rel-nul`, { release: r });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).field).toBe('release.release.headline');
  });

  test('a NUL in a comment, a media-list name or the kit is a 400, not a 500', async () => {
    await push(t.editor, t.orgId, makeDraft({ id: 'commented' }), 0);
    const c = await t.editor.req('POST', `/api/orgs/${t.orgId}/comments`, { draftId: 'commented', body: 'a\u0000b' });
    expect(c.status).toBe(400);
    const kit = await t.owner.req('PUT', `/api/orgs/${t.orgId}/kit`, {
      kit: { boilerplate: '\ud800' },
      baseRevision: 0,
    });
    expect(kit.status).toBe(400);
    expect(((await kit.json()) as Refusal).field).toBe('kit.boilerplate');
  });

  test('a NUL in a path or query parameter is a 400', async () => {
    expect((await t.editor.req('GET', `/api/orgs/${t.orgId}/drafts/a%00b`)).status).toBe(400);
    expect((await t.editor.req('GET', `/api/orgs/${t.orgId}/comments?draftId=%00`)).status).toBe(400);
  });

  test('a sign-up name with a NUL is a 400 naming the field', async () => {
    const res = await s.app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-ip': '192.0.2.81' },
      body: JSON.stringify({ email: 'nul-name@example.test', password: 'correct horse battery', name: 'A\u0000B' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).field).toBe('name');
  });
});

describe('a batch with one bad draft answers per mutation: the bad one 400 naming the field, the rest applied', () => {
  test('NUL, lone surrogate and deep nesting in three of five mutations', async () => {
    const mutation = (id: string, over: object = {}) => ({
      op: 'upsert',
      draftId: id,
      mutationId: `unsafe-batch-${id}`,
      baseRevision: 0,
      draft: { ...makeDraft({ id }), ...over },
    });
    const res = await send('POST', `/api/orgs/${t.orgId}/drafts/batch`, {
      mutations: [
        mutation('ok-1'),
        mutation('nul-1', { description: '\u0000' }),
        mutation('sur-1', { headline: 'x\udfffy' }),
        mutation('deep-1', { futureField: deep(5_000) }),
        mutation('ok-2'),
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { status: number; body: Refusal }[] };
    expect(results.map((r) => r.status)).toEqual([200, 400, 400, 400, 200]);
    expect(results.slice(1, 4).map((r) => r.body.field)).toEqual([
      'draft.description',
      'draft.headline',
      expect.stringMatching(/^draft\.futureField/),
    ]);
    const pulled = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts?since=0`)).json()) as {
      items: { id: string }[];
    };
    expect(pulled.items.map((i) => i.id)).toEqual(expect.arrayContaining(['ok-1', 'ok-2']));
    expect(pulled.items.map((i) => i.id)).not.toContain('nul-1');
  });

  test('if the database still refuses one mutation of a batch, the others are applied and it alone is a 400', async () => {
    // Past the route's screening (applyMutations called directly): the statement fails as a whole, and
    // the push retries each mutation alone so only the one the database refuses is refused.
    const u = await signUp(s, 'direct');
    const good = (id: string) => ({ mutationId: `direct-${id}`, draftId: id, baseRevision: 0, doc: makeDraft({ id }) });
    const bad = { ...good('direct-bad'), doc: { ...makeDraft({ id: 'direct-bad' }), headline: 'a\u0000b' } as Draft };
    const results = await applyMutations(
      s.database.db,
      { orgId: t.orgId, user: { id: t.editor.userId, name: 'Editor', email: u.email }, now: new Date() },
      [good('direct-1'), bad, good('direct-2')],
    );
    const ids = ['direct-direct-1', 'direct-direct-bad', 'direct-direct-2'];
    expect(ids.map((id) => results.get(id)?.status)).toEqual([200, 400, 200]);
    expect((results.get('direct-direct-bad')!.body as Refusal).error).toBe('invalid');
    expect((results.get('direct-direct-2')!.body as PushOk).item.id).toBe('direct-2');
  });
});

describe('the OAuth callback body is validated', () => {
  test.each([
    ['a numeric state', { code: 'c', state: 12345 }],
    ['a missing state', { code: 'c' }],
    ['an object for a code', { code: { $gt: '' }, state: 's' }],
    ['a NUL in the code', { code: 'a\u0000b', state: 's' }],
  ])('%s is a 400', async (_label, body) => {
    const res = await t.owner.req('POST', `/api/orgs/${t.orgId}/platforms/connect/meta/callback`, body);
    expect(res.status).toBe(400);
  });
});
