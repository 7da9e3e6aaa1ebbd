import { Hono } from 'hono';
import { BatchPushRequestSchema, BatchPushResponseSchema, type PushRequest } from '../../utils/contract/sync.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail } from '../lib/http.ts';
import { permit } from '../lib/membership.ts';
import { applyMutations, toMutation, type Mutation } from '../lib/push.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

const doc = routeDoc({ tag: 'drafts', auth: 'session' });

/** The outbox's fast path: up to BATCH_MAX mutations with the single PUT's rules, in one statement (server/lib/push.ts). */
export function draftBatchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post(
    '/batch',
    doc({
      summary:
        'Push up to 100 mutations (one per draft) in one transaction; each gets the reply the single PUT would give',
      responses: {
        200: { description: 'one result per mutation, in request order', schema: BatchPushResponseSchema },
      },
    }),
    permit({ draft: ['write'] }, 'your role cannot edit drafts'),
    // Screened per mutation below, so one draft the database cannot hold is that mutation's 400, not the batch's.
    json(BatchPushRequestSchema, undefined, { screen: false }),
    async (c) => {
      const { mutations: ms } = c.req.valid('json');
      if (new Set(ms.map((m) => m.draftId)).size !== ms.length)
        fail(400, 'invalid', 'at most one mutation per draft in a batch');
      if (new Set(ms.map((m) => m.mutationId)).size !== ms.length) fail(400, 'invalid', 'mutation ids must be unique');
      const results = new Map<string, { status: number; body: unknown }>();
      const live: Mutation[] = [];
      for (const m of ms) {
        const checked = toMutation(m as PushRequest, m.draftId, true);
        if ('refused' in checked) results.set(m.mutationId, checked.refused);
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
    },
  );

  return app;
}
