import { and, eq, gt, lt } from 'drizzle-orm';
import type { Platform } from '../../utils/contract/draft.ts';
import type { Db } from '../db/client.ts';
import { oauthStates } from '../db/schema/index.ts';
import { signState, stateNonce, STATE_TTL_MS, verifyState } from '../platforms/index.ts';

/**
 * OAuth states in the database, so any instance can finish a connect another one started, and none can
 * finish it twice: the start stores the state's nonce with who started it, where and for which redirect
 * URI; the callback deletes that row in the same statement that checks it, so of two callbacks with one
 * state (a replay, another member, another instance) exactly one finds it.
 */
export interface StateOwner {
  orgId: string;
  userId: string;
  platform: Platform;
}

export async function issueState(
  db: Db,
  secret: string,
  who: StateOwner & { redirectUri: string },
  now: Date,
): Promise<string> {
  const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
  const state = signState(secret, who.orgId, who.platform, expiresAt.getTime());
  // Expired rows go when new ones come; a state is only ever looked up by its nonce and expiry.
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, now));
  await db.insert(oauthStates).values({ nonce: stateNonce(state), ...who, expiresAt });
  return state;
}

/** The redirect URI the state was issued for, once; null when forged, expired, used or someone else's. */
export async function consumeState(
  db: Db,
  secret: string,
  state: string,
  who: StateOwner,
  now: Date,
): Promise<{ redirectUri: string } | null> {
  if (!verifyState(secret, state, who.orgId, who.platform, now.getTime())) return null;
  const [row] = await db
    .delete(oauthStates)
    .where(
      and(
        eq(oauthStates.nonce, stateNonce(state)),
        eq(oauthStates.orgId, who.orgId),
        eq(oauthStates.userId, who.userId),
        eq(oauthStates.platform, who.platform),
        gt(oauthStates.expiresAt, now),
      ),
    )
    .returning({ redirectUri: oauthStates.redirectUri });
  return row ?? null;
}
