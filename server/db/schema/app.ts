import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organization, user } from './auth.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One counter per organisation. Every change to a synced document takes the next value in the same
 * transaction (`UPDATE … SET rev = rev + 1 RETURNING rev`). The row lock makes commits within one
 * organisation happen in revision order, so a client that pulled up to N can never later miss a change ≤ N.
 */
export const orgRevisions = pgTable('org_revisions', {
  orgId: text('org_id').primaryKey().references(() => organization.id, { onDelete: 'cascade' }),
  rev: bigint('rev', { mode: 'number' }).notNull().default(0),
});

export const releases = pgTable(
  'releases',
  {
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
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
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
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
 * Client mutation ids seen per organisation, with the reply that was sent: a retried push gets the
 * same reply and changes nothing. The row is claimed first in the push transaction so two concurrent
 * copies of one mutation serialise on its primary key.
 */
export const mutations = pgTable(
  'mutations',
  {
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
    mutationId: text('mutation_id').notNull(),
    userId: text('user_id').notNull(),
    status: integer('status').notNull().default(0),
    reply: jsonb('reply'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.mutationId] })],
);

export const messagingKits = pgTable('messaging_kits', {
  orgId: text('org_id').primaryKey().references(() => organization.id, { onDelete: 'cascade' }),
  doc: jsonb('doc').notNull(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
    releaseId: text('release_id').notNull(),
    draftId: text('draft_id'),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** Display name; for reviewer-link comments, the name the guest typed. */
    authorName: text('author_name').notNull(),
    reviewLinkId: text('review_link_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('comments_org_release_idx').on(t.orgId, t.releaseId), index('comments_org_draft_idx').on(t.orgId, t.draftId)],
);

export const reviewLinks = pgTable(
  'review_links',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
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
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
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
    orgId: text('org_id').notNull().references(() => organization.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().default(sql`now()`),
    actorUserId: text('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [index('activity_org_id_idx').on(t.orgId, t.id)],
);
