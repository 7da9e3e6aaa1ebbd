import { Hono } from 'hono';
import { z } from 'zod';
import {
  PullResponseSchema,
  PushConflictSchema,
  PushOkSchema,
  PushRequestSchema,
  SyncedDraftSchema,
  type PushRequest,
} from '../../utils/contract/sync.ts';
import { isoText, raw } from '../db/raw.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { notFound } from '../lib/http.ts';
import { permit } from '../lib/membership.ts';
import { loadDraft, toSynced, type SyncedRow } from '../lib/draft-store.ts';
import { applyMutations, toMutation } from '../lib/push.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json, query } from '../lib/validate.ts';

const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  releaseId: z.string().optional(),
});

/** The pull, the sync client's most frequent request. $1 organisation, $2 since, $3 limit (+1), $4 release. */
const PULL = (byRelease: boolean) => `
  select id, doc, revision, deleted, created_by as "createdBy", updated_by as "updatedBy", ${isoText('updated_at', '"updatedAt"')}
  from drafts where org_id = $1 and revision > $2${byRelease ? ' and release_id = $4' : ''}
  order by revision limit $3`;
const PULL_STATEMENT = PULL(false);
const PULL_RELEASE_STATEMENT = PULL(true);

const doc = routeDoc({ tag: 'drafts', auth: 'session' });

export function draftRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Pull drafts changed after revision `since` (ascending revision; tombstones included)',
      responses: { 200: { description: 'a page', schema: PullResponseSchema } },
    }),
    query(PullQuery),
    async (c) => {
      const q = c.req.valid('query');
      const orgId = c.get('orgId');
      const rows = await raw<SyncedRow>(deps.db, q.releaseId ? PULL_RELEASE_STATEMENT : PULL_STATEMENT, [
        orgId,
        q.since,
        q.limit + 1,
        ...(q.releaseId ? [q.releaseId] : []),
      ]);
      const hasMore = rows.length > q.limit;
      const items = rows.slice(0, q.limit).map(toSynced);
      return c.json({ items, cursor: items.length ? items[items.length - 1]!.revision : q.since, hasMore });
    },
  );

  app.get(
    '/:draftId',
    doc({ summary: 'One draft', responses: { 200: { description: 'the draft', schema: SyncedDraftSchema } } }),
    async (c) => {
      const row = await loadDraft(deps.db, c.get('orgId'), c.req.param('draftId'));
      if (!row) return notFound('draft not found');
      return c.json(toSynced(row));
    },
  );

  app.put(
    '/:draftId',
    doc({
      summary: 'Push one mutation (upsert or delete) with its base revision and client mutation id; idempotent',
      responses: {
        200: { description: 'applied (or the stored reply of an earlier identical mutation id)', schema: PushOkSchema },
        409: { description: 'base revision is stale; the server copy is attached', schema: PushConflictSchema },
        423: { description: 'draft is approved or sent: reopen it first' },
      },
    }),
    permit({ draft: ['write'] }, 'your role cannot edit drafts'),
    json(PushRequestSchema),
    async (c) => {
      const orgId = c.get('orgId');
      const user = c.get('user');
      const draftId = c.req.param('draftId');
      const req = c.req.valid('json');
      const m = toMutation(req as PushRequest, draftId);
      if ('refused' in m) return c.json(m.refused.body, m.refused.status);
      const results = await applyMutations(deps.db, { orgId, user, now: deps.clock() }, [m]);
      const { status, body } = results.get(req.mutationId)!;
      return c.json(body as object, status);
    },
  );

  return app;
}
