import type { Db, Tx } from '../db/client.ts';
import { activity } from '../db/schema/index.ts';

export interface ActivityEntry {
  orgId: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  subjectType: 'draft' | 'release' | 'kit' | 'comment' | 'review_link' | 'media_list' | 'platform' | 'settings';
  subjectId: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Appends to the organisation's activity log (same transaction as the change it records). */
export async function logActivity(db: Db | Tx, e: ActivityEntry): Promise<void> {
  await db.insert(activity).values({ ...e, detail: e.detail ?? {} });
}
