import { Hono } from 'hono';
import { ping } from '../db/client.ts';
import type { AppDeps } from '../lib/context.ts';
import { routeDoc } from '../lib/route-docs.ts';

const doc = routeDoc({ tag: 'ops', auth: 'none' });

export function healthRoutes(deps: AppDeps) {
  return new Hono()
    .get('/health', doc({ summary: 'The process is up', responses: { 200: { description: 'ok' } } }), (c) =>
      c.json({ ok: true }),
    )
    .get(
      '/ready',
      doc({
        summary: 'The database answers',
        responses: { 200: { description: 'ready' }, 503: { description: 'database unreachable' } },
      }),
      async (c) =>
        (await ping(deps.db)) ? c.json({ ok: true }) : c.json({ ok: false, error: 'database unreachable' }, 503),
    );
}
