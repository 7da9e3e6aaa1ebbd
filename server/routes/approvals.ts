import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { SyncedDraftSchema } from '../../utils/contract/sync.ts';
import type { Draft, DraftStatus } from '../../utils/contract/draft.ts';
import { comments, drafts } from '../db/schema/index.ts';
import { and, eq } from 'drizzle-orm';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, forbidden, notFound, refuse } from '../lib/http.ts';
import { LIMITS } from '../../utils/contract/limits.ts';
import { requirePermission } from '../lib/membership.ts';
import { nextRevision } from '../lib/revisions.ts';
import { logActivity } from '../lib/activity.ts';
import { loadDraft, toSynced } from '../lib/draft-store.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

export const ReviewActionSchema = z.object({
  action: z.enum(['request', 'approve', 'reject', 'reopen']),
  comment: z.string().max(LIMITS.comment).optional(),
  /**
   * The draft revision the person saw when deciding: required to approve (the approval lands on exactly
   * that text), checked when given for the other actions. 409 `stale` with the server copy if it moved on.
   */
  revision: z.number().int().nonnegative().optional(),
});

/** Which statuses each action starts from and where it leads. */
const transitions: Record<z.infer<typeof ReviewActionSchema>['action'], { from: DraftStatus[]; to: DraftStatus }> = {
  request: { from: ['draft', 'rejected'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review'], to: 'rejected' },
  reopen: { from: ['approved', 'rejected', 'in_review'], to: 'draft' },
};

const doc = routeDoc({ tag: 'approvals', auth: 'session' });

export function approvalRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post(
    '/:draftId/review',
    doc({
      summary:
        'request (editor+), approve / reject (owner, admin, reviewer; never a draft you wrote or edited since its last approval; approve needs the `revision` you reviewed; reject needs a comment), reopen. Editing a draft in review sends it back to draft.',
      responses: {
        200: { description: 'the draft with its new status and revision', schema: SyncedDraftSchema },
        409: { description: 'not allowed from the current status, or `stale`: the draft changed since `revision`' },
      },
    }),
    // The permission depends on the action, so the body is read first.
    json(ReviewActionSchema),
    async (c) => {
      const { action, comment, revision } = c.req.valid('json');
      if (action === 'request') requirePermission(c, { draft: ['requestReview'] }, 'your role cannot request review');
      else if (action === 'reopen')
        requirePermission(c, { approval: ['reopen'] }, 'only owners, admins and reviewers reopen drafts');
      else requirePermission(c, { approval: ['decide'] }, 'only owners, admins and reviewers approve or reject');
      if (action === 'reject' && !comment?.trim()) fail(400, 'invalid', 'a rejection needs a comment');
      if (action === 'approve' && revision === undefined)
        refuse(400, { error: 'invalid', message: 'an approval needs the revision you reviewed', field: 'revision' });
      const orgId = c.get('orgId');
      const user = c.get('user');
      const draftId = c.req.param('draftId');
      const now = deps.clock();

      const row = await deps.db.transaction(async (tx) => {
        const cur = await loadDraft(tx, orgId, draftId, true);
        if (!cur || cur.deleted) return notFound('draft not found');
        if (revision !== undefined && revision !== cur.revision) {
          const message = 'The draft changed since you saw it: look at the current version, then decide again.';
          refuse(409, { error: 'stale', message, server: toSynced(cur) });
        }
        const t = transitions[action];
        if (!t.from.includes(cur.status as DraftStatus))
          fail(409, 'bad_status', `cannot ${action} a draft that is ${cur.status}`);
        // Everyone who wrote any of the text since its last approval (`editors`, kept by every push), and
        // whoever asked for this review, is out: four eyes on every sentence.
        const authors = [cur.createdBy, cur.reviewRequestedBy, cur.updatedBy, ...(cur.editors ?? [])];
        if (action === 'approve' && authors.includes(user.id)) {
          forbidden('nobody approves a draft they wrote, edited or sent for review');
        }
        const rev = await nextRevision(tx, orgId);
        const doc = { ...(cur.doc as Draft), status: t.to };
        const decided = action === 'approve' || action === 'reject';
        const [updated] = await tx
          .update(drafts)
          .set({
            status: t.to,
            doc,
            revision: rev,
            updatedAt: now,
            // updatedBy stays the content author: a status change is not an edit.
            reviewRequestedBy: action === 'request' ? user.id : action === 'reopen' ? null : cur.reviewRequestedBy,
            decidedBy: decided ? user.id : action === 'reopen' ? null : cur.decidedBy,
            decidedAt: decided ? now : action === 'reopen' ? null : cur.decidedAt,
            // Approved text is reviewed text: later edits start a new list of people who may not approve.
            ...(action === 'approve' ? { editors: [] } : {}),
          })
          .where(and(eq(drafts.orgId, orgId), eq(drafts.id, draftId)))
          .returning();
        if (comment?.trim()) {
          await tx.insert(comments).values({
            id: randomUUID(),
            orgId,
            releaseId: cur.releaseId,
            draftId,
            authorUserId: user.id,
            authorName: user.name,
            body: comment.trim(),
            createdAt: now,
          });
        }
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: now,
          subjectType: 'draft',
          subjectId: draftId,
          action: `draft.review.${action}`,
          detail: { revision: rev, from: cur.status, to: t.to, ...(comment ? { comment } : {}) },
        });
        return updated!;
      });
      return c.json(toSynced(row));
    },
  );

  return app;
}
