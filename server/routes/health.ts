import { Hono } from 'hono';
import { ping } from '../db/client.ts';
import type { AppDeps } from '../lib/context.ts';
import type { RouteDoc } from '../lib/openapi.ts';

export const healthDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'ops',
    auth: 'none',
    summary: 'The process is up',
    responses: { 200: { description: 'ok' } },
  },
  {
    method: 'get',
    path: '/ready',
    tag: 'ops',
    auth: 'none',
    summary: 'The database answers',
    responses: { 200: { description: 'ready' }, 503: { description: 'database unreachable' } },
  },
];

export function healthRoutes(deps: AppDeps) {
  return new Hono()
    .get('/health', (c) => c.json({ ok: true }))
    .get('/ready', async (c) =>
      (await ping(deps.db)) ? c.json({ ok: true }) : c.json({ ok: false, error: 'database unreachable' }, 503),
    );
}
