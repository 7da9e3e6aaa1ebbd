import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Fixed-window counters for the server's own rate limits (server/lib/rate-limit.ts): sign-in attempts
 * per account, guest comments per reviewer link and per address. In the database, so every instance
 * counts against one budget; one atomic upsert per check. Keys hold hashes, never e-mail addresses.
 * (better-auth keeps its per-address limits in its own `rateLimit` table.)
 */
export const rateBuckets = pgTable(
  'rate_buckets',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [index('rate_buckets_reset_idx').on(t.resetAt)],
);
