import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../db/client.ts';

/**
 * The server's own rate limits (better-auth limits its endpoints per address; server/README.md lists
 * both). Windows in seconds. Counted in `rate_buckets`, shared by every instance.
 */
export const RATE_LIMITS = {
  /**
   * Sign-in attempts that fail, per account, from any address: stops guessing one password from many
   * addresses. A successful sign-in gives its attempt back, so people signing in never meet it; an
   * attacker can hold one account's sign-in shut for the window, the usual price of a per-account limit.
   */
  signInAccount: { window: 600, max: 20 },
  /** Guest comments per reviewer link and address, and per link from everyone. */
  guestCommentAddress: { window: 600, max: 10 },
  guestCommentLink: { window: 3600, max: 100 },
} as const satisfies Record<string, { window: number; max: number }>;

export interface RateRule {
  window: number;
  max: number;
}

export interface Consumed {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
  /** Gives the attempt back (a sign-in that succeeded). */
  refund(): Promise<void>;
}

/** A key part that should not be stored as itself (an e-mail address): a short SHA-256. */
export const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Counts one event against `key` in a fixed window and says whether it is within `rule.max`, in one
 * atomic statement (two instances counting at once both land in the row). `now` is the app clock.
 */
export async function consume(db: Db, key: string, rule: RateRule, now: Date): Promise<Consumed> {
  const reset = new Date(now.getTime() + rule.window * 1000);
  const [row] = await query<{ count: number; reset_at: string | Date }>(
    db,
    sql`insert into rate_buckets as b (key, count, reset_at) values (${key}, 1, ${reset.toISOString()})
        on conflict (key) do update set
          count = case when b.reset_at <= ${now.toISOString()} then 1 else b.count + 1 end,
          reset_at = case when b.reset_at <= ${now.toISOString()} then excluded.reset_at else b.reset_at end
        returning count, reset_at`,
  );
  // Now and then, drop windows that ended long ago (any instance may; the outcome is the same).
  if (Math.random() < 0.01) {
    await query(
      db,
      sql`delete from rate_buckets where reset_at < ${new Date(now.getTime() - 86_400_000).toISOString()}`,
    );
  }
  const resetAt = new Date(row!.reset_at).getTime();
  return {
    allowed: Number(row!.count) <= rule.max,
    retryAfter: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
    refund: async () => {
      await query(db, sql`update rate_buckets set count = count - 1 where key = ${key} and count > 0`);
    },
  };
}
