import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, makeDraft, push, signUp, startTestServer, team, type Client, type TestServer } from './harness.ts';
import type { PushOk, SyncedDraft } from '../../utils/contract/sync.ts';

let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
});
afterAll(async () => {
  await s.close();
});

const review = (c: Client, id: string, action: string, comment?: string) =>
  c.req('POST', `/api/orgs/${t.orgId}/drafts/${id}/review`, { action, ...(comment ? { comment } : {}) });

test('editor requests review, reviewer approves, the draft is locked until reopened', async () => {
  const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'a1' }), 0)).json()) as PushOk;
  expect((await review(t.editor, 'a1', 'approve')).status).toBe(403); // editors never approve
  const req = await review(t.editor, 'a1', 'request', 'ready for eyes');
  expect(((await req.json()) as SyncedDraft).draft.status).toBe('in_review');
  const ok = await review(t.reviewer, 'a1', 'approve', 'looks good');
  expect(ok.status).toBe(200);
  const approved = (await ok.json()) as SyncedDraft;
  expect(approved.draft.status).toBe('approved');
  expect(approved.revision).toBeGreaterThan(v1.item.revision);
  // Locked: even with the right base revision.
  const edit = await push(t.editor, t.orgId, { ...makeDraft({ id: 'a1' }), headline: 'sneaky' }, approved.revision);
  expect(edit.status).toBe(423);
  expect((await review(t.editor, 'a1', 'reopen')).status).toBe(403);
  const reopened = (await (await review(t.reviewer, 'a1', 'reopen')).json()) as SyncedDraft;
  expect(reopened.draft.status).toBe('draft');
  expect(
    (await push(t.editor, t.orgId, { ...makeDraft({ id: 'a1' }), headline: 'now fine' }, reopened.revision)).status,
  ).toBe(200);
  // The comments were stored and the log says who did what.
  const comments = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/comments?draftId=a1`)).json()) as {
    items: { body: string }[];
  };
  expect(comments.items.map((c) => c.body)).toEqual(['ready for eyes', 'looks good']);
  const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity`)).json()) as {
    items: { action: string }[];
  };
  expect(log.items.map((e) => e.action)).toEqual(
    expect.arrayContaining(['draft.review.request', 'draft.review.approve', 'draft.review.reopen']),
  );
});

test('nobody approves their own draft, not even the owner', async () => {
  await push(t.owner, t.orgId, makeDraft({ id: 'own' }), 0);
  expect((await review(t.owner, 'own', 'request')).status).toBe(200);
  expect((await review(t.owner, 'own', 'approve')).status).toBe(403);
  expect((await review(t.reviewer, 'own', 'approve')).status).toBe(200);
});

test('a reviewer who requested review cannot approve it; reject needs a comment', async () => {
  await push(t.editor, t.orgId, makeDraft({ id: 'r1' }), 0);
  expect((await review(t.reviewer, 'r1', 'request')).status).toBe(403); // reviewers do not request
  expect((await review(t.editor, 'r1', 'request')).status).toBe(200);
  expect((await review(t.reviewer, 'r1', 'reject')).status).toBe(400);
  const rej = await review(t.reviewer, 'r1', 'reject', 'headline overclaims');
  expect(((await rej.json()) as SyncedDraft).draft.status).toBe('rejected');
  // Editing a rejected draft sends it back to draft.
  const cur = (await (await t.editor.req('GET', `/api/orgs/${t.orgId}/drafts/r1`)).json()) as SyncedDraft;
  const edited = (await (
    await push(t.editor, t.orgId, { ...cur.draft, headline: 'toned down' }, cur.revision)
  ).json()) as PushOk;
  expect(edited.item.draft.status).toBe('draft');
});

test('approve from a wrong status is 409; admins may approve', async () => {
  await push(t.editor, t.orgId, makeDraft({ id: 'w1' }), 0);
  expect((await review(t.reviewer, 'w1', 'approve')).status).toBe(409);
  const admin = await signUp(s, 'admin');
  await addMember(s, t.orgId, admin, 'admin');
  await review(t.editor, 'w1', 'request');
  expect((await review(admin, 'w1', 'approve')).status).toBe(200);
});
