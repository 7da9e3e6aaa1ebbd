import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { routeDocs } from '../../server/lib/route-docs.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type Client, type TestServer } from './harness.ts';

/**
 * Organisation A's members must not read or change organisation B's data through any route.
 * The table below has one row per organisation route; the last test checks it covers every route the
 * OpenAPI document lists, so a new route without an isolation row fails here.
 */
let s: TestServer;
let a: Awaited<ReturnType<typeof team>>;
let b: Awaited<ReturnType<typeof team>>;
let bLinkId: string;
const HASH = 'a'.repeat(64);

beforeAll(async () => {
  s = await startTestServer();
  a = await team(s, 'Alpha');
  b = await team(s, 'Beta');
  // B's data: a release, a draft in review, a kit, a comment, a reviewer link, a media list.
  expect(
    (await b.owner.req('PUT', `/api/orgs/${b.orgId}/releases/rel-b`, { release: makeRelease('rel-b', 'Beta news') }))
      .status,
  ).toBe(200);
  expect((await push(b.editor, b.orgId, makeDraft({ id: 'draft-b', releaseId: 'rel-b' }), 0)).status).toBe(200);
  expect((await b.editor.req('POST', `/api/orgs/${b.orgId}/drafts/draft-b/review`, { action: 'request' })).status).toBe(
    200,
  );
  expect(
    (
      await b.owner.req('PUT', `/api/orgs/${b.orgId}/kit`, {
        kit: { boilerplate: 'Beta secret boilerplate' },
        baseRevision: 0,
      })
    ).status,
  ).toBe(200);
  expect(
    (await b.owner.req('POST', `/api/orgs/${b.orgId}/comments`, { draftId: 'draft-b', body: 'beta internal' })).status,
  ).toBe(201);
  const link = await b.owner.req('POST', `/api/orgs/${b.orgId}/review-links`, { releaseId: 'rel-b' });
  bLinkId = ((await link.json()) as { id: string }).id;
  expect(
    (
      await b.owner.req('PUT', `/api/orgs/${b.orgId}/media-lists/list-b`, {
        name: 'Beta list',
        count: 1,
        hashes: [HASH],
      })
    ).status,
  ).toBe(200);
  // A has its own release so "create in A pointing at B's ids" cases are meaningful.
  expect(
    (await a.owner.req('PUT', `/api/orgs/${a.orgId}/releases/rel-a`, { release: makeRelease('rel-a') })).status,
  ).toBe(200);
});
afterAll(async () => {
  await s.close();
});

