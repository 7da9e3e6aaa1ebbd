import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { orgSettings } from '../db/schema/index.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { readBody } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { logActivity } from '../lib/activity.ts';
import { approvalsRequired } from '../lib/platform-store.ts';
import type { RouteDoc } from '../lib/openapi.ts';

export const OrgSettingsSchema = z.object({
  /** When on (the default), only approved drafts may be sent to Meta / LinkedIn. */
  approvalsRequired: z.boolean(),
});

export const settingsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/orgs/{orgId}/settings',
    tag: 'settings',
    auth: 'session',
    summary: 'Organisation settings (approvals required before sending: on by default)',
    responses: { 200: { description: 'settings', schema: OrgSettingsSchema } },
  },
  {
    method: 'put',
    path: '/api/orgs/{orgId}/settings',
    tag: 'settings',
    auth: 'session',
    summary: 'Change organisation settings (owner, admin)',
    body: OrgSettingsSchema,
    responses: {
      200: { description: 'settings', schema: OrgSettingsSchema },
      403: { description: 'not an owner or admin' },
    },
  },
];

export function settingsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => c.json({ approvalsRequired: await approvalsRequired(deps.db, c.get('orgId')) }));

  app.put('/', async (c) => {
    requirePermission(c, { organization: ['update'] }, 'only owners and admins change organisation settings');
    const body = await readBody(c, OrgSettingsSchema);
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
  });

  return app;
}
