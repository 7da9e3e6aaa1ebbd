import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';

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

/**
 * OAuth states handed out by …/connect/:platform/start, until their callback consumes them: single use
 * (the callback deletes the row it accepts, atomically), bound to the organisation, the person who
 * started, the platform and the redirect URI. Rows expire with the signed state (10 minutes).
 */
export const oauthStates = pgTable(
  'oauth_states',
  {
    nonce: text('nonce').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
);

/**
 * Targeting look-ups (Meta /search, LinkedIn adTargetingEntities: a name → a platform id, or "none"),
 * cached per organisation so every variant of a release resolves the same ids without asking again. In
 * the database rather than one process's memory, so every instance shares them; rows expire after a day
 * (server/lib/targeting-cache.ts). `value` wraps the answer ({ v }) so a cached "no match" is a row too.
 */
export const targetingCache = pgTable(
  'targeting_cache',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('targeting_cache_expires_idx').on(t.expiresAt)],
);
