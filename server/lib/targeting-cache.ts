import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { targetingCache } from '../db/schema/index.ts';
import type { TargetingCache } from '../platforms/index.ts';

/** How long a name → id look-up is reused: names are stable for days, and a stale id fails loudly at send. */
export const TARGETING_CACHE_TTL_MS = 24 * 60 * 60_000;

/**
 * The platform library's targeting cache on the database (the library's default keeps it in one
 * process's memory): every instance reuses the look-ups any other made. Keys already carry the
 * organisation (`<orgId>:meta:…`). The clock is the app's, so tests can age entries.
 */
export function dbTargetingCache(db: Db, clock: () => Date): TargetingCache {
  return {
    async get(key) {
      const [row] = await db
        .select({ value: targetingCache.value })
        .from(targetingCache)
        .where(and(eq(targetingCache.key, key), gt(targetingCache.expiresAt, clock())))
        .limit(1);
      return row ? (row.value as { v: unknown }).v : undefined;
    },
    async set(key, value) {
      const now = clock();
      const expiresAt = new Date(now.getTime() + TARGETING_CACHE_TTL_MS);
      await db
        .insert(targetingCache)
        .values({ key, value: { v: value ?? null }, expiresAt })
        .onConflictDoUpdate({ target: targetingCache.key, set: { value: { v: value ?? null }, expiresAt } });
      // Expired look-ups go when new ones come (any instance may; the outcome is the same).
      await db.delete(targetingCache).where(lt(targetingCache.expiresAt, now));
    },
  };
}
