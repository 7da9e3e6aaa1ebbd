import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeDraft, makeRelease, push, startTestServer, team, type TestServer } from './harness.ts';

let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s);
  await t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/rel-1`, {
    release: makeRelease('rel-1', 'Acme <b>launches</b>'),
  });
  await t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/rel-2`, { release: makeRelease('rel-2', 'Other release') });
  await push(
    t.editor,
    t.orgId,
    makeDraft({ id: 'm1', primaryText: '<script>alert(1)</script> big news', imageUrl: 'javascript:alert(1)' }),
    0,
  );
  await push(
    t.editor,
    t.orgId,
    { ...makeDraft({ id: 'l1' }), platform: 'linkedin', introText: 'LinkedIn intro "quoted"' } as never,
    0,
  );
  await push(t.editor, t.orgId, makeDraft({ id: 'other', releaseId: 'rel-2', primaryText: 'NOT IN SCOPE' }), 0);
});
afterAll(async () => {
  await s.close();
});

async function createLink(body: object = { releaseId: 'rel-1' }) {
  const res = await t.editor.req('POST', `/api/orgs/${t.orgId}/review-links`, body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string; url: string; expiresAt: string };
}

test("a link shows only its release's drafts as escaped Facebook- and LinkedIn-like previews", async () => {
  const link = await createLink();
  expect(new Date(link.expiresAt).getTime() - s.clock.now.getTime()).toBe(72 * 3_600_000);
  expect(link.url).toBe(`${s.config.publicUrl}/review/${link.token}`);
  const res = await s.app.request(`/review/${link.token}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  const html = await res.text();
  expect(html).toContain('class="card fb"');
  expect(html).toContain('class="card li"');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; big news');
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('javascript:');
  expect(html).toContain('Acme &lt;b&gt;launches&lt;/b&gt;');
  expect(html).toContain('LinkedIn intro &quot;quoted&quot;');
  expect(html).not.toContain('NOT IN SCOPE');
});

test('guests comment on in-scope drafts only; comments reach the team', async () => {
  const link = await createLink();
  const form = (draftId: string, body: string) =>
    s.app.request(`/review/${link.token}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ draftId, name: 'Pat <Agency>', body }).toString(),
    });
  const ok = await form('m1', 'Love it <3');
  expect(ok.status).toBe(303);
  expect((await form('other', 'sneaky')).status).toBe(404);
  const page = await (await s.app.request(`/review/${link.token}?sent=1`)).text();
  expect(page).toContain('Pat &lt;Agency&gt; (guest)');
  expect(page).toContain('Love it &lt;3');
  const team = (await (await t.owner.req('GET', `/api/orgs/${t.orgId}/comments?draftId=m1`)).json()) as {
    items: { body: string; viaReviewLink: boolean }[];
  };
  expect(team.items).toEqual([expect.objectContaining({ body: 'Love it <3', viaReviewLink: true })]);
});

test('links are read + comment only: no API access with the token', async () => {
  const link = await createLink();
  const res = await s.app.request(`/api/orgs/${t.orgId}/drafts`, {
    headers: { authorization: `Bearer ${link.token}` },
  });
  expect(res.status).toBe(401);
});

test('expired, revoked and tampered links are refused', async () => {
  const link = await createLink({ releaseId: 'rel-1', ttlHours: 1 });
  const [id, exp, sig] = link.token.split('.') as [string, string, string];
  expect((await s.app.request(`/review/${id}.${Number(exp) + 3600}.${sig}`)).status).toBe(404);
  expect((await s.app.request(`/review/${id}.${exp}.${sig.slice(0, -2)}xx`)).status).toBe(404);
  const saved = s.clock.now;
  s.clock.now = new Date(saved.getTime() + 2 * 3_600_000);
  expect((await s.app.request(`/review/${link.token}`)).status).toBe(404);
  s.clock.now = saved;
  expect((await s.app.request(`/review/${link.token}`)).status).toBe(200);
  expect((await t.reviewer.req('DELETE', `/api/orgs/${t.orgId}/review-links/${link.id}`)).status).toBe(200);
  expect((await s.app.request(`/review/${link.token}`)).status).toBe(404);
  const post = await s.app.request(`/review/${link.token}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'draftId=m1&name=x&body=y',
  });
  expect(post.status).toBe(404);
});

test('a link needs an existing release of the organisation', async () => {
  const res = await t.editor.req('POST', `/api/orgs/${t.orgId}/review-links`, { releaseId: 'nope' });
  expect(res.status).toBe(404);
});
