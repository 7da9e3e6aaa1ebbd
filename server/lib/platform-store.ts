import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { query } from '../db/client.ts';
import { drafts, mediaLists, orgSettings, platformConnections, sendLeases, sendSteps } from '../db/schema/index.ts';
import type { Draft, Platform } from '../../utils/contract/draft.ts';
import type { MediaListInput, SendStore } from '../platforms/index.ts';
import { logActivity } from './activity.ts';
import { loadDraft } from './draft-store.ts';
import { nextRevision } from './revisions.ts';

/**
 * The platform library's storage on the database: remote ids per step, connections, the approvals
 * switch, leases that serialise sends of one release across instances, and writing results back onto
 * the draft (new revision, so every teammate's extension pulls it).
 */

/** First writer wins: a step's id is never overwritten, whichever instance recorded it first. */
export function dbSendStore(db: Db): SendStore {
  return {
    async get(orgId, scopeId, step) {
      const [row] = await db
        .select({ id: sendSteps.remoteId })
        .from(sendSteps)
        .where(and(eq(sendSteps.orgId, orgId), eq(sendSteps.scopeId, scopeId), eq(sendSteps.step, step)))
        .limit(1);
      return row?.id;
    },
    async put(orgId, scopeId, step, remoteId) {
      await db.insert(sendSteps).values({ orgId, scopeId, step, remoteId }).onConflictDoNothing();
    },
  };
}

/** Steps recorded for a scope (tests and support: what exists remotely for this draft / release). */
export async function listSendSteps(db: Db, orgId: string, scopeId: string): Promise<Record<string, string>> {
  const rows = await db
    .select()
    .from(sendSteps)
    .where(and(eq(sendSteps.orgId, orgId), eq(sendSteps.scopeId, scopeId)));
  return Object.fromEntries(rows.map((r) => [r.step, r.remoteId]));
}

export async function approvalsRequired(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: orgSettings.approvalsRequired })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId))
    .limit(1);
  return row?.on ?? true;
}

export type ConnectionRow = typeof platformConnections.$inferSelect;

export async function loadConnectionRow(db: Db, orgId: string, platform: Platform): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(platformConnections)
    .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform)))
    .limit(1);
  return row;
}

/** A connection as stored: tokens sealed (lib/connections.ts sealGrant), never sent back to the client. */
export interface StoredConnection {
  sealedToken: string;
  sealedRefreshToken?: string;
  expiresAt?: string;
  scopes: string[];
  missing: string[];
}

/** A reconnect replaces the token and scopes and keeps the chosen account. */
export async function saveConnection(
  db: Db,
  orgId: string,
  platform: Platform,
  c: StoredConnection,
  by: { id: string; name: string },
  now: Date,
) {
  const token = {
    sealedToken: c.sealedToken,
    sealedRefreshToken: c.sealedRefreshToken ?? null,
    scopes: c.scopes,
    missing: c.missing,
    expiresAt: c.expiresAt ? new Date(c.expiresAt) : null,
    connectedBy: by.id,
    connectedAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(platformConnections)
      .values({ orgId, platform, ...token })
      .onConflictDoUpdate({ target: [platformConnections.orgId, platformConnections.platform], set: token });
    await logActivity(tx, {
      orgId,
      actorUserId: by.id,
      actorName: by.name,
      at: now,
      subjectType: 'platform',
      subjectId: platform,
      action: 'platform.connected',
      detail: { scopes: c.scopes, missing: c.missing },
    });
  });
}

/**
 * Serialises sends of one release to one platform across instances: every variant must find the
 * campaign the first one created. A lease row, not a held connection (a send is minutes of HTTP calls);
 * it expires by itself if an instance dies. Returns a release function, or undefined after `waitMs`.
 */
export async function acquireSendLease(
  db: Db,
  orgId: string,
  key: string,
  o: { ttlMs?: number; waitMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<(() => Promise<void>) | undefined> {
  const holder = randomUUID();
  const ttl = o.ttlMs ?? 15 * 60_000;
  const deadline = Date.now() + (o.waitMs ?? 60_000);
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (;;) {
    // Database time on both sides of the comparison, so instance clocks cannot disagree.
    const rows = await query<{ holder: string }>(
      db,
      sql`insert into send_leases (org_id, key, holder, expires_at)
          values (${orgId}, ${key}, ${holder}, now() + (${ttl} * interval '1 millisecond'))
          on conflict (org_id, key) do update set holder = excluded.holder, expires_at = excluded.expires_at
          where send_leases.expires_at < now()
          returning holder`,
    );
    if (rows[0]?.holder === holder) {
      return async () => {
        await db
          .delete(sendLeases)
          .where(and(eq(sendLeases.orgId, orgId), eq(sendLeases.key, key), eq(sendLeases.holder, holder)));
      };
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(o.pollMs ?? 150);
  }
}

/** The hashed media list a draft targets (hashes only: raw e-mails never reach the server). */
export async function loadMediaList(db: Db, orgId: string, id: string): Promise<MediaListInput | undefined> {
  const [row] = await db
    .select()
    .from(mediaLists)
    .where(and(eq(mediaLists.orgId, orgId), eq(mediaLists.id, id)))
    .limit(1);
  return row && { name: row.name, hashes: row.hashes as string[] };
}

/** The draft as a send sees it: the row's status is authoritative; deleted drafts do not exist. */
export async function loadDraftForSend(db: Db, orgId: string, draftId: string): Promise<Draft | undefined> {
  const row = await loadDraft(db, orgId, draftId);
  if (!row || row.deleted) return undefined;
  return { ...(row.doc as Draft), status: row.status as Draft['status'] };
}

/**
 * Merges the remote ids and deep link into draft.remote and marks the draft sent, in a new revision
 * (the team pulls it like any change). Skips the write when nothing would change (a repeat send).
 */
export async function saveDraftRemote(
  db: Db,
  orgId: string,
  draftId: string,
  remote: Record<string, string>,
  by: { id: string; name: string },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const cur = await loadDraft(tx, orgId, draftId, true);
    if (!cur || cur.deleted) return;
    const doc = cur.doc as Draft;
    const merged = { ...(doc.remote ?? {}), ...remote };
    const same = cur.status === 'sent' && Object.entries(merged).every(([k, v]) => doc.remote?.[k] === v);
    if (same) return;
    const rev = await nextRevision(tx, orgId);
    await tx
      .update(drafts)
      .set({ doc: { ...doc, status: 'sent', remote: merged }, status: 'sent', revision: rev, updatedAt: now })
      .where(and(eq(drafts.orgId, orgId), eq(drafts.id, draftId)));
    await logActivity(tx, {
      orgId,
      actorUserId: by.id,
      actorName: by.name,
      at: now,
      subjectType: 'draft',
      subjectId: draftId,
      action: 'draft.sent',
      detail: { revision: rev, platform: doc.platform, remote: merged },
    });
  });
}
