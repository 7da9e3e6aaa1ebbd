import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { routeDoc, routeDocs, undocumented } from '../../server/lib/route-docs.ts';
import { json, param, query } from '../../server/lib/validate.ts';
import { startTestServer, team, type TestServer } from './harness.ts';

/**
 * Each route carries its OpenAPI entry (doc()) and its validators; the document is read off the app. A route
 * without a doc must stop the app from being built, and what the document shows must be what is checked.
 */
const doc = routeDoc({ tag: 'test', auth: 'session' });
const Body = z.object({ name: z.string().min(1) });
const Query = z.object({ limit: z.coerce.number().int().max(10).default(5) });

describe('routeDocs', () => {
  test('a route without doc() is refused, naming the method and path', () => {
    const app = new Hono();
    app.get('/documented', doc({ summary: 'fine', responses: { 200: { description: 'ok' } } }), (c) => c.text(''));
    app.post('/orphan/:id', (c) => c.text(''));
    expect(() => routeDocs(app)).toThrow(/POST \/orphan\/:id has no doc\(\)/);
  });

  test('the body and query in the document are the validators’ schemas; paths in OpenAPI form', () => {
    const sub = new Hono()
      .put(
        '/things/:id',
        doc({ summary: 'put', responses: { 200: { description: 'ok' } } }),
        param(z.object({ id: z.string() })),
        query(Query),
        json(Body),
        (c) => c.json(c.req.valid('json')),
      )
      .get('/hidden', undocumented('not part of the API'), (c) => c.text(''));
    const app = new Hono().use('*', (_c, next) => next()).route('/api/orgs/:orgId', sub);
    expect(routeDocs(app)).toEqual([
      {
        method: 'put',
        path: '/api/orgs/{orgId}/things/{id}',
        tag: 'test',
        auth: 'session',
        summary: 'put',
        responses: { 200: { description: 'ok' } },
        query: Query,
        body: Body,
      },
    ]);
  });
});

describe('validation on the real app', () => {
  let s: TestServer;
  let t: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    s = await startTestServer();
    t = await team(s, 'Docs');
  });
  afterAll(() => s?.close());

  test('the served document lists the routes with the validated body', async () => {
    const res = await s.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const d = (await res.json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(Object.keys(d.paths)).toContain('/api/orgs/{orgId}/platforms/connections/{platform}');
    const put = d.paths['/api/orgs/{orgId}/settings']!.put!;
    expect(put.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { approvalsRequired: { type: 'boolean' } } } } },
    });
  });

  test('refusals keep the shape { error, message, issues? }; the role is checked before the body', async () => {
    const settings = `/api/orgs/${t.orgId}/settings`;
    const invalid = await t.owner.req('PUT', settings, { approvalsRequired: 'yes' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: 'invalid',
      message: 'body does not match the schema',
      issues: [expect.objectContaining({ path: ['approvalsRequired'] })],
    });
    const malformed = await s.app.request(settings, {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.owner.token}`, 'content-type': 'application/json' },
      body: '{"approvalsRequired": tru',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'bad_json', message: 'body must be JSON' });
    expect((await t.reviewer.req('PUT', settings, { approvalsRequired: 'yes' })).status).toBe(403);
    const badQuery = await t.owner.req('GET', `/api/orgs/${t.orgId}/activity?limit=0`);
    expect(badQuery.status).toBe(400);
    expect(await badQuery.json()).toMatchObject({ error: 'invalid', message: 'query does not match the schema' });
  });
});
