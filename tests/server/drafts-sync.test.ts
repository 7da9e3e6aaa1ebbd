import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDraft, push, startTestServer, team, type TestServer } from './harness.ts';
import type { Draft } from '../../utils/contract/draft.ts';
import type { PullResponse, PushConflict, PushOk } from '../../utils/contract/sync.ts';

let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
});
afterAll(async () => {
  await s.close();
});

const pull = async (since: number, limit?: number) =>
  (await (
    await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts?since=${since}${limit ? `&limit=${limit}` : ''}`)
  ).json()) as PullResponse;

test('revisions increase per organisation and pull pages by cursor', async () => {
  const start = (await pull(0)).cursor;
  const revs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = (await (await push(t.editor, t.orgId, makeDraft({ id: `page-${i}` }), 0)).json()) as PushOk;
    revs.push(r.item.revision);
  }
  expect(revs).toEqual([...revs].sort((x, y) => x - y));
  expect(new Set(revs).size).toBe(5);
  const p1 = await pull(start, 2);
  expect(p1.items.map((i) => i.id)).toEqual(['page-0', 'page-1']);
  expect(p1.hasMore).toBe(true);
  const p2 = await pull(p1.cursor, 10);
  expect(p2.items.map((i) => i.id)).toEqual(['page-2', 'page-3', 'page-4']);
  expect(p2.hasMore).toBe(false);
  expect((await pull(p2.cursor)).items).toEqual([]);
});

test('a retried mutation id returns the same reply and applies once', async () => {
  const d = makeDraft({ id: 'idem' });
  const first = (await (await push(t.editor, t.orgId, d, 0, 'mutation-idem-1')).json()) as PushOk;
  const again = await push(t.editor, t.orgId, { ...d, headline: 'changed on retry?' }, 0, 'mutation-idem-1');
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual(first);
  const now = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts/idem`)).json()) as {
    revision: number;
    draft: { headline: string };
  };
  expect(now.revision).toBe(first.item.revision);
  expect(now.draft.headline).toBe(d.headline);
});

