import { and, eq, inArray } from 'drizzle-orm';
import { DraftSchema, type Draft } from '../../utils/contract/draft.ts';
import { DRAFT_MAX_BYTES, formatBytes, jsonBytes } from '../../utils/contract/limits.ts';
import { fieldPath, findUnsafeJson } from '../../utils/contract/safe-json.ts';
import type { PushOk, PushRequest, SyncedDraft } from '../../utils/contract/sync.ts';
import type { Db } from '../db/client.ts';
import { isoText, raw } from '../db/raw.ts';
import { mutations } from '../db/schema/index.ts';
import type { SessionUser } from './context.ts';
import type { RefusalBody } from './http.ts';
import { LOCKED_STATUSES, loadDraft, toSynced } from './draft-store.ts';

/** One validated mutation: an upsert carries its document, a delete none. */
export interface Mutation {
  mutationId: string;
  draftId: string;
  baseRevision: number;
  doc: Draft | null;
}
/** What the single-draft PUT answers for a mutation; the batch answers the same per mutation. */
export interface PushResult {
  status: 200 | 400 | 404 | 409 | 413 | 423;
  body: unknown;
}
/** A mutation refused before the database: 400 (names the field) or 413 (the draft is too large). */
export interface Refused {
  refused: { status: 400 | 413; body: RefusalBody };
}

/**
 * The mutation to apply, or its refusal. Unknown fields a newer extension sends are kept in the document,
 * but count towards DRAFT_MAX_BYTES. `screen` checks the whole mutation for what the database cannot hold
 * (the batch route, which answers per mutation; the PUT's validator has screened its body already).
 */
export function toMutation(m: PushRequest, draftId: string, screen = false): Mutation | Refused {
  const unsafe = screen ? findUnsafeJson(m) : null;
  if (unsafe)
    return { refused: { status: 400, body: { error: 'invalid', message: unsafe.message, field: unsafe.field } } };
  if (m.op === 'delete') return { mutationId: m.mutationId, draftId, baseRevision: m.baseRevision, doc: null };
  if (jsonBytes(m.draft) > DRAFT_MAX_BYTES) {
    const message = `The draft is larger than the server accepts (${formatBytes(DRAFT_MAX_BYTES)} as JSON).`;
    return { refused: { status: 413, body: { error: 'too_large', message, field: 'draft', limit: DRAFT_MAX_BYTES } } };
  }
  const parsed = DraftSchema.safeParse(m.draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldPath(issue.path, 'draft');
    const body = { error: 'invalid', message: `draft does not match DraftSchema: ${field}: ${issue.message}`, field };
    return { refused: { status: 400, body: { ...body, issues: parsed.error.issues } } };
  }
  if (parsed.data.id !== draftId) {
    const body = { error: 'invalid', message: `draft.id must equal the draft id (${draftId})`, field: 'draft.id' };
    return { refused: { status: 400, body } };
  }
  return {
    mutationId: m.mutationId,
    draftId,
    baseRevision: m.baseRevision,
    doc: { ...(m.draft as object), ...parsed.data } as Draft,
  };
}

interface Row {
  mutation_id: string;
  verdict: 'seen' | 'conflict' | 'locked' | 'not_found' | 'ok';
  body: PushOk | string | null;
  seen_user: string | null;
  seen_reply: PushOk | string | null;
  cur_id: string | null;
  cur_doc: unknown;
  cur_rev: string | number | null;
  cur_deleted: boolean | null;
  cur_status: string | null;
  cur_created_by: string | null;
  cur_updated_by: string | null;
  cur_updated_at: string | null;
}

const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const okReply = (body: PushOk | string): PushResult => {
  const reply = parsed(body);
  reply.item.revision = Number(reply.item.revision);
  return { status: 200, body: reply };
};
const current = (r: Row): SyncedDraft | null =>
  r.cur_id === null
    ? null
    : toSynced({
        id: r.cur_id,
        doc: r.cur_doc,
        revision: r.cur_rev!,
        deleted: Boolean(r.cur_deleted),
        createdBy: r.cur_created_by!,
        updatedBy: r.cur_updated_by!,
        updatedAt: r.cur_updated_at!,
      });

/** $3 of every push: the statuses that freeze a draft. */
const LOCKED = JSON.stringify([...LOCKED_STATUSES]);

/**
 * $1 organisation, $2 the mutations (jsonb rows: ord, id, mutation_id, base, deleted, doc, release_id),
 * $3 locked statuses (jsonb), $4 user id, $5 now (timestamptz), $6 now (text, for the reply), $7 user name.
 * Stored mutations and current drafts are looked up one key at a time (LATERAL, primary key): a prepared
 * statement soon runs on a generic plan made from the statistics of the moment, and the set-based form
 * got one, while the tables were small, that read every row of the organisation; once an organisation
 * had 20,000 drafts a 50-draft batch read them all (bench:sync's batch rate fell to half).
 */
