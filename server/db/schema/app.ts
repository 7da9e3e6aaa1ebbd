import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One counter per organisation. Every change to a synced document takes the next value in the same
 * transaction (`UPDATE … SET rev = rev + 1 RETURNING rev`). The row lock makes commits within one
 * organisation happen in revision order, so a client that pulled up to N can never later miss a change ≤ N.
 */
export const orgRevisions = pgTable('org_revisions', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  rev: bigint('rev', { mode: 'number' }).notNull().default(0),
});

export const releases = pgTable(
  'releases',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    doc: jsonb('doc').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('releases_org_rev_idx').on(t.orgId, t.revision)],
);

export const drafts = pgTable(
  'drafts',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    releaseId: text('release_id').notNull(),
    status: text('status').notNull(),
    /** The full draft document, validated with DraftSchema (utils/drafts/schema.ts). */
    doc: jsonb('doc').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
    createdBy: text('created_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    /** Who asked for review (cannot approve it) and who decided. */
    reviewRequestedBy: text('review_requested_by'),
    /**
     * Everyone who created or edited the content since it was last approved (user ids, server/lib/push.ts
     * adds the pusher): none of them may approve it, however small their edit. Cleared by an approval.
     */
    editors: jsonb('editors').$type<string[]>().notNull().default([]),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('drafts_org_rev_idx').on(t.orgId, t.revision),
    index('drafts_org_release_idx').on(t.orgId, t.releaseId),
    index('drafts_org_status_idx').on(t.orgId, t.status),
  ],
);

/**
 * Client mutation ids applied per organisation, with the reply that was sent: a retried push gets the
 * same reply and changes nothing. Written in the same statement as the draft (server/lib/push.ts); two
 * concurrent copies of one mutation serialise on the draft's row lock and revision guard, and the one
 * that loses answers with this stored reply.
 */
export const mutations = pgTable(
  'mutations',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    mutationId: text('mutation_id').notNull(),
    userId: text('user_id').notNull(),
    status: integer('status').notNull().default(0),
    reply: jsonb('reply'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.mutationId] })],
);

export const messagingKits = pgTable('messaging_kits', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  doc: jsonb('doc').notNull(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    releaseId: text('release_id').notNull(),
    draftId: text('draft_id'),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** Display name; for reviewer-link comments, the name the guest typed. */
    authorName: text('author_name').notNull(),
    reviewLinkId: text('review_link_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('comments_org_release_idx').on(t.orgId, t.releaseId),
    index('comments_org_draft_idx').on(t.orgId, t.draftId),
  ],
);

export const reviewLinks = pgTable(
  'review_links',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    releaseId: text('release_id').notNull(),
    label: text('label').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('review_links_org_idx').on(t.orgId)],
);

/** Media lists arrive already hashed (SHA-256 of normalised e-mails): never a raw address. */
export const mediaLists = pgTable(
  'media_lists',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    count: integer('count').notNull(),
    hashes: jsonb('hashes').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const activity = pgTable(
  'activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    at: ts('at')
      .notNull()
      .default(sql`now()`),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('activity_org_id_idx').on(t.orgId, t.id)],
);

/** Per-organisation switches. No row means the defaults (approvals required). */
export const orgSettings = pgTable('org_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  /** When on, only approved drafts may be sent to Meta / LinkedIn. */
  approvalsRequired: boolean('approvals_required').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/**
 * One connected Meta / LinkedIn account per organisation and platform. The token is sealed with
 * WIREBOOST_TOKEN_KEY (AES-256-GCM, bound to "<orgId>:<platform>", server/platforms/crypto.ts): the key
 * never touches the database and the token never leaves the server. The chosen ad account, page
 * (Meta) or organisation (LinkedIn), currency, time zone and countries are what a send uses.
 */
export const platformConnections = pgTable(
  'platform_connections',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    sealedToken: text('sealed_token').notNull(),
    sealedRefreshToken: text('sealed_refresh_token'),
    /** Granted scopes, and the required ones that were not granted. */
    scopes: jsonb('scopes').notNull().default([]),
    missing: jsonb('missing').notNull().default([]),
    expiresAt: ts('expires_at'),
    adAccountId: text('ad_account_id'),
    /** Meta: the Facebook page the ads run as. */
    pageId: text('page_id'),
    /** LinkedIn: the organisation (company page) the dark posts belong to. */
    linkedInOrganizationId: text('linkedin_organization_id'),
    currency: text('currency'),
    timeZone: text('time_zone'),
    /** Where the ads run: ISO country codes (Meta) or location names / geo URNs (LinkedIn). */
    countries: jsonb('countries'),
    connectedBy: text('connected_by'),
    connectedAt: ts('connected_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.platform] })],
);

/**
 * The SendStore on the database: a remote id per (org, scope, step), where scope is the draft id or
 * `release:<releaseId>:<platform>`. The primary key makes the first writer win (insert … on conflict do
 * nothing), so a step is recorded once however many instances send.
 */
export const sendSteps = pgTable(
  'send_steps',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    scopeId: text('scope_id').notNull(),
    step: text('step').notNull(),
    remoteId: text('remote_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scopeId, t.step] })],
);

/**
 * Leases that serialise sends of one release to one platform across server instances (two variants
 * sent at once must share one campaign). Held without a database connection; expire on their own if an
 * instance dies mid-send.
 */
export const sendLeases = pgTable(
  'send_leases',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    holder: text('holder').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);
