import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { DraftSchema, type Draft } from '../../utils/drafts/schema.ts';
import {
  PullResponseSchema,
  PushConflictSchema,
  PushOkSchema,
  PushRequestSchema,
  SyncedDraftSchema,
  type PushOk,
} from '../../utils/sync/protocol.ts';
import { drafts, mutations } from '../db/schema/index.ts';
import { query } from '../db/client.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, notFound, readBody, readQuery } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { nextRevision } from '../lib/revisions.ts';
import { logActivity } from '../lib/activity.ts';
import { LOCKED_STATUSES, loadDraft, toSynced } from '../lib/draft-store.ts';
import type { RouteDoc } from '../lib/openapi.ts';

const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  releaseId: z.string().optional(),
});

/** Thrown inside a push transaction to roll it back (mutation claim included) and reply with `status`. */
class Reject {
  constructor(readonly status: 409 | 404 | 423, readonly body: unknown) {}
}

export const draftDocs: RouteDoc[] = [
  {
    method: 'get', path: '/api/orgs/{orgId}/drafts', tag: 'drafts', auth: 'session',
    summary: 'Pull drafts changed after revision `since` (ascending revision; tombstones included)',
    query: PullQuery, responses: { 200: { description: 'a page', schema: PullResponseSchema } },
  },
  {
    method: 'get', path: '/api/orgs/{orgId}/drafts/{draftId}', tag: 'drafts', auth: 'session',
    summary: 'One draft', responses: { 200: { description: 'the draft', schema: SyncedDraftSchema } },
  },
  {
    method: 'put', path: '/api/orgs/{orgId}/drafts/{draftId}', tag: 'drafts', auth: 'session',
    summary: 'Push one mutation (upsert or delete) with its base revision and client mutation id; idempotent',
    body: PushRequestSchema,
    responses: {
      200: { description: 'applied (or the stored reply of an earlier identical mutation id)', schema: PushOkSchema },
      409: { description: 'base revision is stale; the server copy is attached', schema: PushConflictSchema },
      423: { description: 'draft is approved or sent: reopen it first' },
    },
  },
];

export function draftRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const q = readQuery(c, PullQuery);
    const orgId = c.get('orgId');
    const where = [eq(drafts.orgId, orgId), gt(drafts.revision, q.since)];
    if (q.releaseId) where.push(eq(drafts.releaseId, q.releaseId));
    const rows = await deps.db
      .select({
        id: drafts.id, doc: drafts.doc, revision: drafts.revision, deleted: drafts.deleted,
        createdBy: drafts.createdBy, updatedBy: drafts.updatedBy, updatedAt: drafts.updatedAt,
      })
      .from(drafts)
      .where(and(...where))
      .orderBy(asc(drafts.revision))
      .limit(q.limit + 1);
    const hasMore = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toSynced);
    return c.json({ items, cursor: items.length ? items[items.length - 1]!.revision : q.since, hasMore });
  });

  app.get('/:draftId', async (c) => {
    const row = await loadDraft(deps.db, c.get('orgId'), c.req.param('draftId'));
    if (!row) return notFound('draft not found');
    return c.json(toSynced(row));
  });

  app.put('/:draftId', async (c) => {
    requirePermission(c, { draft: ['write'] }, 'your role cannot edit drafts');
    const orgId = c.get('orgId');
    const user = c.get('user');
    const draftId = c.req.param('draftId');
    const req = await readBody(c, PushRequestSchema);
    let doc: Draft | null = null;
    if (req.op === 'upsert') {
      const parsed = DraftSchema.safeParse(req.draft);
      if (!parsed.success) fail(400, 'invalid', 'draft does not match DraftSchema', parsed.error.issues);
      if (parsed.data.id !== draftId) fail(400, 'invalid', 'draft.id must equal the path id');
      // Keep fields a newer extension may send that this server's schema does not know yet.
      doc = { ...(req.draft as object), ...parsed.data } as Draft;
    }
    const now = deps.clock();
    try {
      const reply = await deps.db.transaction(async (tx) => {
        // 1. Claim the mutation id first: a concurrent duplicate blocks here until we commit.
        const claimed = await query<{ mutation_id: string }>(
          tx,
          sql`insert into mutations (org_id, mutation_id, user_id, created_at) values (${orgId}, ${req.mutationId}, ${user.id}, ${now.toISOString()})
              on conflict do nothing returning mutation_id`,
        );
        if (claimed.length === 0) {
          const [prior] = await tx.select().from(mutations)
            .where(and(eq(mutations.orgId, orgId), eq(mutations.mutationId, req.mutationId))).limit(1);
          if (!prior || prior.userId !== user.id || !prior.reply) throw new Reject(409, { error: 'mutation_id_reused', server: null });
          return prior.reply as PushOk;
        }
        // 2. Check the base revision against the current row (locked).
        const cur = await loadDraft(tx, orgId, draftId, true);
        const curRev = cur ? Number(cur.revision) : 0;
        if (curRev !== req.baseRevision) throw new Reject(409, { error: 'conflict', server: cur ? toSynced(cur) : null });
        if (cur && LOCKED_STATUSES.has(cur.status)) {
          throw new Reject(423, { error: 'locked', message: `draft is ${cur.status}; reopen it to edit`, server: toSynced(cur) });
        }
        if (req.op === 'delete' && !cur) throw new Reject(404, { error: 'not_found', message: 'draft not found' });
        // 3. Status is the server's: edits never approve; editing a rejected draft sends it back to draft.
        const status = !cur || cur.status === 'rejected' ? 'draft' : cur.status;
        const nextDoc = req.op === 'upsert' ? { ...doc!, status } : { ...(cur!.doc as Draft) };
        const rev = await nextRevision(tx, orgId);
        const values = {
          orgId, id: draftId, releaseId: nextDoc.releaseId, status, doc: nextDoc, revision: rev,
          deleted: req.op === 'delete', createdBy: cur?.createdBy ?? user.id, updatedAt: now, updatedBy: user.id,
        };
        // The WHERE guards the insert race of two "new" drafts with one id: the loser gets 409.
        const written = await tx.insert(drafts).values(values)
          .onConflictDoUpdate({
            target: [drafts.orgId, drafts.id],
            set: { releaseId: values.releaseId, status, doc: nextDoc, revision: rev, deleted: values.deleted, updatedAt: now, updatedBy: user.id },
            where: sql`${drafts.revision} = ${curRev}`,
          })
          .returning();
        if (!written[0]) {
          const latest = await loadDraft(tx, orgId, draftId);
          throw new Reject(409, { error: 'conflict', server: latest ? toSynced(latest) : null });
        }
        const out: PushOk = { ok: true, item: toSynced(written[0]) };
        await tx.update(mutations).set({ status: 200, reply: out })
          .where(and(eq(mutations.orgId, orgId), eq(mutations.mutationId, req.mutationId)));
        await logActivity(tx, {
          orgId, actorUserId: user.id, actorName: user.name, at: now, subjectType: 'draft', subjectId: draftId,
          action: req.op === 'delete' ? 'draft.deleted' : cur ? 'draft.updated' : 'draft.created',
          detail: { revision: rev, releaseId: nextDoc.releaseId },
        });
        return out;
      });
      return c.json(reply);
    } catch (e) {
      if (e instanceof Reject) return c.json(e.body as object, e.status);
      throw e;
    }
  });

  return app;
}