test('concurrent copies of one mutation apply once', async () => {
  const d = makeDraft({ id: 'idem-concurrent' });
  const replies = await Promise.all([1, 2, 3, 4].map(() => push(t.editor, t.orgId, d, 0, 'mutation-concurrent-1')));
  const bodies = await Promise.all(replies.map((r) => r.json()));
  expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  for (const b of bodies) expect(b).toEqual(bodies[0]); // jsonb may order keys differently: compare deeply
  const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity`)).json()) as {
    items: { subjectId: string }[];
  };
  expect(log.items.filter((e) => e.subjectId === 'idem-concurrent')).toHaveLength(1);
});

test('concurrent copies of one edit of an existing draft apply once, by PUT and by batch', async () => {
  const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'idem-edit' }), 0)).json()) as PushOk;
  const edit = makeDraft({ id: 'idem-edit', headline: 'edited once' });
  const mutation = {
    op: 'upsert',
    draftId: 'idem-edit',
    mutationId: 'mutation-edit-1',
    baseRevision: v1.item.revision,
    draft: edit,
  };
  // On PostgreSQL the copies run at once: all but one wait for the row lock, then find the draft moved on.
  const replies = await Promise.all([
    ...[1, 2, 3].map(() => push(t.editor, t.orgId, edit, v1.item.revision, 'mutation-edit-1')),
    ...[1, 2, 3].map(() => t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/batch`, { mutations: [mutation] })),
  ]);
  const bodies = await Promise.all(
    replies.map(async (r) => {
      const b = (await r.json()) as PushOk | { results: { status: number; body: PushOk }[] };
      return 'results' in b
        ? { status: b.results[0]!.status, body: b.results[0]!.body }
        : { status: r.status, body: b };
    }),
  );
  expect(bodies.map((b) => b.status)).toEqual([200, 200, 200, 200, 200, 200]);
  for (const b of bodies) expect(b.body).toEqual(bodies[0]!.body);
  expect(bodies[0]!.body.item.revision).toBeGreaterThan(v1.item.revision);
  const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity`)).json()) as {
    items: { subjectId: string; action: string }[];
  };
  expect(
    log.items
      .filter((e) => e.subjectId === 'idem-edit')
      .map((e) => e.action)
      .sort(),
  ).toEqual(['draft.created', 'draft.updated']);
  // Another user sending the same id is refused, not answered with someone else's reply.
  const reused = await push(t.owner, t.orgId, edit, bodies[0]!.body.item.revision, 'mutation-edit-1');
  expect(reused.status).toBe(409);
  expect(((await reused.json()) as { error: string }).error).toBe('mutation_id_reused');
});

test('a stale push gets 409 with the server copy, never an overwrite', async () => {
  const d = makeDraft({ id: 'stale' });
  const v1 = (await (await push(t.editor, t.orgId, d, 0)).json()) as PushOk;
  const v2 = (await (
    await push(t.owner, t.orgId, { ...d, headline: 'owner edit' }, v1.item.revision)
  ).json()) as PushOk;
  const stale = await push(t.editor, t.orgId, { ...d, primaryText: 'editor edit' } as Draft, v1.item.revision);
  expect(stale.status).toBe(409);
  const body = (await stale.json()) as PushConflict;
  expect(body.error).toBe('conflict');
  expect(body.server?.revision).toBe(v2.item.revision);
  expect(body.server?.draft.headline).toBe('owner edit');
});

test('two clients creating the same new id: one wins, the other gets 409', async () => {
  const replies = await Promise.all([
    push(t.editor, t.orgId, makeDraft({ id: 'race', headline: 'one' }), 0),
    push(t.owner, t.orgId, makeDraft({ id: 'race', headline: 'two' }), 0),
  ]);
  expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
});

test('delete leaves a tombstone that pull returns', async () => {
  const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'gone' }), 0)).json()) as PushOk;
  const del = await t.editor.req('PUT', `/api/orgs/${t.orgId}/drafts/gone`, {
    op: 'delete',
    mutationId: 'delete-gone-1',
    baseRevision: v1.item.revision,
  });
  expect(del.status).toBe(200);
  const items = (await pull(v1.item.revision)).items.filter((i) => i.id === 'gone');
  expect(items).toHaveLength(1);
  expect(items[0]!.deleted).toBe(true);
  // The tombstone keeps the release it belonged to, and the log says what happened.
  expect(items[0]!.draft.releaseId).toBe('rel-1');
  const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity`)).json()) as {
    items: { subjectId: string; action: string; detail: { releaseId: string } }[];
  };
  expect(log.items.find((e) => e.subjectId === 'gone' && e.action === 'draft.deleted')?.detail.releaseId).toBe('rel-1');
  const never = await t.editor.req('PUT', `/api/orgs/${t.orgId}/drafts/never-was`, {
    op: 'delete',
    mutationId: 'delete-never-1',
    baseRevision: 0,
  });
  expect(never.status).toBe(404);
});

test('invalid drafts and mismatched ids are 400; reviewers cannot push', async () => {
  const bad = await t.editor.req('PUT', `/api/orgs/${t.orgId}/drafts/x1`, {
    op: 'upsert',
    mutationId: 'bad-0001',
    baseRevision: 0,
    draft: { id: 'x1', platform: 'tiktok' },
  });
  expect(bad.status).toBe(400);
  const mismatch = await push(t.editor, t.orgId, makeDraft({ id: 'other' }), 0).then(() =>
    t.editor.req('PUT', `/api/orgs/${t.orgId}/drafts/x2`, {
      op: 'upsert',
      mutationId: 'bad-0002',
      baseRevision: 0,
      draft: makeDraft({ id: 'x3' }),
    }),
  );
  expect(mismatch.status).toBe(400);
  expect((await push(t.reviewer, t.orgId, makeDraft({ id: 'rev-push' }), 0)).status).toBe(403);
});

test('pushes cannot set a status; unknown extra fields are kept', async () => {
  const d = { ...makeDraft({ id: 'status-forge', status: 'approved' }), futureField: 'kept' };
  const r = (await (await push(t.editor, t.orgId, d, 0)).json()) as PushOk;
  expect(r.item.draft.status).toBe('draft');
  expect((r.item.draft as unknown as { futureField: string }).futureField).toBe('kept');
});

