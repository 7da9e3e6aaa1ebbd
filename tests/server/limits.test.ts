import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count } from 'drizzle-orm';
import { user } from '../../server/db/schema/index.ts';
import { BATCH_MAX_BYTES, DRAFT_MAX_BYTES, LIMITS, RELEASE_MAX_BYTES } from '../../utils/contract/limits.ts';
import type { PushOk } from '../../utils/contract/sync.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type TestServer } from './harness.ts';

/** Issue 15, finding 1: size limits on every route, and the shared maximum lengths. */
let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s, 'Limits');
});
afterAll(async () => {
  await s.close();
});

const users = async () => (await s.database.db.select({ n: count() }).from(user))[0]!.n;
const signUpBody = (name: string, email = `big-${Math.random().toString(36).slice(2)}@example.test`) =>
  s.app.request('/api/auth/sign-up/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': '192.0.2.44' },
    body: JSON.stringify({ email, password: 'correct horse battery', name }),
  });

type Refusal = { error: string; message: string; field?: string; limit?: number };

describe('body limits answer 413 too_large with a clear message', () => {
  test('an anonymous sign-up with a 2 MB name is refused and nothing is stored', async () => {
    const before = await users();
    const res = await signUpBody('x'.repeat(2_000_000));
    expect(res.status).toBe(413);
    const body = (await res.json()) as Refusal;
    expect(body.error).toBe('too_large');
    expect(body.message).toMatch(/larger than/);
    expect(await users()).toBe(before);
  });

  test('a sign-up name over the maximum length is a 400 naming the field', async () => {
    const res = await signUpBody('n'.repeat(LIMITS.name + 1));
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).field).toBe('name');
    expect((await signUpBody('n'.repeat(LIMITS.name))).status).toBe(200);
  });

  test('a draft PUT over the draft ceiling is 413; within it, a field over its maximum is 400 naming it', async () => {
    const huge = makeDraft({ id: 'huge', primaryText: 'p'.repeat(DRAFT_MAX_BYTES * 2) } as never);
    const res = await push(t.editor, t.orgId, huge, 0);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Refusal).error).toBe('too_large');
    const long = await push(
      t.editor,
      t.orgId,
      makeDraft({ id: 'long', headline: 'h'.repeat(LIMITS.copyShort + 1) }),
      0,
    );
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain('headline');
    // Exactly at the limits is fine: no legitimate draft is refused.
    const max = makeDraft({
      id: 'at-max',
      headline: 'h'.repeat(LIMITS.copyShort),
      primaryText: 'p'.repeat(LIMITS.copyLong),
    } as never);
    expect((await push(t.editor, t.orgId, max, 0)).status).toBe(200);
  });

  test('a draft whose JSON (unknown fields included) exceeds the draft size is refused in a batch, the rest applied', async () => {
    const fat = { ...makeDraft({ id: 'fat' }), futureField: 'f'.repeat(DRAFT_MAX_BYTES) };
    const res = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/batch`, {
      mutations: [
        { op: 'upsert', draftId: 'fat', mutationId: 'size-0001', baseRevision: 0, draft: fat },
        { op: 'upsert', draftId: 'thin', mutationId: 'size-0002', baseRevision: 0, draft: makeDraft({ id: 'thin' }) },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { status: number; body: Refusal }[] };
    expect(results.map((r) => r.status)).toEqual([413, 200]);
    expect(results[0]!.body).toMatchObject({ error: 'too_large', field: 'draft' });
  });

  test('a batch over the batch ceiling is 413', async () => {
    const per = Math.floor(DRAFT_MAX_BYTES / 2);
    const n = Math.ceil(BATCH_MAX_BYTES / per) + 1;
    const mutations = Array.from({ length: n }, (_, i) => ({
      op: 'upsert',
      draftId: `bb-${i}`,
      mutationId: `batch-big-${i}`,
      baseRevision: 0,
      draft: { ...makeDraft({ id: `bb-${i}` }), futureField: 'f'.repeat(per) },
    }));
    const res = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/batch`, { mutations });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Refusal).limit).toBe(BATCH_MAX_BYTES);
  });

  test('a release over the release ceiling is 413; a headline over its maximum is 400', async () => {
    const big = makeRelease('rel-big');
    // Paragraphs each within their own maximum, together over the release ceiling.
    big.release.body = Array.from({ length: Math.ceil(RELEASE_MAX_BYTES / LIMITS.copyLong) + 1 }, () =>
      'b'.repeat(LIMITS.copyLong),
    );
    expect((await t.editor.req('PUT', `/api/orgs/${t.orgId}/releases/rel-big`, { release: big })).status).toBe(413);
    const long = makeRelease('rel-long', 'h'.repeat(LIMITS.headline + 1));
    const res = await t.editor.req('PUT', `/api/orgs/${t.orgId}/releases/rel-long`, { release: long });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('headline');
  });

  test('a 20 MB push is refused from its Content-Length, before its body is read', async () => {
    // A body that never ends: if the server waited for it, this test would time out.
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"mutations":['));
      },
    });
    const res = await s.app.request(`/api/orgs/${t.orgId}/drafts/batch`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.editor.token}`,
        'content-type': 'application/json',
        'content-length': String(20 * 1024 * 1024),
      },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  test('the guest comment form and other routes have small limits too', async () => {
    const big = 'x'.repeat(200_000);
    const res = await t.owner.req('POST', `/api/orgs/${t.orgId}/comments`, { draftId: 'at-max', body: big });
    expect(res.status).toBe(413);
    const page = await s.app.request('/review/not-a-token/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `draftId=x&name=y&body=${big}`,
    });
    expect(page.status).toBe(413);
  });
});

test('pushes within the limits still work (sanity: a normal draft round-trips)', async () => {
  const r = (await (await push(t.editor, t.orgId, makeDraft({ id: 'normal' }), 0)).json()) as PushOk;
  expect(r.ok).toBe(true);
});