const PUSH_STATEMENT = `
  with x as materialized (
    select * from jsonb_to_recordset($2::jsonb)
      as t(ord int, id text, mutation_id text, base bigint, deleted boolean, doc jsonb, release_id text)),
  seen as materialized (
    select x.mutation_id, m.user_id, m.reply from x cross join lateral (
      select user_id, reply from mutations where org_id = $1 and mutation_id = x.mutation_id limit 1) m),
  cur as materialized (
    select d.* from (select id from x where mutation_id not in (select mutation_id from seen) order by id) k
    cross join lateral (
      select id, doc, revision, deleted, status, created_by, updated_by, ${isoText('updated_at')}
      from drafts where org_id = $1 and id = k.id for update) d),
  v as materialized (
    select x.*, seen.user_id as seen_user, seen.reply as seen_reply,
           cur.id as cur_id, cur.doc as cur_doc, cur.revision as cur_rev, cur.deleted as cur_deleted, cur.status as cur_status,
           cur.created_by as cur_created_by, cur.updated_by as cur_updated_by, cur.updated_at as cur_updated_at,
           case when seen.mutation_id is not null then 'seen'
                when coalesce(cur.revision, 0) <> x.base then 'conflict'
                when cur.status in (select jsonb_array_elements_text($3::jsonb)) then 'locked'
                when x.deleted and cur.id is null then 'not_found'
                else 'ok' end as verdict
    from x left join seen on seen.mutation_id = x.mutation_id left join cur on cur.id = x.id),
  ok as materialized (
    select v.*, row_number() over (order by ord) as k, count(*) over () as n,
           case when v.cur_status is null or v.cur_status in ('rejected', 'in_review') then 'draft' else v.cur_status end as next_status
    from v where verdict = 'ok'),
  r as (insert into org_revisions (org_id, rev) select $1, count(*) from ok having count(*) > 0
        on conflict (org_id) do update set rev = org_revisions.rev + excluded.rev returning rev),
  w as (select ok.*, (select rev from r) - ok.n + ok.k as new_rev,
               case when ok.deleted then ok.cur_doc
                    else ok.doc || jsonb_build_object('status', ok.next_status,
                                                      'remote', coalesce(ok.cur_doc -> 'remote', '{}'::jsonb)) end as next_doc,
               coalesce(ok.release_id, ok.cur_doc ->> 'releaseId') as next_release
        from ok),
  d as (insert into drafts (org_id, id, release_id, status, doc, revision, deleted, created_by, updated_at, updated_by, editors)
        select $1, w.id, w.next_release, w.next_status, w.next_doc, w.new_rev, w.deleted, coalesce(w.cur_created_by, $4), $5, $4,
               jsonb_build_array($4::text) from w
        on conflict (org_id, id) do update set release_id = excluded.release_id, status = excluded.status, doc = excluded.doc,
           revision = excluded.revision, deleted = excluded.deleted, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
           review_requested_by = case when excluded.status = 'draft' then null else drafts.review_requested_by end,
           editors = case when drafts.editors @> excluded.editors then drafts.editors else drafts.editors || excluded.editors end
        where drafts.revision = (select w.base from w where w.id = excluded.id)
        returning id, doc, revision, deleted, created_by, updated_by),
  reply as (select w.mutation_id, w.id, w.next_release, d.revision, w.cur_status = 'in_review' and not w.deleted as withdrawn,
                   case when w.deleted then 'draft.deleted' when w.cur_id is null then 'draft.created' else 'draft.updated' end as action,
                   jsonb_build_object('ok', true, 'item', jsonb_build_object(
                     'id', d.id, 'draft', d.doc, 'revision', d.revision, 'deleted', d.deleted,
                     'createdBy', d.created_by, 'updatedBy', d.updated_by, 'updatedAt', $6::text)) as body
            from d join w on w.id = d.id),
  m as (insert into mutations (org_id, mutation_id, user_id, created_at, status, reply)
        select $1, mutation_id, $4, $5, 200, body from reply on conflict do nothing),
  a as (insert into activity (org_id, at, actor_user_id, actor_name, action, subject_type, subject_id, detail)
        select $1, $5, $4, $7, reply.action, 'draft', reply.id,
               jsonb_build_object('revision', reply.revision, 'releaseId', reply.next_release)
                 || case when reply.withdrawn then '{"reviewWithdrawn": true}'::jsonb else '{}'::jsonb end
        from reply)
  select v.mutation_id, v.verdict, reply.body, v.seen_user, v.seen_reply, v.cur_id, v.cur_doc, v.cur_rev, v.cur_deleted,
         v.cur_status, v.cur_created_by, v.cur_updated_by, v.cur_updated_at
  from v left join reply on reply.mutation_id = v.mutation_id`;

