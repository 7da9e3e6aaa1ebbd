import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization } from './auth.ts';
import { reviewLinks } from './app.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Results (issue 18): insights pulled back from Meta and LinkedIn for every sent draft.
 *
 * One schedule row per sent draft. Any instance may pull it: a pull claims due rows with
 * `FOR UPDATE SKIP LOCKED` and a short `claimed_until` lease (server/results/store.ts), so N instances on
 * one PostgreSQL never pull the same draft at once, and a crashed instance's claim simply expires.
 */
export const resultsPulls = pgTable(
  'results_pulls',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    draftId: text('draft_id').notNull(),
    releaseId: text('release_id').notNull(),
    platform: text('platform').notNull(),
    /** draft.remote when discovered: the platform's campaign / ad set / ad (creative) ids. */
    remote: jsonb('remote').notNull(),
    /** scheduled → final (one more pull after the flight ended) → done; blocked = needs a reconnect. */
    state: text('state').notNull().default('scheduled'),
    nextPullAt: ts('next_pull_at').notNull(),
    claimedUntil: ts('claimed_until'),
    claimedBy: text('claimed_by'),
    /** Consecutive failures, for backoff. */
    attempts: integer('attempts').notNull().default(0),
    lastPulledAt: ts('last_pulled_at'),
    /** {kind, message} of the last failure; null after a good pull. */
    lastError: jsonb('last_error'),
    /** Delivery status and flight as the platform reported them (ACTIVE / PAUSED / DRAFT…). */
    delivery: text('delivery'),
    flightStart: ts('flight_start'),
    flightEnd: ts('flight_end'),
    /** Whole-flight figures that do not add up by day (reach). */
    totals: jsonb('totals'),
    /** LinkedIn demographics (per campaign, pulled with the campaign's first draft): when last read. */
    breakdownsPulledAt: ts('breakdowns_pulled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.draftId] }),
    index('results_pulls_due_idx').on(t.nextPullAt),
    index('results_pulls_release_idx').on(t.orgId, t.releaseId),
  ],
);

/**
 * Daily rows per draft (= variant), replaced by each pull (platforms revise recent days). Money in
 * micro-units of the account currency so decimal strings ("12.345678") are kept exactly.
 */
export const resultsDaily = pgTable(
  'results_daily',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    draftId: text('draft_id').notNull(),
    /** YYYY-MM-DD in the ad account's time zone (LinkedIn reports in UTC). */
    day: text('day').notNull(),
    impressions: bigint('impressions', { mode: 'number' }).notNull(),
    clicks: bigint('clicks', { mode: 'number' }).notNull(),
    linkClicks: bigint('link_clicks', { mode: 'number' }),
    spendMicros: bigint('spend_micros', { mode: 'number' }).notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.draftId, t.day] })],
);

/**
 * Audience breakdowns per campaign and dimension (LinkedIn's MEMBER_* pivots): approximate, 12–24 h late,
 * values under 3 events omitted. A pull replaces a dimension's rows as a whole.
 */
export const resultsBreakdowns = pgTable(
  'results_breakdowns',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    campaignId: text('campaign_id').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    name: text('name'),
    impressions: bigint('impressions', { mode: 'number' }).notNull(),
    clicks: bigint('clicks', { mode: 'number' }).notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.platform, t.campaignId, t.dimension, t.value] })],
);

/** Names of platform URNs (urn:li:title:…, urn:li:industry:…): stable, looked up once. */
export const resultsNames = pgTable('results_names', {
  urn: text('urn').primaryKey(),
  name: text('name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Reviewer links that also show the release's results (read-only, for a client). */
export const reviewLinkResults = pgTable('review_link_results', {
  linkId: text('link_id')
    .primaryKey()
    .references(() => reviewLinks.id, { onDelete: 'cascade' }),
});
