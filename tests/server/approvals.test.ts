import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember, makeDraft, push, signUp, startTestServer, team, type Client, type TestServer } from './harness.ts';
import type { PushOk, SyncedDraft } from '../../utils/contract/sync.ts';
import type { Draft } from '../../utils/contract/draft.ts';

let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
});
afterAll(async () => {
  await s.close();
});

/** A review action; an approval carries the revision the reviewer sees now (the current one). */
const review = async (c: Client, id: string, action: string, comment?: string) => {
  const revision =
    action === 'approve'
      ? ((await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts/${id}`)).json()) as SyncedDraft).revision
      : undefined;
  return c.req('POST', `/api/orgs/${t.orgId}/drafts/${id}/review`, {
    action,
    ...(revision !== undefined ? { revision } : {}),
    ...(comment ? { comment } : {}),
  });
};

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

describe('approval is bound to what the reviewer saw (issue 15, finding 3)', () => {
  const decide = (c: Client, id: string, action: string, revision?: number, comment?: string) =>
    c.req('POST', `/api/orgs/${t.orgId}/drafts/${id}/review`, {
      action,
      ...(revision !== undefined ? { revision } : {}),
      ...(comment ? { comment } : {}),
    });
  const current = async (id: string) =>
    (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/drafts/${id}`)).json()) as SyncedDraft;

  test('approve carries the revision the reviewer saw: without it 400, a stale one 409 with the server copy', async () => {
    await push(t.editor, t.orgId, makeDraft({ id: 'bound-1' }), 0);
    const requested = (await (await decide(t.editor, 'bound-1', 'request')).json()) as SyncedDraft;
    expect((await decide(t.reviewer, 'bound-1', 'approve')).status).toBe(400);
    const stale = await decide(t.reviewer, 'bound-1', 'approve', requested.revision - 1);
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; server: SyncedDraft };
    expect(body.error).toBe('stale');
    expect(body.server.revision).toBe(requested.revision);
    expect((await current('bound-1')).draft.status).toBe('in_review');
    expect((await decide(t.reviewer, 'bound-1', 'approve', requested.revision)).status).toBe(200);
  });

  test('an edit while in review sends the draft back to draft; the approval of the old text is refused', async () => {
    await push(t.editor, t.orgId, makeDraft({ id: 'bound-2' }), 0);
    const requested = (await (await decide(t.editor, 'bound-2', 'request')).json()) as SyncedDraft;
    const edited = (await (
      await push(t.editor, t.orgId, { ...requested.draft, headline: 'Acme launches (edited)' }, requested.revision)
    ).json()) as PushOk;
    expect(edited.item.draft.status).toBe('draft');
    // With the revision the reviewer saw: stale. With the new revision: it is no longer in review.
    expect((await decide(t.reviewer, 'bound-2', 'approve', requested.revision)).status).toBe(409);
    expect((await decide(t.reviewer, 'bound-2', 'approve', edited.item.revision)).status).toBe(409);
    expect((await current('bound-2')).draft).toMatchObject({ status: 'draft', headline: 'Acme launches (edited)' });
    const log = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/activity`)).json()) as {
      items: { subjectId: string; action: string; detail: { reviewWithdrawn?: boolean } }[];
    };
    expect(
      log.items.find((e) => e.subjectId === 'bound-2' && e.action === 'draft.updated')?.detail.reviewWithdrawn,
    ).toBe(true);
  });

  test("nobody approves text they wrote: an owner's sentence is not theirs to approve after someone else's one-character edit", async () => {
    const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'bound-3' }), 0)).json()) as PushOk;
    const v2 = (await (
      await push(
        t.owner,
        t.orgId,
        { ...v1.item.draft, primaryText: 'The owner wrote this sentence.' } as Draft,
        v1.item.revision,
      )
    ).json()) as PushOk;
    const v3 = (await (
      await push(
        t.editor,
        t.orgId,
        { ...v2.item.draft, primaryText: 'The owner wrote this sentence!' } as Draft,
        v2.item.revision,
      )
    ).json()) as PushOk;
    const requested = (await (await decide(t.editor, 'bound-3', 'request')).json()) as SyncedDraft;
    expect(requested.revision).toBeGreaterThan(v3.item.revision);
    const own = await decide(t.owner, 'bound-3', 'approve', requested.revision);
    expect(own.status).toBe(403);
    expect((await decide(t.reviewer, 'bound-3', 'approve', requested.revision)).status).toBe(200);
    // Once approved by someone else, the owner's earlier text is reviewed: after a reopen and another
    // person's edit, the owner may approve that edit.
    const reopened = (await (await decide(t.reviewer, 'bound-3', 'reopen')).json()) as SyncedDraft;
    const admin = await signUp(s, 'bound-admin');
    await addMember(s, t.orgId, admin, 'admin');
    const v4 = (await (
      await push(admin, t.orgId, { ...reopened.draft, headline: 'Admin headline' }, reopened.revision)
    ).json()) as PushOk;
    expect(v4.item.draft.status).toBe('draft');
    const again = (await (await decide(admin, 'bound-3', 'request')).json()) as SyncedDraft;
    expect((await decide(t.editor, 'bound-3', 'approve', again.revision)).status).toBe(403); // editors never approve
    expect((await decide(t.owner, 'bound-3', 'approve', again.revision)).status).toBe(200);
  });
});
