import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { corsFor } from '../../server/lib/cors.ts';
import { session } from '../../server/db/schema/index.ts';
import { createOrg, signUp, startTestServer, team, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ authRateLimit: { enabled: true, window: 60, max: 100 } });
});
afterAll(async () => {
  await s.close();
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    s.app.request('/api/me', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
  test.each([
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', true],
    ['http://127.0.0.1:8787', true],
    ['chrome-extension://someotherextensionidxxxxxxxxxxxx', false],
    ['https://evil.example', false],
  ])('%s allowed: %s', async (origin, allowed) => {
    const res = await preflight(origin);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
  });

  // Actual requests: the answer of a route, an error reply and better-auth's own response all carry them.
  const ext = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  test.each([
    [
      'a route',
      async (origin: string) => {
        const u = await signUp(s, `cors-${origin.length}`);
        return u.req('GET', '/api/me', undefined, { origin });
      },
      200,
    ],
    ['an error', (origin: string) => s.app.request('/api/me', { headers: { origin } }), 401],
    ['better-auth', (origin: string) => s.app.request('/api/auth/get-session', { headers: { origin } }), 200],
  ] as const)('%s answers with CORS headers for allowed origins only', async (_, call, status) => {
    const ok = await call(ext);
    expect(ok.status).toBe(status);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ext);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ok.headers.get('access-control-expose-headers')).toBe('set-auth-token');
    expect(ok.headers.get('vary')).toContain('Origin');
    const evil = await call('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('vary')).toContain('Origin');
  });

  test('a response that brings a Vary of its own still gets the CORS headers', async () => {
    const app = new Hono()
      .use(corsFor(s.config))
      .get('/own', () => new Response('x', { headers: { vary: 'Accept-Encoding' } }));
    const res = await app.request('/own', { headers: { origin: ext } });
    expect(res.headers.get('access-control-allow-origin')).toBe(ext);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding.*Origin/);
  });
});

test('auth endpoints are rate limited (database storage)', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await s.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password!!' }),
    });
    statuses.push(res.status);
  }
  expect(statuses).toContain(429);
  const rows = await s.database.db.query.rateLimit.findMany();
  expect(rows.length).toBeGreaterThan(0);
});

test('sign-in returns a bearer token usable on the API', async () => {
  const u = await signUp(s, 'signin');
  await createOrg(u, 'SignIn');
  const res = await s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': '198.51.100.9' },
    body: JSON.stringify({ email: u.email, password: 'correct horse battery' }),
  });
  expect(res.status).toBe(200);
  const token = res.headers.get('set-auth-token')!;
  const me = await s.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect((await s.app.request('/api/me', { headers: { authorization: 'Bearer forged.token' } })).status).toBe(401);
});

test('invitations: an owner invites, the invitee accepts with the given role', async () => {
  const t = await team(s, 'Invite');
  const invitee = await signUp(s, 'invitee');
  const inv = await t.owner.req('POST', '/api/auth/organization/invite-member', {
    email: invitee.email,
    role: 'reviewer',
    organizationId: t.orgId,
  });
  expect(inv.status).toBe(200);
  const { id } = (await inv.json()) as { id: string };
  expect(s.invitations.map((i) => i.id)).toContain(id);
  // Editors cannot invite.
  const denied = await t.editor.req('POST', '/api/auth/organization/invite-member', {
    email: 'z@example.test',
    role: 'editor',
    organizationId: t.orgId,
  });
  expect(denied.status).toBeGreaterThanOrEqual(400);
  expect((await invitee.req('GET', `/api/orgs/${t.orgId}/drafts`)).status).toBe(404);
  const accepted = await invitee.req('POST', '/api/auth/organization/accept-invitation', { invitationId: id });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  expect((await invitee.req('GET', `/api/orgs/${t.orgId}/drafts`)).status).toBe(200);
  const me = (await (await invitee.req('GET', '/api/me')).json()) as { organizations: { id: string; role: string }[] };
  expect(me.organizations).toEqual([expect.objectContaining({ id: t.orgId, role: 'reviewer' })]);
});

describe('media lists accept only hashes and counts', () => {
  const HASH = 'b'.repeat(64);
  test.each([
    ['raw e-mail', ['jane@example.com']],
    ['uppercase e-mail', ['JANE@EXAMPLE.COM']],
    ['hash-length string with an @', [`${'a'.repeat(40)}@example.com0000000000000`]],
    ['SHA-1 length', ['a'.repeat(40)]],
  ])('%s is rejected', async (_label, hashes) => {
    const t = await team(s, 'Media');
    const res = await t.editor.req('PUT', `/api/orgs/${t.orgId}/media-lists/l1`, { name: 'List', count: 1, hashes });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('jane@');
  });
  test('hashes are stored and only counts are listed', async () => {
    const t = await team(s, 'Media2');
    const res = await t.editor.req('PUT', `/api/orgs/${t.orgId}/media-lists/l1`, {
      name: 'Trade press',
      count: 3,
      hashes: [HASH, HASH.replace('b', 'c')],
    });
    expect(res.status).toBe(200);
    const list = (await (await t.reviewer.req('GET', `/api/orgs/${t.orgId}/media-lists`)).json()) as {
      items: object[];
    };
    expect(list.items).toEqual([expect.objectContaining({ name: 'Trade press', count: 3, hashed: 2 })]);
    expect(JSON.stringify(list)).not.toContain(HASH);
  });
});

test('OpenAPI document lists the API', async () => {
  const res = await s.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, object> };
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/orgs/{orgId}/drafts/{draftId}', '/review/{token}', '/ready']),
  );
});

test('a session cookie works too (better-auth getSession path), an expired session does not', async () => {
  const t = await team(s, 'Cookie');
  const res = await s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': '198.51.100.77' },
    body: JSON.stringify({ email: t.editor.email, password: 'correct horse battery' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/session_token=/);
  expect((await s.app.request(`/api/orgs/${t.orgId}/drafts`, { headers: { cookie } })).status).toBe(200);
  // Bearer sessions expire with their row.
  const saved = s.clock.now;
  s.clock.now = new Date(saved.getTime() + 400 * 86_400_000);
  expect((await t.editor.req('GET', `/api/orgs/${t.orgId}/drafts`)).status).toBe(401);
  s.clock.now = saved;
});

test('a raw session token read from the database is not a bearer: only the signed value works (issue 15, finding 4)', async () => {
  const t = await team(s, 'RawToken');
  const rows = await s.database.db.select().from(session).where(eq(session.userId, t.editor.userId));
  expect(rows.length).toBeGreaterThan(0);
  const raw = rows[0]!.token;
  expect(t.editor.token).not.toBe(raw); // set-auth-token carries <token>.<signature>
  const as = (token: string, path: string, init: RequestInit = {}) =>
    s.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  for (const token of [raw, encodeURIComponent(raw)]) {
    expect((await as(token, '/api/me')).status).toBe(401);
    expect((await as(token, `/api/orgs/${t.orgId}/drafts`)).status).toBe(401);
    const got = await as(token, '/api/auth/get-session');
    expect(await got.json()).toBeNull();
    const created = await as(token, '/api/auth/organization/create', {
      method: 'POST',
      body: JSON.stringify({ name: 'Stolen', slug: `stolen-${token.length}-${Date.now()}` }),
    });
    expect(created.status).toBe(401);
  }
  expect((await as(t.editor.token, '/api/me')).status).toBe(200);
  expect((await as(t.editor.token, '/api/auth/get-session')).status).toBe(200);
});
