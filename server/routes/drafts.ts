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
  type SyncedDraft,
} from '../../utils/sync/protocol.ts';
import { drafts, mutations } from '../db/schema/index.ts';
import { query } from '../db/client.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, notFound, readBody, readQuery } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
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

/** Columns of a draft row as raw SQL returns them (timestamps as ISO text so both drivers agree). */
const RAW_COLUMNS = sql.raw(`id, doc, revision, deleted, status, created_by, updated_by, to_json(updated_at) #>> '{}' as updated_at`);
interface RawDraft {
  id: string | null; doc: unknown; revision: string | number | null; deleted: boolean | null; status: string | null;
  created_by: string | null; updated_by: string | null; updated_at: string | null;
}
function fromRaw(r: RawDraft): SyncedDraft {
  return {
    id: r.id!, draft: (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as Draft, revision: Number(r.revision),
    deleted: Boolean(r.deleted), createdBy: r.created_by!, updatedBy: r.updated_by!, updatedAt: new Date(r.updated_at!).toISOString(),
  };
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
      const outcome = await deps.db.transaction(async (tx): Promise<{ reply: PushOk } | { written: Promise<{ body: PushOk | string }[]> }> => {
        // 1. Claim the mutation id (a concurrent duplicate blocks on its key until we commit) and lock
        //    the current row, in one round trip.
        const [head] = await query<RawDraft & { claimed: number }>(
          tx,
          sql`with c as (insert into mutations (org_id, mutation_id, user_id, created_at)
                         values (${orgId}, ${req.mutationId}, ${user.id}, ${now.toISOString()}) on conflict do nothing returning 1)
              select (select count(*) from c)::int as claimed, d.*
              from (select 1) x left join lateral (
                select ${RAW_COLUMNS} from drafts where org_id = ${orgId} and id = ${draftId} for update
              ) d on true`,
        );
        if (!head!.claimed) {
          const [prior] = await tx.select().from(mutations)
            .where(and(eq(mutations.orgId, orgId), eq(mutations.mutationId, req.mutationId))).limit(1);
          if (!prior || prior.userId !== user.id || !prior.reply) throw new Reject(409, { error: 'mutation_id_reused', server: null });
          return { reply: prior.reply as PushOk };
        }
        const cur = head!.id ? fromRaw(head!) : null;
        // 2. Check the base revision against the current (locked) row.
        const curRev = cur ? cur.revision : 0;
        if (curRev !== req.baseRevision) throw new Reject(409, { error: 'conflict', server: cur });
        if (cur && LOCKED_STATUSES.has(head!.status!)) {
          throw new Reject(423, { error: 'locked', message: `draft is ${head!.status}; reopen it to edit`, server: cur });
        }
        if (req.op === 'delete' && !cur) throw new Reject(404, { error: 'not_found', message: 'draft not found' });
        // 3. Status is the server's: edits never approve; editing a rejected draft sends it back to draft.
        const status = !cur || head!.status === 'rejected' ? 'draft' : head!.status!;
        const nextDoc = req.op === 'upsert' ? { ...doc!, status } : { ...cur!.draft };
        // 4. One statement for everything that needs the organisation's counter lock: next revision,
        //    write, the stored reply for retries and the activity entry. The lock is held from here to
        //    COMMIT, so this is the only statement that serialises writers of one organisation, and it is
        //    handed back unawaited: COMMIT goes out right behind it, in the same round trip, and the lock
        //    is held for PostgreSQL's time only, never for a trip through this process's event loop (under
        //    load that trip is what made writers of one organisation queue behind each other).
        //    The WHERE guards the race of two "new" drafts with one id: then nothing is written, `f` drops
        //    the claim (a refused mutation leaves no record) and the loser gets 409 after the commit. The
        //    revision taken for it is skipped; revisions only need to increase.
        const action = req.op === 'delete' ? 'draft.deleted' : cur ? 'draft.updated' : 'draft.created';
        const nowIso = now.toISOString();
        const written = query<{ body: PushOk | string }>(
          tx,
          sql`with r as (insert into org_revisions (org_id, rev) values (${orgId}, 1)
                         on conflict (org_id) do update set rev = org_revisions.rev + 1 returning rev),
              d as (insert into drafts (org_id, id, release_id, status, doc, revision, deleted, created_by, updated_at, updated_by)
                    select ${orgId}, ${draftId}, ${nextDoc.releaseId}, ${status}, ${JSON.stringify(nextDoc)}::jsonb, r.rev,
                           ${req.op === 'delete'}, ${head!.created_by ?? user.id}, ${nowIso}, ${user.id} from r
                    on conflict (org_id, id) do update set release_id = excluded.release_id, status = excluded.status, doc = excluded.doc,
                       revision = excluded.revision, deleted = excluded.deleted, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    where drafts.revision = ${curRev}
                    returning id, doc, revision, deleted, created_by, updated_by),
              reply as (select d.revision, jsonb_build_object('ok', true, 'item', jsonb_build_object(
                          'id', d.id, 'draft', d.doc, 'revision', d.revision, 'deleted', d.deleted,
                          'createdBy', d.created_by, 'updatedBy', d.updated_by, 'updatedAt', ${nowIso}::text)) as body from d),
              m as (update mutations set status = 200, reply = (select body from reply)
                    where org_id = ${orgId} and mutation_id = ${req.mutationId} and exists (select 1 from reply)),
              f as (delete from mutations
                    where org_id = ${orgId} and mutation_id = ${req.mutationId} and not exists (select 1 from reply)),
              a as (insert into activity (org_id, at, actor_user_id, actor_name, action, subject_type, subject_id, detail)
                    select ${orgId}, ${nowIso}, ${user.id}, ${user.name}, ${action}, 'draft', ${draftId},
                           jsonb_build_object('revision', reply.revision, 'releaseId', ${nextDoc.releaseId}::text) from reply)
              select body from reply`,
        );
        written.catch(() => undefined); // awaited below, after the commit; this only keeps it from counting as unhandled
        return { written };
      });
      if ('reply' in outcome) return c.json(outcome.reply);
      // A failed statement aborts the transaction (PostgreSQL answers the COMMIT with a rollback); its
      // error surfaces here.
      const [row] = await outcome.written;
      if (!row) {
        const latest = await loadDraft(deps.db, orgId, draftId);
        return c.json({ error: 'conflict', server: latest ? toSynced(latest) : null }, 409);
      }
      const reply = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as PushOk;
      reply.item.revision = Number(reply.item.revision);
      return c.json(reply);
    } catch (e) {
      if (e instanceof Reject) return c.json(e.body as object, e.status);
      throw e;
    }
  });

  return app;
}
