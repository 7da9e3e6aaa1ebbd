import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { drafts } from '../../server/db/schema/index.ts';
import type { PushOk } from '../../utils/contract/sync.ts';
import type { Draft } from '../../utils/contract/draft.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type TestServer } from './harness.ts';

/** Issue 15, finding 7: the smaller ones. */
let s: TestServer;
let t: Awaited<ReturnType<typeof team>>;
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
beforeAll(async () => {
  s = await startTestServer();
  t = await team(s, 'Smaller');
  await t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/rel-1`, { release: makeRelease('rel-1') });
  await push(t.editor, t.orgId, makeDraft({ id: 'd1' }), 0);
});
afterAll(async () => {
  await s.close();
});

async function cookieOf(email: string): Promise<string> {
  const res = await s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': '198.51.100.71' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('cookie-authenticated state changes need an allowed Origin and a JSON body', () => {
  // What a page on another site can send without a preflight: a form or fetch with a "simple" type.
  const simple = (cookie: string, path: string, origin: string | null, type: string, body: string) =>
    s.app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': type, ...(origin ? { origin } : {}) },
      body,
    });

  test.each([
    ['text/plain', '{"draftId":"d1","body":"planted"}'],
    ['application/x-www-form-urlencoded', 'draftId=d1&body=planted'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="draftId"\r\n\r\nd1\r\n--x--'],
  ])('a cross-site %s POST is refused before the route runs', async (type, body) => {
    const cookie = await cookieOf(t.owner.email);
    for (const path of [
      `/api/orgs/${t.orgId}/comments`,
      `/api/orgs/${t.orgId}/platforms/drafts/d1/send?dryRun=1`,
      `/api/orgs/${t.orgId}/drafts/d1/review`,
    ]) {
      const res = await simple(cookie, path, 'https://evil.example', type, body);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('cross_site');
    }
    // Without an Origin header a cookie is not enough either.
    expect((await simple(cookie, `/api/orgs/${t.orgId}/comments`, null, type, body)).status).toBe(403);
  });

  test('from the extension or the server itself, with JSON, a cookie works; a non-JSON body is 415 for everyone', async () => {
    const cookie = await cookieOf(t.owner.email);
    const json = JSON.stringify({ draftId: 'd1', body: 'fine' });
    for (const origin of [EXTENSION, s.config.publicUrl]) {
      expect((await simple(cookie, `/api/orgs/${t.orgId}/comments`, origin, 'application/json', json)).status).toBe(
        201,
      );
    }
    const plain = await simple(cookie, `/api/orgs/${t.orgId}/comments`, EXTENSION, 'text/plain', json);
    expect(plain.status).toBe(415);
    const bearerPlain = await s.app.request(`/api/orgs/${t.orgId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.owner.token}`, 'content-type': 'text/plain' },
      body: json,
    });
    expect(bearerPlain.status).toBe(415);
    // Bearer requests are not cross-site forgeable (a page cannot add the header without a preflight).
    expect((await t.owner.req('POST', `/api/orgs/${t.orgId}/comments`, { draftId: 'd1', body: 'ok' })).status).toBe(
      201,
    );
  });
});

describe('server-owned fields are written by the server only', () => {
  const planted = { link: 'https://evil.example/phish', campaign: '666' };

  test('a client cannot plant draft.remote (the "Open in Ads Manager" link) on a new draft', async () => {
    const res = await push(t.editor, t.orgId, { ...makeDraft({ id: 'remote-1' }), remote: planted }, 0);
    expect(((await res.json()) as PushOk).item.draft.remote).toEqual({});
  });

  test('an edit keeps the remote the server recorded, whatever the client sends', async () => {
    const v1 = (await (await push(t.editor, t.orgId, makeDraft({ id: 'remote-2' }), 0)).json()) as PushOk;
    // What a send records (server/lib/platform-store.ts saveDraftRemote), kept on a draft still editable.
    const recorded = { link: 'https://adsmanager.facebook.com/adsmanager/manage/ads?act=1', ad: '42' };
    await s.database.db
      .update(drafts)
      .set({ doc: { ...v1.item.draft, remote: recorded } })
      .where(and(eq(drafts.orgId, t.orgId), eq(drafts.id, 'remote-2')));
    const edit = { ...v1.item.draft, headline: 'edited', remote: planted } as Draft;
    const r = (await (await push(t.editor, t.orgId, edit, v1.item.revision)).json()) as PushOk;
    expect(r.item.draft.headline).toBe('edited');
    expect(r.item.draft.remote).toEqual(recorded);
  });
});

describe('the guest reviewer page', () => {
  async function link() {
    const res = await t.editor.req('POST', `/api/orgs/${t.orgId}/review-links`, { releaseId: 'rel-1' });
    return ((await res.json()) as { token: string }).token;
  }
  const comment = (token: string, body: string, ip = '192.0.2.10') =>
    s.app.request(`/review/${token}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-ip': ip },
      body: new URLSearchParams({ draftId: 'd1', name: 'Guest', body }).toString(),
    });

  test('shows the comments made through that link, not the team’s internal ones', async () => {
    await t.owner.req('POST', `/api/orgs/${t.orgId}/comments`, {
      draftId: 'd1',
      body: 'INTERNAL: client is difficult',
    });
    const token = await link();
    const other = await link();
    expect((await comment(token, 'guest says hi')).status).toBe(303);
    expect((await comment(other, 'ANOTHER GUEST')).status).toBe(303);
    const html = await (await s.app.request(`/review/${token}`)).text();
    expect(html).toContain('guest says hi');
    expect(html).not.toContain('INTERNAL');
    expect(html).not.toContain('ANOTHER GUEST');
  });

  test('guest comments are rate limited per address and per link', async () => {
    const token = await link();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await comment(token, `from one address ${i}`, '192.0.2.20')).status);
    expect(statuses.slice(0, 10).every((st) => st === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const many: number[] = [];
    for (let i = 0; i < 100; i++) many.push((await comment(token, `many ${i}`, `192.0.3.${i}`)).status);
    expect(many.at(-1)).toBe(429);
    expect(many.filter((st) => st === 303).length).toBe(90); // 100 per link per hour, 10 used above
  });
});

describe('sign-up does not reveal which e-mails have accounts', () => {
  const signUpAs = (email: string, password: string, ip: string) =>
    s.app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-ip': ip },
      body: JSON.stringify({ email, password, name: 'Someone' }),
    });
  const shape = async (res: Response) => {
    const body = (await res.json()) as { token: unknown; user: Record<string, unknown> };
    return {
      status: res.status,
      token: res.headers.get('set-auth-token'),
      cookie: res.headers.get('set-cookie'),
      body: { token: body.token, user: Object.keys(body.user).sort() },
    };
  };

  test('an existing e-mail answers exactly like a new one, and the account is untouched', async () => {
    const existing = await shape(await signUpAs(t.editor.email, 'another password!', '192.0.2.90'));
    const fresh = await shape(await signUpAs(`new-${Date.now()}@example.test`, 'another password!', '192.0.2.91'));
    expect(existing).toEqual(fresh);
    expect(existing.token).toBeNull();
    const signIn = (password: string) =>
      s.app.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-ip': '192.0.2.92' },
        body: JSON.stringify({ email: t.editor.email, password }),
      });
    expect((await signIn('another password!')).status).toBe(401);
    expect((await signIn('correct horse battery')).status).toBe(200);
  });
});