interface Row {
  route: string;
  method: string;
  path: (org: string) => string;
  body?: unknown;
}
const rows: Row[] = [
  { route: 'GET /api/orgs/{orgId}/releases', method: 'GET', path: (o) => `/api/orgs/${o}/releases` },
  { route: 'GET /api/orgs/{orgId}/releases/{releaseId}', method: 'GET', path: (o) => `/api/orgs/${o}/releases/rel-b` },
  // Before the PUT rows below, which give A's own organisation a release and drafts named rel-b.
  ...['', '/export.csv', '/export.html'].map((end) => ({
    route: `GET /api/orgs/{orgId}/results/releases/{releaseId}${end}`,
    method: 'GET',
    path: (o: string) => `/api/orgs/${o}/results/releases/rel-b${end}`,
  })),
  {
    route: 'POST /api/orgs/{orgId}/results/releases/{releaseId}/refresh',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/results/releases/rel-b/refresh`,
    body: {},
  },
  {
    route: 'PUT /api/orgs/{orgId}/releases/{releaseId}',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/releases/rel-b`,
    body: { release: makeRelease('rel-b', 'HIJACKED') },
  },
  { route: 'GET /api/orgs/{orgId}/drafts', method: 'GET', path: (o) => `/api/orgs/${o}/drafts?since=0` },
  { route: 'GET /api/orgs/{orgId}/drafts/{draftId}', method: 'GET', path: (o) => `/api/orgs/${o}/drafts/draft-b` },
  {
    route: 'PUT /api/orgs/{orgId}/drafts/{draftId}',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/drafts/draft-b`,
    body: {
      op: 'upsert',
      mutationId: 'hijack-0001',
      baseRevision: 2,
      draft: makeDraft({ id: 'draft-b', releaseId: 'rel-b', headline: 'HIJACKED' }),
    },
  },
  {
    route: 'POST /api/orgs/{orgId}/drafts/batch',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/drafts/batch`,
    body: {
      mutations: [
        {
          op: 'upsert',
          draftId: 'draft-b',
          mutationId: 'hijack-0002',
          baseRevision: 2,
          draft: makeDraft({ id: 'draft-b', releaseId: 'rel-b', headline: 'HIJACKED' }),
        },
      ],
    },
  },
  {
    route: 'POST /api/orgs/{orgId}/drafts/{draftId}/review',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/drafts/draft-b/review`,
    body: { action: 'approve' },
  },
  { route: 'GET /api/orgs/{orgId}/kit', method: 'GET', path: (o) => `/api/orgs/${o}/kit` },
  {
    route: 'PUT /api/orgs/{orgId}/kit',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/kit`,
    body: { kit: { boilerplate: 'HIJACKED' }, baseRevision: 3 },
  },
  { route: 'GET /api/orgs/{orgId}/comments', method: 'GET', path: (o) => `/api/orgs/${o}/comments?releaseId=rel-b` },
  {
    route: 'POST /api/orgs/{orgId}/comments',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/comments`,
    body: { draftId: 'draft-b', body: 'HIJACKED' },
  },
  { route: 'GET /api/orgs/{orgId}/review-links', method: 'GET', path: (o) => `/api/orgs/${o}/review-links` },
  {
    route: 'POST /api/orgs/{orgId}/review-links',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/review-links`,
    body: { releaseId: 'rel-b' },
  },
  {
    route: 'DELETE /api/orgs/{orgId}/review-links/{linkId}',
    method: 'DELETE',
    path: (o) => `/api/orgs/${o}/review-links/${bLinkId}`,
  },
  { route: 'GET /api/orgs/{orgId}/media-lists', method: 'GET', path: (o) => `/api/orgs/${o}/media-lists` },
  {
    route: 'PUT /api/orgs/{orgId}/media-lists/{listId}',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/media-lists/list-b`,
    body: { name: 'HIJACKED', count: 0, hashes: [] },
  },
  {
    route: 'DELETE /api/orgs/{orgId}/media-lists/{listId}',
    method: 'DELETE',
    path: (o) => `/api/orgs/${o}/media-lists/list-b`,
  },
  { route: 'GET /api/orgs/{orgId}/activity', method: 'GET', path: (o) => `/api/orgs/${o}/activity` },
  { route: 'GET /api/orgs/{orgId}/settings', method: 'GET', path: (o) => `/api/orgs/${o}/settings` },
  {
    route: 'PUT /api/orgs/{orgId}/settings',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/settings`,
    body: { approvalsRequired: false },
  },
  {
    route: 'POST /api/orgs/{orgId}/platforms/drafts/{draftId}/send',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/platforms/drafts/draft-b/send`,
  },
  {
    route: 'GET /api/orgs/{orgId}/platforms/connect/{platform}/start',
    method: 'GET',
    path: (o) =>
      `/api/orgs/${o}/platforms/connect/meta/start?redirectUri=${encodeURIComponent('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/')}`,
  },
  {
    route: 'POST /api/orgs/{orgId}/platforms/connect/{platform}/callback',
    method: 'POST',
    path: (o) => `/api/orgs/${o}/platforms/connect/meta/callback`,
    body: { code: 'stolen', state: 'forged', redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/' },
  },
  {
    route: 'GET /api/orgs/{orgId}/platforms/connect/{platform}/choices',
    method: 'GET',
    path: (o) => `/api/orgs/${o}/platforms/connect/meta/choices`,
  },
  {
    route: 'GET /api/orgs/{orgId}/platforms/connections',
    method: 'GET',
    path: (o) => `/api/orgs/${o}/platforms/connections`,
  },
  {
    route: 'PUT /api/orgs/{orgId}/platforms/connections/{platform}',
    method: 'PUT',
    path: (o) => `/api/orgs/${o}/platforms/connections/meta`,
    body: { adAccountId: '666', pageId: '666', currency: 'EUR' },
  },
  {
    route: 'DELETE /api/orgs/{orgId}/platforms/connections/{platform}',
    method: 'DELETE',
    path: (o) => `/api/orgs/${o}/platforms/connections/meta`,
  },
];

const roles = ['owner', 'editor', 'reviewer'] as const;

describe.each(rows)('$route', (row) => {
  test.each(roles)("A's %s is refused on B's organisation (404, nothing leaks)", async (role) => {
    const res = await (a[role] as Client).req(row.method, row.path(b.orgId), row.body);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toMatch(/Beta|draft-b|list-b|HIJACKED/);
  });

  test('without a session: 401', async () => {
    const res = await s.app.request(row.path(b.orgId), {
      method: row.method,
      headers: { 'content-type': 'application/json' },
      ...(row.body ? { body: JSON.stringify(row.body) } : {}),
    });
    expect(res.status).toBe(401);
  });

  test("A's owner using A's own org id cannot reach B's objects", async () => {
    const res = await a.owner.req(row.method, row.path(a.orgId), row.body);
    const text = await res.text();
    expect(text).not.toMatch(/Beta|beta internal|Beta secret/);
    if (row.method === 'GET' && /\/(draft-b|rel-b)$/.test(row.path(a.orgId))) expect(res.status).toBe(404);
  });
});

test("B's data is unchanged after every attempt", async () => {
  const draft = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/drafts/draft-b`)).json()) as {
    draft: { headline: string; status: string };
  };
  expect(draft.draft.headline).not.toBe('HIJACKED');
  expect(draft.draft.status).toBe('in_review');
  const rel = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/releases/rel-b`)).json()) as {
    release: { release: { headline: string } };
  };
  expect(rel.release.release.headline).toBe('Beta news');
  const kit = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/kit`)).json()) as { kit: { boilerplate: string } };
  expect(kit.kit.boilerplate).toBe('Beta secret boilerplate');
  const comments = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/comments`)).json()) as {
    items: { body: string }[];
  };
  expect(comments.items.map((c) => c.body)).toEqual(['beta internal']);
  const links = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/review-links`)).json()) as {
    items: { revokedAt: string | null }[];
  };
  expect(links.items.every((l) => l.revokedAt === null)).toBe(true);
  const lists = (await (await b.owner.req('GET', `/api/orgs/${b.orgId}/media-lists`)).json()) as {
    items: { name: string }[];
  };
  expect(lists.items.map((l) => l.name)).toEqual(['Beta list']);
  expect(await (await b.owner.req('GET', `/api/orgs/${b.orgId}/settings`)).json()).toEqual({ approvalsRequired: true });
  // A's activity log holds nothing of B's (A may reuse the same ids in its own namespace).
  const act = await (await a.owner.req('GET', `/api/orgs/${a.orgId}/activity`)).text();
  expect(act).not.toContain(b.orgId);
  expect(act).not.toMatch(/Beta/);
});

test('/api/me lists only your own organisations', async () => {
  const me = (await (await a.editor.req('GET', '/api/me')).json()) as { organizations: { id: string }[] };
  expect(me.organizations.map((o) => o.id)).toEqual([a.orgId]);
  expect((await s.app.request('/api/me')).status).toBe(401);
});

test("better-auth's organisation endpoints refuse B's org to A's owner", async () => {
  const full = await a.owner.req('GET', `/api/auth/organization/get-full-organization?organizationId=${b.orgId}`);
  expect(await full.text()).not.toMatch(/Beta/);
  const invite = await a.owner.req('POST', '/api/auth/organization/invite-member', {
    email: 'x@example.test',
    role: 'editor',
    organizationId: b.orgId,
  });
  expect(invite.status).toBeGreaterThanOrEqual(400);
});

test('every organisation route in the OpenAPI document has an isolation row', () => {
  const documented = routeDocs(s.app)
    .filter((d) => d.path.startsWith('/api/orgs/'))
    .map((d) => `${d.method.toUpperCase()} ${d.path}`);
  expect(documented.sort()).toEqual(rows.map((r) => r.route).sort());
});
