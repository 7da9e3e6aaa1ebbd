import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { orgSettings } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { permit } from '../lib/membership.ts';
import { logActivity } from '../lib/activity.ts';
import { approvalsRequired } from '../lib/platform-store.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json } from '../lib/validate.ts';

export const OrgSettingsSchema = z.object({
  /** When on (the default), only approved drafts may be sent to Meta / LinkedIn. */
  approvalsRequired: z.boolean(),
});

const doc = routeDoc({ tag: 'settings', auth: 'session' });

export function settingsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Organisation settings (approvals required before sending: on by default)',
      responses: { 200: { description: 'settings', schema: OrgSettingsSchema } },
    }),
    async (c) => c.json({ approvalsRequired: await approvalsRequired(deps.db, c.get('orgId')) }),
  );

  app.put(
    '/',
    doc({
      summary: 'Change organisation settings (owner, admin)',
      responses: {
        200: { description: 'settings', schema: OrgSettingsSchema },
        403: { description: 'not an owner or admin' },
      },
    }),
    permit({ organization: ['update'] }, 'only owners and admins change organisation settings'),
    json(OrgSettingsSchema),
    async (c) => {
      const body = c.req.valid('json');
      const orgId = c.get('orgId');
      const user = c.get('user');
      const now = deps.clock();
      await deps.db.transaction(async (tx) => {
        const [before] = await tx
          .select({ on: orgSettings.approvalsRequired })
          .from(orgSettings)
          .where(eq(orgSettings.orgId, orgId))
          .for('update');
        await tx
          .insert(orgSettings)
          .values({ orgId, approvalsRequired: body.approvalsRequired, updatedAt: now, updatedBy: user.id })
          .onConflictDoUpdate({
            target: orgSettings.orgId,
            set: { approvalsRequired: body.approvalsRequired, updatedAt: now, updatedBy: user.id },
          });
        if ((before?.on ?? true) !== body.approvalsRequired) {
          await logActivity(tx, {
            orgId,
            actorUserId: user.id,
            actorName: user.name,
            at: now,
            subjectType: 'settings',
            subjectId: orgId,
            action: 'settings.approvals_required',
            detail: { approvalsRequired: body.approvalsRequired },
          });
        }
      });
      return c.json({ approvalsRequired: body.approvalsRequired });
    },
  );

  return app;
}
