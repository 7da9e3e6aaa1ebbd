import { Hono } from 'hono';
import { BatchPushRequestSchema, BatchPushResponseSchema, type PushRequest } from '../../utils/contract/sync.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, readBody } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { applyMutations, toMutation, type Mutation } from '../lib/push.ts';
import type { RouteDoc } from '../lib/openapi.ts';

export const draftBatchDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/orgs/{orgId}/drafts/batch',
    tag: 'drafts',
    auth: 'session',
    summary:
      'Push up to 100 mutations (one per draft) in one transaction; each gets the reply the single PUT would give',
    body: BatchPushRequestSchema,
    responses: { 200: { description: 'one result per mutation, in request order', schema: BatchPushResponseSchema } },
  },
];

/** The outbox's fast path: up to BATCH_MAX mutations with the single PUT's rules, in one statement (server/lib/push.ts). */
export function draftBatchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/batch', async (c) => {
    requirePermission(c, { draft: ['write'] }, 'your role cannot edit drafts');
    const { mutations: ms } = await readBody(c, BatchPushRequestSchema);
    if (new Set(ms.map((m) => m.draftId)).size !== ms.length)
      fail(400, 'invalid', 'at most one mutation per draft in a batch');
    if (new Set(ms.map((m) => m.mutationId)).size !== ms.length) fail(400, 'invalid', 'mutation ids must be unique');
    const results = new Map<string, { status: number; body: unknown }>();
    const live: Mutation[] = [];
    for (const m of ms) {
      const checked = toMutation(m as PushRequest, m.draftId);
      if ('error' in checked) results.set(m.mutationId, { status: 400, body: checked });
      else live.push(checked);
    }
    if (live.length) {
      for (const [id, r] of await applyMutations(
        deps.db,
        { orgId: c.get('orgId'), user: c.get('user'), now: deps.clock() },
        live,
      ))
        results.set(id, r);
    }
    return c.json({ results: ms.map((m) => ({ mutationId: m.mutationId, ...results.get(m.mutationId)! })) });
  });

  return app;
}