test('releases and the messaging kit', async () => {
  const kit0 = (await (await t.editor.req('GET', `/api/orgs/${t.orgId}/kit`)).json()) as {
    revision: number;
    kit: { currency: string };
  };
  expect(kit0).toMatchObject({ revision: 0, kit: { currency: 'USD' } });
  expect((await t.editor.req('PUT', `/api/orgs/${t.orgId}/kit`, { kit: {}, baseRevision: 0 })).status).toBe(403);
  const saved = await t.owner.req('PUT', `/api/orgs/${t.orgId}/kit`, {
    kit: { keyMessages: ['We ship'], newsroomUrl: 'https://acme.test/news' },
    baseRevision: 0,
  });
  expect(saved.status).toBe(200);
  const stale = await t.owner.req('PUT', `/api/orgs/${t.orgId}/kit`, {
    kit: { keyMessages: ['stale'] },
    baseRevision: 0,
  });
  expect(stale.status).toBe(409);
  const kit = (await (await t.reviewer.req('GET', `/api/orgs/${t.orgId}/kit`)).json()) as {
    kit: { keyMessages: string[] };
  };
  expect(kit.kit.keyMessages).toEqual(['We ship']);
});

describe('batch push', () => {
  const batch = (ms: object[]) => t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/batch`, { mutations: ms });
  type Results = { results: { mutationId: string; status: number; body: PushOk & PushConflict }[] };

  test('applies each mutation with the single-push rules and answers in order', async () => {
    const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'b-old' }), 0)).json()) as PushOk;
    await push(t.owner, t.orgId, { ...makeDraft({ id: 'b-old' }), headline: 'newer' } as Draft, v1.item.revision);
    const res = await batch([
      {
        op: 'upsert',
        draftId: 'b-new-1',
        mutationId: 'batch-0001',
        baseRevision: 0,
        draft: makeDraft({ id: 'b-new-1' }),
      },
      {
        op: 'upsert',
        draftId: 'b-old',
        mutationId: 'batch-0002',
        baseRevision: v1.item.revision,
        draft: makeDraft({ id: 'b-old' }),
      },
      { op: 'upsert', draftId: 'b-bad', mutationId: 'batch-0003', baseRevision: 0, draft: { id: 'b-bad' } },
      {
        op: 'upsert',
        draftId: 'b-new-2',
        mutationId: 'batch-0004',
        baseRevision: 0,
        draft: makeDraft({ id: 'b-new-2' }),
      },
    ]);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as Results;
    expect(results.map((r) => [r.mutationId, r.status])).toEqual([
      ['batch-0001', 200],
      ['batch-0002', 409],
      ['batch-0003', 400],
      ['batch-0004', 200],
    ]);
    expect(results[1]!.body.server?.draft.headline).toBe('newer');
    expect(results[3]!.body.item.revision).toBe(results[0]!.body.item.revision + 1);
    // Retrying the batch: applied ones answer from the stored reply; the refused one is judged afresh.
    const again = (await (
      await batch([
        {
          op: 'upsert',
          draftId: 'b-new-1',
          mutationId: 'batch-0001',
          baseRevision: 0,
          draft: makeDraft({ id: 'b-new-1', headline: 'ignored' }),
        },
        {
          op: 'upsert',
          draftId: 'b-old',
          mutationId: 'batch-0002',
          baseRevision: results[1]!.body.server!.revision,
          draft: makeDraft({ id: 'b-old' }),
        },
      ])
    ).json()) as Results;
    expect(again.results[0]).toEqual(results[0]);
    expect(again.results[1]!.status).toBe(200);
    expect((await pull(0)).items.find((i) => i.id === 'b-new-1')?.draft.headline).toBe('Acme launches');
  });

  test('refuses two mutations for one draft and non-editors', async () => {
    expect(
      (
        await batch([
          { op: 'delete', draftId: 'x', mutationId: 'batch-dup-1', baseRevision: 1 },
          { op: 'delete', draftId: 'x', mutationId: 'batch-dup-2', baseRevision: 1 },
        ])
      ).status,
    ).toBe(400);
    const r = await t.reviewer.req('POST', `/api/orgs/${t.orgId}/drafts/batch`, {
      mutations: [{ op: 'delete', draftId: 'x', mutationId: 'batch-rev-1', baseRevision: 1 }],
    });
    expect(r.status).toBe(403);
  });
});
