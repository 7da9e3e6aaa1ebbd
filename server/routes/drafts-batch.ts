import { and, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { DraftSchema, type Draft } from '../../utils/drafts/schema.ts';
import { BatchPushRequestSchema, BatchPushResponseSchema, type PushOk, type SyncedDraft } from '../../utils/sync/protocol.ts';
import { mutations } from '../db/schema/index.ts';
import { query } from '../db/client.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, readBody } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { LOCKED_STATUSES, loadDraft, toSynced } from '../lib/draft-store.ts';
import type { RouteDoc } from '../lib/openapi.ts';

export const draftBatchDocs: RouteDoc[] = [
  {
    method: 'post', path: '/api/orgs/{orgId}/drafts/batch', tag: 'drafts', auth: 'session',
    summary: 'Push up to 100 mutations (one per draft) in one transaction; each gets the reply the single PUT would give',
    body: BatchPushRequestSchema, responses: { 200: { description: 'one result per mutation, in request order', schema: BatchPushResponseSchema } },
  },
];

interface Written { mutation_id: string; body: PushOk | string }
interface Locked { id: string; doc: unknown; revision: string | number; deleted: boolean; status: string; created_by: string; updated_by: string; updated_at: string }
const json = (v: unknown) => JSON.stringify(v);
const synced = (r: Locked): SyncedDraft => ({
  id: r.id, draft: (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as Draft, revision: Number(r.revision), deleted: r.deleted,
  createdBy: r.created_by, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * The outbox's fast path: the same rules as PUT /drafts/:draftId, set-based, so a batch costs a fixed
 * number of statements (claim+lock, then write+reply+log+release of refused claims) instead of a few per draft.
 */
export function draftBatchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/batch', async (c) => {
    requirePermission(c, { draft: ['write'] }, 'your role cannot edit drafts');
    const { mutations: ms } = await readBody(c, BatchPushRequestSchema);
    if (new Set(ms.map((m) => m.draftId)).size !== ms.length) fail(400, 'invalid', 'at most one mutation per draft in a batch');
    if (new Set(ms.map((m) => m.mutationId)).size !== ms.length) fail(400, 'invalid', 'mutation ids must be unique');
    const orgId = c.get('orgId');
    const user = c.get('user');
    const now = deps.clock();
    const nowIso = now.toISOString();
    const results = new Map<string, { status: number; body: unknown }>();
    const docs = new Map<string, Draft>();
    for (const m of ms) {
      if (m.op !== 'upsert') continue;
      const parsed = DraftSchema.safeParse(m.draft);
      if (!parsed.success) results.set(m.mutationId, { status: 400, body: { error: 'invalid', message: 'draft does not match DraftSchema', issues: parsed.error.issues } });
      else if (parsed.data.id !== m.draftId) results.set(m.mutationId, { status: 400, body: { error: 'invalid', message: 'draft.id must equal draftId' } });
      else docs.set(m.mutationId, { ...(m.draft as object), ...parsed.data } as Draft);
    }
    const live = ms.filter((m) => !results.has(m.mutationId));

    const outcome = live.length ? await deps.db.transaction(async (tx) => {
      // 1. Claim every mutation id (a concurrent duplicate blocks on its key until its first sender
      //    commits) and then lock the current rows, in id order so concurrent batches cannot deadlock:
      //    one statement, one round trip. The claim runs first (the append reads `c` before `d`); the rows
      //    of already-seen mutations are locked too, which only costs a lock until commit.
      const head = await query<Locked & { kind: 'claim' | 'row'; mutation_id: string | null }>(tx, sql`
        with c as (insert into mutations (org_id, mutation_id, user_id, created_at)
                   select ${orgId}, x, ${user.id}, ${nowIso} from jsonb_array_elements_text(${json(live.map((m) => m.mutationId))}::jsonb) x
                   on conflict do nothing returning mutation_id),
             d as (select id, doc, revision, deleted, status, created_by, updated_by, to_json(updated_at) #>> '{}' as updated_at
                   from drafts where org_id = ${orgId} and id in (select jsonb_array_elements_text(${json(live.map((m) => m.draftId))}::jsonb))
                   order by id for update)
        select 'claim' as kind, mutation_id, null as id, null::jsonb as doc, null::bigint as revision, null::boolean as deleted,
               null as status, null as created_by, null as updated_by, null as updated_at from c
        union all
        select 'row', null, id, doc, revision, deleted, status, created_by, updated_by, updated_at from d`);
      const claimed = new Set(head.filter((r) => r.kind === 'claim').map((r) => r.mutation_id!));
      const seen = live.filter((m) => !claimed.has(m.mutationId)).map((m) => m.mutationId);
      if (seen.length) {
        const priors = await tx.select().from(mutations).where(and(eq(mutations.orgId, orgId), inArray(mutations.mutationId, seen)));
        for (const id of seen) {
          const p = priors.find((x) => x.mutationId === id);
          results.set(id, p && p.userId === user.id && p.reply ? { status: 200, body: p.reply } : { status: 409, body: { error: 'mutation_id_reused', server: null } });
        }
      }
      const fresh = live.filter((m) => claimed.has(m.mutationId));
      if (!fresh.length) return null;
      const rows = head.filter((r) => r.kind === 'row');
      const current = new Map(rows.map((r) => [r.id, r]));
      const failed: string[] = [];
      const accepted: Record<string, unknown>[] = [];
      for (const m of fresh) {
        const cur = current.get(m.draftId);
        const curRev = cur ? Number(cur.revision) : 0;
        let reject: { status: number; body: unknown } | null = null;
        if (curRev !== m.baseRevision) reject = { status: 409, body: { error: 'conflict', server: cur ? synced(cur) : null } };
        else if (cur && LOCKED_STATUSES.has(cur.status)) reject = { status: 423, body: { error: 'locked', message: `draft is ${cur.status}; reopen it to edit`, server: synced(cur) } };
        else if (m.op === 'delete' && !cur) reject = { status: 404, body: { error: 'not_found', message: 'draft not found' } };
        if (reject) {
          results.set(m.mutationId, reject);
          failed.push(m.mutationId);
          continue;
        }
        const status = !cur || cur.status === 'rejected' ? 'draft' : cur.status;
        const doc = m.op === 'upsert' ? { ...docs.get(m.mutationId)!, status } : synced(cur!).draft;
        accepted.push({
          ord: accepted.length + 1, id: m.draftId, release_id: doc.releaseId, status, doc, deleted: m.op === 'delete',
          created_by: cur?.created_by ?? user.id, base: curRev, mutation_id: m.mutationId,
          action: m.op === 'delete' ? 'draft.deleted' : cur ? 'draft.updated' : 'draft.created',
        });
      }
      // 3. The last statement, handed back unawaited so that COMMIT goes out right behind it in the same
      //    round trip: the organisation's counter lock (taken here) is held for PostgreSQL's time only,
      //    never for a trip through this process's event loop (see the PUT route). Under that lock: k
      //    revisions, the writes, stored replies, activity; and refused mutations leave no trace, so a
      //    retry of the same id is judged afresh (as with PUT): `f` drops their claims, including those of
      //    accepted ones the WHERE turned away (a "new" draft created concurrently by someone else, 409
      //    after the commit; the revision taken for it is skipped).
      if (!accepted.length) {
        if (!failed.length) return null;
        const dropped = query(tx, sql`delete from mutations where org_id = ${orgId}
          and mutation_id in (select jsonb_array_elements_text(${json(failed)}::jsonb))`).then((): Written[] => []);
        dropped.catch(() => undefined); // awaited after the commit
        return { written: dropped, accepted: [] as Record<string, unknown>[] };
      }
      const k = accepted.length;
      const written = query<Written>(tx, sql`
        with r as (insert into org_revisions (org_id, rev) values (${orgId}, ${k})
                   on conflict (org_id) do update set rev = org_revisions.rev + ${k} returning rev),
        x as (select t.*, (select rev from r) - ${k} + t.ord as new_rev
              from jsonb_to_recordset(${json(accepted)}::jsonb) as t(ord int, id text, release_id text, status text, doc jsonb,
                   deleted boolean, created_by text, base bigint, mutation_id text, action text)),
        d as (insert into drafts (org_id, id, release_id, status, doc, revision, deleted, created_by, updated_at, updated_by)
              select ${orgId}, x.id, x.release_id, x.status, x.doc, x.new_rev, x.deleted, x.created_by, ${nowIso}, ${user.id} from x
              on conflict (org_id, id) do update set release_id = excluded.release_id, status = excluded.status, doc = excluded.doc,
                 revision = excluded.revision, deleted = excluded.deleted, updated_at = excluded.updated_at, updated_by = excluded.updated_by
              where drafts.revision = (select x.base from x where x.id = excluded.id)
              returning id, doc, revision, deleted, created_by, updated_by),
        reply as (select x.mutation_id, x.action, x.release_id, d.id, d.revision, jsonb_build_object('ok', true, 'item', jsonb_build_object(
                    'id', d.id, 'draft', d.doc, 'revision', d.revision, 'deleted', d.deleted,
                    'createdBy', d.created_by, 'updatedBy', d.updated_by, 'updatedAt', ${nowIso}::text)) as body
                  from d join x on x.id = d.id),
        m as (update mutations set status = 200, reply = reply.body from reply
              where mutations.org_id = ${orgId} and mutations.mutation_id = reply.mutation_id),
        f as (delete from mutations where org_id = ${orgId}
                and mutation_id in (select jsonb_array_elements_text(${json([...failed, ...accepted.map((a) => a.mutation_id)])}::jsonb))
                and mutation_id not in (select reply.mutation_id from reply)),
        a as (insert into activity (org_id, at, actor_user_id, actor_name, action, subject_type, subject_id, detail)
              select ${orgId}, ${nowIso}, ${user.id}, ${user.name}, reply.action, 'draft', reply.id,
                     jsonb_build_object('revision', reply.revision, 'releaseId', reply.release_id) from reply)
        select mutation_id, body from reply`);
      written.catch(() => undefined); // awaited after the commit; this only keeps it from counting as unhandled
      return { written, accepted };
    }) : null;

    if (outcome) {
      // A failed statement aborts the transaction (PostgreSQL answers the COMMIT with a rollback); its
      // error surfaces here.
      const written = await outcome.written;
      const done = new Set<string>();
      for (const w of written) {
        const body = (typeof w.body === 'string' ? JSON.parse(w.body) : w.body) as PushOk;
        body.item.revision = Number(body.item.revision);
        results.set(w.mutation_id, { status: 200, body });
        done.add(w.mutation_id);
      }
      // A "new" draft created concurrently by someone else: 409 with their copy.
      for (const a of outcome.accepted) {
        const id = a.mutation_id as string;
        if (done.has(id)) continue;
        const latest = await loadDraft(deps.db, orgId, a.id as string);
        results.set(id, { status: 409, body: { error: 'conflict', server: latest ? toSynced(latest) : null } });
      }
    }

    return c.json({ results: ms.map((m) => ({ mutationId: m.mutationId, ...results.get(m.mutationId)! })) });
  });

  return app;
}
