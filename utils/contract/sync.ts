import { z } from 'zod';
import { DraftSchema, StoredReleaseSchema } from './draft';

/**
 * The wire shapes of team sync (drafts and releases), shared by the team server (which validates requests
 * with them and documents them in OpenAPI) and the extension's sync client (which validates every reply
 * with them). Types are inferred from the schemas, never written beside them. Pure: no browser or Node APIs.
 */

/** A draft as the server keeps it: the document plus the server-owned sync metadata. */
export const SyncedDraftSchema = z.object({
  id: z.string(),
  draft: DraftSchema,
  /** The organisation revision at which this draft last changed. */
  revision: z.number().int().nonnegative(),
  deleted: z.boolean(),
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type SyncedDraft = z.infer<typeof SyncedDraftSchema>;

export const MutationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'mutation id: 8–100 url-safe characters');

/** PUT /api/orgs/:orgId/drafts/:draftId */
export const PushRequestSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('upsert'),
    mutationId: MutationIdSchema,
    /** Revision the edit was based on; 0 for a draft the client believes is new. */
    baseRevision: z.number().int().nonnegative(),
    /** Checked against DraftSchema by the server itself, so a bad field is named in its 400. */
    draft: z.record(z.string(), z.unknown()),
  }),
  z.object({ op: z.literal('delete'), mutationId: MutationIdSchema, baseRevision: z.number().int().nonnegative() }),
]);
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushOkSchema = z.object({ ok: z.literal(true), item: SyncedDraftSchema });
export type PushOk = z.infer<typeof PushOkSchema>;

/** 409: the base revision is stale. `server` is the current copy (null if it never existed). */
export const PushConflictSchema = z.object({ error: z.literal('conflict'), server: SyncedDraftSchema.nullable() });
export type PushConflict = z.infer<typeof PushConflictSchema>;

/** 423: the draft is approved or sent; `server` is the locked copy. */
export const PushLockedSchema = z.object({ error: z.string(), server: SyncedDraftSchema.optional() });

/** GET /api/orgs/:orgId/drafts?since=REV&limit=N */
export const PullResponseSchema = z.object({
  items: z.array(SyncedDraftSchema),
  /** Pass as `since` next time; equals the highest revision returned (or `since` when empty). */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** POST /api/orgs/:orgId/drafts/batch — up to 100 mutations, at most one per draft, in one round trip. */
export const BATCH_MAX = 100;
export const BatchMutationSchema = z.intersection(PushRequestSchema, z.object({ draftId: z.string().min(1).max(200) }));
export const BatchPushRequestSchema = z.object({ mutations: z.array(BatchMutationSchema).min(1).max(BATCH_MAX) });
export type BatchPushRequest = z.infer<typeof BatchPushRequestSchema>;

/** Per mutation, the status and body the single-draft PUT would have answered (200, 400, 404, 409, 423). */
export const BatchPushResponseSchema = z.object({
  results: z.array(z.object({ mutationId: z.string(), status: z.number().int(), body: z.unknown() })),
});
export type BatchPushResponse = z.infer<typeof BatchPushResponseSchema>;

/* ------------------------------------------------------------------ releases (extractions are facts: last write wins) */

/** A release as the server keeps it. */
export const SyncedReleaseSchema = z.object({
  id: z.string(),
  release: StoredReleaseSchema,
  revision: z.number().int().nonnegative(),
  deleted: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type SyncedRelease = z.infer<typeof SyncedReleaseSchema>;

/** GET /api/orgs/:orgId/releases?since=REV&limit=N */
export const ReleaseListQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const ReleasePullResponseSchema = z.object({
  items: z.array(SyncedReleaseSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ReleasePullResponse = z.infer<typeof ReleasePullResponseSchema>;

/** PUT /api/orgs/:orgId/releases/:releaseId */
export const PutReleaseSchema = z.object({ release: StoredReleaseSchema });
