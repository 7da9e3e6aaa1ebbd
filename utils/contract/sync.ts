import { z } from 'zod';
import { DraftSchema, type Draft } from './draft';

/**
 * The wire shapes of draft sync, shared by the team server (which validates with them) and the
 * extension's sync client. Pure: no browser or Node APIs.
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
export type SyncedDraft = {
  id: string;
  draft: Draft;
  revision: number;
  deleted: boolean;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
};

export const MutationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'mutation id: 8–100 url-safe characters');

/** PUT /api/orgs/:orgId/drafts/:draftId */
export const PushRequestSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('upsert'),
    mutationId: MutationIdSchema,
    /** Revision the edit was based on; 0 for a draft the client believes is new. */
    baseRevision: z.number().int().nonnegative(),
    draft: z.record(z.string(), z.unknown()),
  }),
  z.object({ op: z.literal('delete'), mutationId: MutationIdSchema, baseRevision: z.number().int().nonnegative() }),
]);
export type PushRequest =
  | { op: 'upsert'; mutationId: string; baseRevision: number; draft: Draft }
  | { op: 'delete'; mutationId: string; baseRevision: number };

export const PushOkSchema = z.object({ ok: z.literal(true), item: SyncedDraftSchema });
export type PushOk = { ok: true; item: SyncedDraft };

/** 409: the base revision is stale. `server` is the current copy (null if it never existed). */
export const PushConflictSchema = z.object({ error: z.literal('conflict'), server: SyncedDraftSchema.nullable() });
export type PushConflict = { error: 'conflict'; server: SyncedDraft | null };

/** GET /api/orgs/:orgId/drafts?since=REV&limit=N */
export const PullResponseSchema = z.object({
  items: z.array(SyncedDraftSchema),
  /** Pass as `since` next time; equals the highest revision returned (or `since` when empty). */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = { items: SyncedDraft[]; cursor: number; hasMore: boolean };

/** POST /api/orgs/:orgId/drafts/batch — up to 100 mutations, at most one per draft, in one round trip. */
export const BATCH_MAX = 100;
export const BatchPushRequestSchema = z.object({
  mutations: z
    .array(z.intersection(PushRequestSchema, z.object({ draftId: z.string().min(1).max(200) })))
    .min(1)
    .max(BATCH_MAX),
});
export type BatchPushRequest = { mutations: (PushRequest & { draftId: string })[] };

/** Per mutation, the status and body the single-draft PUT would have answered (200, 400, 404, 409, 423). */
export const BatchPushResponseSchema = z.object({
  results: z.array(z.object({ mutationId: z.string(), status: z.number().int(), body: z.unknown() })),
});
export type BatchPushResponse = { results: { mutationId: string; status: number; body: unknown }[] };
