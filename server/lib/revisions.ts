import { sql } from 'drizzle-orm';
import { query, type Tx } from '../db/client.ts';

/**
 * Takes the organisation's next revision inside the caller's transaction. The upsert locks the
 * counter row until commit, so writes in one organisation commit in revision order (see schema).
 * Call it as late as possible in the transaction: the lock is what serialises writers.
 */
export async function nextRevision(tx: Tx, orgId: string): Promise<number> {
  const [row] = await query<{ rev: string | number }>(
    tx,
    sql`insert into org_revisions (org_id, rev) values (${orgId}, 1)
        on conflict (org_id) do update set rev = org_revisions.rev + 1 returning rev`,
  );
  return Number(row!.rev);
}
