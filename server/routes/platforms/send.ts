import { Hono } from 'hono';
import type { Draft } from '../../../utils/contract/draft.ts';
import { platformConfigs } from '../../config.ts';
import { usableToken } from '../../lib/connections.ts';
import type { AppDeps, AppEnv, SessionUser } from '../../lib/context.ts';
import { fail, notFound } from '../../lib/http.ts';
import { permit } from '../../lib/membership.ts';
import {
  acquireSendLease,
  approvalsRequired,
  dbSendStore,
  loadConnectionRow,
  loadDraftForSend,
  loadMediaList,
  saveDraftRemote,
} from '../../lib/platform-store.ts';
import { routeDoc } from '../../lib/route-docs.ts';
import { sendSettings } from '../../lib/send-settings.ts';
import { dbTargetingCache } from '../../lib/targeting-cache.ts';
import { query } from '../../lib/validate.ts';
import { adapterFor, sendDraft } from '../../platforms/index.ts';
import { PlatformErrorSchema, SendQuery, SendResultSchema } from './schemas.ts';

const doc = routeDoc({ tag: 'platforms', auth: 'session' });

/** POST /drafts/:draftId/send?dryRun=1: sends (or previews) one draft; idempotent and resumable. */
export function sendRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post(
    '/drafts/:draftId/send',
    doc({
      summary:
        'Send one draft to its platform (owner, admin, editor): Meta objects PAUSED, LinkedIn DRAFT; idempotent and resumable; approved drafts only when the organisation requires approvals; dryRun=1 lists the requests',
      responses: {
        200: {
          description:
            'ids per step, created / skipped steps, remote ids + deep link (also written to draft.remote in a new revision)',
          schema: SendResultSchema,
        },
        403: { description: 'not approved (approvals on) or a role that cannot send', schema: PlatformErrorSchema },
        409: {
          description:
            'not connected, token expired / permission missing (reconnect), or another send of this release still running',
          schema: PlatformErrorSchema,
        },
        422: {
          description: 'a draft field or the targeting the platform refused (draftField says which)',
          schema: PlatformErrorSchema,
        },
        429: { description: 'platform throttling after retries (Retry-After)', schema: PlatformErrorSchema },
        502: { description: 'platform error; sending again resumes at the failed step', schema: PlatformErrorSchema },
      },
    }),
    permit({ platform: ['send'] }, 'only owners, admins and editors send drafts to the ad platforms'),
    query(SendQuery),
    async (c) => {
      const orgId = c.get('orgId');
      const q = c.req.valid('query');
      const draft = await loadDraftForSend(deps.db, orgId, c.req.param('draftId'));
      if (!draft) return notFound('no such draft');
      if (q.platform && q.platform !== draft.platform) fail(400, 'bad_request', `this draft is for ${draft.platform}`);
      const dryRun = q.dryRun === '1' || q.dryRun === 'true';
      const send = () => sendOne(deps, orgId, c.get('user'), draft, dryRun);
      if (dryRun) return c.json(await send());
      // Serialise sends of one release to one platform across instances (dry runs create nothing).
      const release = await acquireSendLease(deps.db, orgId, `release:${draft.releaseId}:${draft.platform}`);
      if (!release) {
        const label = adapterFor(draft.platform).label;
        const message = `Another send of this release to ${label} is still running: try again in a minute.`;
        return c.json({ error: 'busy', message }, 409);
      }
      try {
        return c.json(await send());
      } finally {
        await release();
      }
    },
  );

  return app;
}

/** The organisation's connection, settings and media list for this draft, then the platform library's send. */
async function sendOne(deps: AppDeps, orgId: string, user: SessionUser, draft: Draft, dryRun: boolean) {
  const cfg = deps.config.platforms;
  const row = await loadConnectionRow(deps.db, orgId, draft.platform);
  if (!row) fail(409, 'not_connected', `Connect ${adapterFor(draft.platform).label} first.`);
  const token = usableToken(row, cfg.tokenKey, orgId, deps.clock());
  const settings = await sendSettings(deps, orgId, draft, row);
  const result = await sendDraft({
    orgId,
    draft,
    settings,
    token,
    store: dbSendStore(deps.db),
    mediaList: draft.mediaListId ? await loadMediaList(deps.db, orgId, draft.mediaListId) : undefined,
    dryRun,
    approvalsRequired: await approvalsRequired(deps.db, orgId),
    // Look-ups cached in the database, shared by every instance (tests may pass their own cache).
    deps: {
      clock: deps.clock,
      cache: dbTargetingCache(deps.db, deps.clock),
      ...platformConfigs(cfg),
      ...deps.platformSendDeps,
    },
  });
  if (!dryRun) await saveDraftRemote(deps.db, orgId, draft.id, result.remote, user, deps.clock());
  return result;
}