/**
 * Applies a push (one draft's PUT or an outbox batch) as ONE SQL statement: a statement is its own
 * transaction, so the push costs one round trip to the database instead of BEGIN, a read, the write and
 * COMMIT. Under sync load every round trip is a wait in the event loop and a database wake-up, and
 * those waits were most of a push's latency.
 *
 * The rules, all inside the statement:
 * - a mutation id already stored for this organisation answers with its stored reply (another user's
 *   id, or one without a reply, is refused) and changes nothing;
 * - the current rows are locked (in id order, so batches cannot deadlock; draft before the
 *   organisation's counter, the order the review routes take them too) and each mutation is judged
 *   against the locked row: stale base revision 409, approved / sent 423, delete of nothing 404;
 * - server-owned fields come from the row, never the client: `status` (below) and `remote`, the remote
 *   ids and Ads Manager link a send records (a client could otherwise plant any link there);
 * - the accepted ones take consecutive revisions from the organisation's counter (its lock serialises
 *   an organisation's writers until commit), are written with the server's status (edits never
 *   approve; editing a draft in review or rejected sends it back to draft, so a review always approves
 *   the text it was asked about; the pusher joins the draft's `editors`, who may not approve it), and
 *   store their reply and an activity entry. The write is also guarded by the revision, so two "new" drafts with one id cannot both win.
 * Refused mutations leave no record, so a retry of the same id is judged afresh.
 *
 * The statement reads stored mutation ids from its snapshot, so a concurrent copy of the same mutation
 * that commits while this one waits for the row lock shows up as a conflict (or, for a new draft, as a
 * write the guard refused). Those rare outcomes get one more look at the stored replies: a copy that won
 * answers with its reply, exactly as a retry would.
 */
export async function applyMutations(db: Db, ctx: PushContext, ms: Mutation[]): Promise<Map<string, PushResult>> {
  try {
    return await applyStatement(db, ctx, ms);
  } catch (e) {
    if (!isDataError(e)) throw e;
    // The routes screen what the database cannot hold (utils/contract/safe-json.ts); should something
    // still get through, the statement fails as a whole. Each mutation then goes alone, so the others
    // are applied and only the one the database refuses answers 400: one bad draft never stops a sync.
    if (ms.length === 1) {
      const message = `The database cannot store this draft (${(e as Error).message}).`;
      return new Map([[ms[0]!.mutationId, { status: 400, body: { error: 'invalid', message, field: 'draft' } }]]);
    }
    const results = new Map<string, PushResult>();
    for (const m of ms) for (const [id, r] of await applyMutations(db, ctx, [m])) results.set(id, r);
    return results;
  }
}

export interface PushContext {
  orgId: string;
  user: SessionUser;
  now: Date;
}

/**
 * Errors about the data, not the database: SQLSTATE class 22 (data exception: NUL, bad Unicode escape,
 * number out of range), class 54 (program limit: nesting too deep), and JSON.stringify's own overflow.
 */
function isDataError(e: unknown): boolean {
  if (e instanceof RangeError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|54)/.test(code);
}

async function applyStatement(db: Db, ctx: PushContext, ms: Mutation[]): Promise<Map<string, PushResult>> {
  const { orgId, user } = ctx;
  const nowIso = ctx.now.toISOString();
  const input = ms.map((m, i) => ({
    ord: i + 1,
    id: m.draftId,
    mutation_id: m.mutationId,
    base: m.baseRevision,
    deleted: m.doc === null,
    doc: m.doc,
    release_id: m.doc?.releaseId ?? null,
  }));
  const rows = await raw<Row>(db, PUSH_STATEMENT, [
    orgId,
    JSON.stringify(input),
    LOCKED,
    user.id,
    nowIso,
    nowIso,
    user.name,
  ]);

  const results = new Map<string, PushResult>();
  const recheck: Row[] = [];
  for (const r of rows) {
    if (r.body) results.set(r.mutation_id, okReply(r.body));
    else if (r.verdict === 'seen') {
      results.set(
        r.mutation_id,
        r.seen_user === user.id && r.seen_reply
          ? okReply(r.seen_reply)
          : { status: 409, body: { error: 'mutation_id_reused', server: null } },
      );
    } else if (r.verdict === 'locked') {
      results.set(r.mutation_id, {
        status: 423,
        body: { error: 'locked', message: `draft is ${r.cur_status}; reopen it to edit`, server: current(r) },
      });
    } else if (r.verdict === 'not_found')
      results.set(r.mutation_id, { status: 404, body: { error: 'not_found', message: 'draft not found' } });
    else recheck.push(r); // a conflict, or a write the revision guard refused
  }
  if (recheck.length) {
    const stored = await db
      .select()
      .from(mutations)
      .where(
        and(
          eq(mutations.orgId, orgId),
          inArray(
            mutations.mutationId,
            recheck.map((r) => r.mutation_id),
          ),
        ),
      );
    for (const r of recheck) {
      const won = stored.find((s) => s.mutationId === r.mutation_id);
      if (won && won.userId === user.id && won.reply) results.set(r.mutation_id, okReply(won.reply as PushOk));
      else if (r.verdict === 'conflict')
        results.set(r.mutation_id, { status: 409, body: { error: 'conflict', server: current(r) } });
      else {
        const latest = await loadDraft(db, orgId, ms.find((m) => m.mutationId === r.mutation_id)!.draftId);
        results.set(r.mutation_id, {
          status: 409,
          body: { error: 'conflict', server: latest ? toSynced(latest) : null },
        });
      }
    }
  }
  return results;
}
