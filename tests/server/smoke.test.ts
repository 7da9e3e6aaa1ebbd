import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeDraft, push, startTestServer, team, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s.close(); });

test('health, ready, push and pull', async () => {
  expect((await s.app.request('/health')).status).toBe(200);
  expect((await s.app.request('/ready')).status).toBe(200);
  const t = await team(s);
  const r = await push(t.editor, t.orgId, makeDraft({ id: 'd1' }), 0);
  expect(r.status).toBe(200);
  const pulled = await t.reviewer.req('GET', `/api/orgs/${t.orgId}/drafts?since=0`);
  expect(pulled.status).toBe(200);
  const body = await pulled.json() as { items: unknown[] };
  expect(body.items).toHaveLength(1);
});
