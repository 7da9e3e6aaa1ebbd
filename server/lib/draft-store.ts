import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { drafts } from '../db/schema/index.ts';
import type { SyncedDraft } from '../../utils/contract/sync.ts';
import type { Draft } from '../../utils/contract/draft.ts';

export type DraftRow = typeof drafts.$inferSelect;

/**
 * The wire shape of a draft row, from drizzle's rows and from the raw statements (server/db/raw.ts),
 * which select the same camelCase names with the timestamp as ISO text and may return bigints as text.
 */
export type SyncedRow = Pick<DraftRow, 'id' | 'doc' | 'deleted' | 'createdBy' | 'updatedBy'> & {
  revision: number | string;
  updatedAt: Date | string;
};

export function toSynced(row: SyncedRow): SyncedDraft {
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

/** The current row, locked for the rest of the transaction when `lock` is set. */
export async function loadDraft(db: Db | Tx, orgId: string, id: string, lock = false): Promise<DraftRow | undefined> {
  const q = db
    .select()
    .from(drafts)
    .where(and(eq(drafts.orgId, orgId), eq(drafts.id, id)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Statuses that freeze a draft's content until someone reopens it. */
export const LOCKED_STATUSES = new Set(['approved', 'sent']);
