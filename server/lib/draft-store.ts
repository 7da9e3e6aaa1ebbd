import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { drafts } from '../db/schema/index.ts';
import type { SyncedDraft } from '../../utils/sync/protocol.ts';
import type { Draft } from '../../utils/drafts/schema.ts';

export type DraftRow = typeof drafts.$inferSelect;

export function toSynced(row: Pick<DraftRow, 'id' | 'doc' | 'revision' | 'deleted' | 'createdBy' | 'updatedBy' | 'updatedAt'>): SyncedDraft {
  return {
    id: row.id,
    draft: row.doc as Draft,
    revision: Number(row.revision),
    deleted: row.deleted,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A draft row as the raw statements (server/db/raw.ts) select it: snake_case, updated_at as ISO text. */
export interface RawDraftRow { id: string; doc: unknown; revision: string | number; deleted: boolean; created_by: string; updated_by: string; updated_at: string }

export function fromRawRow(r: RawDraftRow): SyncedDraft {
  return {
    id: r.id, draft: (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as Draft, revision: Number(r.revision),
    deleted: Boolean(r.deleted), createdBy: r.created_by, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The current row, locked for the rest of the transaction when `lock` is set. */
export async function loadDraft(db: Db | Tx, orgId: string, id: string, lock = false): Promise<DraftRow | undefined> {
  const q = db.select().from(drafts).where(and(eq(drafts.orgId, orgId), eq(drafts.id, id))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Statuses that freeze a draft's content until someone reopens it. */
export const LOCKED_STATUSES = new Set(['approved', 'sent']);

export const draftRevisionIs = (rev: number) => sql`${drafts.revision} = ${rev}`;
