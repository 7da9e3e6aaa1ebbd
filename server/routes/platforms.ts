import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { MessagingKitSchema, type Draft, type Platform, type StoredRelease } from '../../utils/contract/draft.ts';
import { computeClock } from '../../utils/engine/clock.ts';
import { mediaLists, messagingKits, platformConnections, releases } from '../db/schema/index.ts';
import {
  decryptToken,
  PlatformError,
  platformRoutes,
  type SendDeps,
  type SendSettings,
  type StoredConnection,
} from '../platforms/index.ts';
import type { AppDeps, AppEnv, SessionUser } from '../lib/context.ts';
import { fail, readBody } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { logActivity } from '../lib/activity.ts';
import {
  acquireSendLease,
  approvalsRequired,
  dbSendStore,
  loadConnectionRow,
  loadDraftForSend,
  saveConnection,
  saveDraftRemote,
  toStoredConnection,
  type ConnectionRow,
} from '../lib/platform-store.ts';
import type { RouteDoc } from '../lib/openapi.ts';
import { ConnectionSchema as SharedConnectionSchema } from '../../utils/contract/platforms.ts';

const PlatformParam = z.enum(['meta', 'linkedin']);
const label = (p: Platform) => (p === 'meta' ? 'Meta' : 'LinkedIn');

/** Where ads run when nobody chose: Meta takes ISO codes, LinkedIn names resolved by typeahead. */
const DEFAULT_COUNTRIES: Record<Platform, string[]> = { meta: ['US'], linkedin: ['United States'] };

export const ChooseAccountSchema = z.object({
  adAccountId: z.string().trim().regex(/^\d+$/, 'the numeric ad account id (without act_ / urn:li:sponsoredAccount:)'),
  /** Meta: the Facebook page. */
  pageId: z.string().trim().regex(/^\d+$/).optional(),
  /** LinkedIn: the organisation id (urn:li:organization:<id> is accepted). */
  organizationId: z
    .string()
    .trim()
    .transform((v) => v.replace(/^urn:li:organization:/, ''))
    .pipe(z.string().regex(/^\d+$/))
    .optional(),
  currency: z
    .string()
    .trim()
    .length(3)
    .transform((v) => v.toUpperCase()),
  timeZone: z.string().trim().min(1).max(100).optional(),
  countries: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
});

const ConnectionSchema = SharedConnectionSchema.extend({ connectedAt: z.string().nullable() });
type Connection = z.infer<typeof ConnectionSchema>;

const SendQuery = z.object({
  platform: PlatformParam.optional(),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
});
const StartQuery = z.object({ redirectUri: z.string() });
const CallbackSchema = z.object({
  code: z.string().optional(),
  accessToken: z.string().optional(),
  state: z.string(),
  redirectUri: z.string().optional(),
});
const SendResultSchema = z.object({
  platform: PlatformParam,
  dryRun: z.boolean(),
  ids: z.record(z.string(), z.string()),
  created: z.array(z.string()),
  skipped: z.array(z.string()),
  requests: z.array(z.unknown()),
  remote: z.record(z.string(), z.string()),
});
const PlatformErrorSchema = z.object({
  error: z.string(),
  platform: z.string(),
  kind: z.string(),
  message: z.string(),
  step: z.string().optional(),
  draftField: z.string().optional(),
  permission: z.string().optional(),
});

const base = '/api/orgs/{orgId}/platforms';
export const platformDocs: RouteDoc[] = [
  {
    method: 'post',
    path: `${base}/drafts/{draftId}/send`,
    tag: 'platforms',
    auth: 'session',
    query: SendQuery,
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
  },
  {
    method: 'get',
    path: `${base}/connect/{platform}/start`,
    tag: 'platforms',
    auth: 'session',
    query: StartQuery,
    summary: 'OAuth start (owner, admin, editor): the URL for browser.identity.launchWebAuthFlow and its signed state',
    responses: {
      200: { description: 'authorize URL', schema: z.object({ url: z.string(), state: z.string() }) },
      501: { description: 'no app credentials on this server' },
    },
  },
  {
    method: 'post',
    path: `${base}/connect/{platform}/callback`,
    tag: 'platforms',
    auth: 'session',
    body: CallbackSchema,
    summary:
      'OAuth callback: the server exchanges the code with its app secret and keeps the token sealed; replies with granted and missing permissions',
    responses: {
      200: {
        description: 'granted / missing scopes',
        schema: z.object({
          platform: z.string(),
          granted: z.array(z.string()),
          missing: z.array(z.string()),
          expiresAt: z.string().nullable(),
        }),
      },
      400: { description: 'state expired or forged' },
    },
  },
  {
    method: 'get',
    path: `${base}/connect/{platform}/choices`,
    tag: 'platforms',
    auth: 'session',
    summary: 'Ad accounts (currency, time zone) and pages / organisations the connected token can use',
    responses: { 200: { description: 'choices' }, 409: { description: 'not connected' } },
  },
  {
    method: 'get',
    path: `${base}/connections`,
    tag: 'platforms',
    auth: 'session',
    summary: 'Both platforms: connected or not, permissions granted / missing, the chosen account (never a token)',
    responses: { 200: { description: 'connections', schema: z.object({ items: z.array(ConnectionSchema) }) } },
  },
  {
    method: 'put',
    path: `${base}/connections/{platform}`,
    tag: 'platforms',
    auth: 'session',
    body: ChooseAccountSchema,
    summary:
      'Choose the ad account, Facebook page / LinkedIn organisation, currency, time zone and countries (owner, admin, editor)',
    responses: {
      200: { description: 'the connection', schema: ConnectionSchema },
      409: { description: 'not connected' },
    },
  },
  {
    method: 'delete',
    path: `${base}/connections/{platform}`,
    tag: 'platforms',
    auth: 'session',
    summary: 'Disconnect: forget the sealed token and the chosen account (remote ids of sent drafts stay)',
    responses: { 200: { description: 'disconnected' } },
  },
];

function toConnection(platform: Platform, row: ConnectionRow | undefined): Connection {
  const adAccountId = row?.adAccountId ?? null;
  const pageId = row?.pageId ?? null;
  const organizationId = row?.linkedInOrganizationId ?? null;
  return {
    platform,
    connected: !!row,
    scopes: (row?.scopes as string[] | undefined) ?? [],
    missing: (row?.missing as string[] | undefined) ?? [],
    expiresAt: row?.expiresAt?.toISOString() ?? null,
    adAccountId,
    pageId,
    organizationId,
    currency: row?.currency ?? null,
    timeZone: row?.timeZone ?? null,
    countries: (row?.countries as string[] | null | undefined) ?? DEFAULT_COUNTRIES[platform],
    ready: !!row && !!adAccountId && (platform === 'meta' ? !!pageId : !!organizationId),
    connectedAt: row?.connectedAt.toISOString() ?? null,
  };
}

/**
 * /api/orgs/:orgId/platforms: the platform library's routes (server/platforms/routes.ts) with the
 * database behind them, plus the account choice. Membership is checked by the app; roles here.
 */
export function platformServerRoutes(deps: AppDeps, sendDeps?: SendDeps) {
  const app = new Hono<AppEnv>();
  const db = deps.db;
  const cfg = deps.config.platforms;
  // The library's callbacks get (orgId, …); the acting user rides along with the request.
  const actor = new AsyncLocalStorage<SessionUser>();
  const who = () => actor.getStore() ?? { id: 'system', name: 'Wireboost' };

  app.use('*', (c, next) => actor.run(c.get('user'), next));
  app.use('/drafts/:draftId/send', async (c, next) => {
    requirePermission(c, { platform: ['send'] }, 'only owners, admins and editors send drafts to the ad platforms');
    // Serialise sends of one release to one platform across instances (dry runs create nothing).
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const draft = dryRun ? undefined : await loadDraftForSend(db, c.get('orgId'), c.req.param('draftId'));
    if (!draft) return next();
    const release = await acquireSendLease(db, c.get('orgId'), `release:${draft.releaseId}:${draft.platform}`);
    if (!release) {
      return c.json(
        {
          error: 'busy',
          message: `Another send of this release to ${label(draft.platform)} is still running: try again in a minute.`,
        },
        409,
      );
    }
    try {
      await next();
    } finally {
      await release();
    }
  });
  app.use('/connect/*', async (c, next) => {
    requirePermission(c, { platform: ['connect'] }, 'only owners, admins and editors connect ad accounts');
    await next();
  });

  app.get('/connections', async (c) => {
    const rows = await db
      .select()
      .from(platformConnections)
      .where(eq(platformConnections.orgId, c.get('orgId')));
    const items = PlatformParam.options.map((p) =>
      toConnection(
        p,
        rows.find((r) => r.platform === p),
      ),
    );
    return c.json({ items });
  });

  app.put('/connections/:platform', async (c) => {
    requirePermission(c, { platform: ['connect'] }, 'only owners, admins and editors choose ad accounts');
    const platform = PlatformParam.safeParse(c.req.param('platform'));
    if (!platform.success) return fail(400, 'bad_request', 'unknown platform');
    const body = await readBody(c, ChooseAccountSchema);
    if (platform.data === 'meta' && !body.pageId)
      fail(400, 'invalid', 'Meta needs the Facebook page the ads run as (pageId)');
    if (platform.data === 'linkedin' && !body.organizationId)
      fail(400, 'invalid', 'LinkedIn needs the organisation the posts belong to (organizationId)');
    const orgId = c.get('orgId');
    const user = c.get('user');
    const now = deps.clock();
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .update(platformConnections)
        .set({
          adAccountId: body.adAccountId,
          pageId: platform.data === 'meta' ? body.pageId! : null,
          linkedInOrganizationId: platform.data === 'linkedin' ? body.organizationId! : null,
          currency: body.currency,
          timeZone: body.timeZone ?? null,
          countries: body.countries ?? null,
          updatedAt: now,
        })
        .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform.data)))
        .returning();
      if (!r) return undefined;
      await logActivity(tx, {
        orgId,
        actorUserId: user.id,
        actorName: user.name,
        at: now,
        subjectType: 'platform',
        subjectId: platform.data,
        action: 'platform.account_chosen',
        detail: {
          adAccountId: body.adAccountId,
          pageId: body.pageId,
          organizationId: body.organizationId,
          currency: body.currency,
        },
      });
      return r;
    });
    if (!row) return c.json({ error: 'not_connected', message: `Connect ${label(platform.data)} first.` }, 409);
    return c.json(toConnection(platform.data, row));
  });

  app.delete('/connections/:platform', async (c) => {
    requirePermission(c, { platform: ['connect'] }, 'only owners, admins and editors disconnect ad accounts');
    const platform = PlatformParam.safeParse(c.req.param('platform'));
    if (!platform.success) return fail(400, 'bad_request', 'unknown platform');
    const orgId = c.get('orgId');
    const user = c.get('user');
    await db.transaction(async (tx) => {
      const gone = await tx
        .delete(platformConnections)
        .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform.data)))
        .returning({ p: platformConnections.platform });
      if (gone.length) {
        await logActivity(tx, {
          orgId,
          actorUserId: user.id,
          actorName: user.name,
          at: deps.clock(),
          subjectType: 'platform',
          subjectId: platform.data,
          action: 'platform.disconnected',
        });
      }
    });
    return c.json({ ok: true });
  });

  app.route(
    '/',
    platformRoutes({
      store: dbSendStore(db),
      tokenKey: cfg.tokenKey,
      // Derived, so one secret fewer to manage; bound to org + platform + expiry inside signState.
      stateSecret: createHmac('sha256', deps.config.authSecret).update('wireboost:oauth-state').digest('base64url'),
      credentials: cfg.credentials,
      config: { meta: cfg.meta, linkedin: cfg.linkedin },
      clock: deps.clock,
      sendDeps,
      loadDraft: (orgId, draftId) => loadDraftForSend(db, orgId, draftId),
      loadConnection: async (orgId, platform) => {
        const row = await loadConnectionRow(db, orgId, platform);
        return row && usable(row, cfg.tokenKey, orgId, deps.clock());
      },
      saveConnection: (orgId, platform, connection) =>
        saveConnection(db, orgId, platform, connection, who(), deps.clock()),
      approvalsRequired: (orgId) => approvalsRequired(db, orgId),
      loadMediaList: async (orgId, id) => {
        const [row] = await db
          .select()
          .from(mediaLists)
          .where(and(eq(mediaLists.orgId, orgId), eq(mediaLists.id, id)))
          .limit(1);
        return row && { name: row.name, hashes: row.hashes as string[] };
      },
      saveRemote: (orgId, draftId, remote) => saveDraftRemote(db, orgId, draftId, remote, who(), deps.clock()),
      loadSendContext: async (orgId, draft) => {
        const row = await loadConnectionRow(db, orgId, draft.platform);
        if (!row) return undefined;
        return {
          connection: usable(row, cfg.tokenKey, orgId, deps.clock()),
          settings: await sendSettings(deps, orgId, draft, row),
        };
      },
    }),
  );

  return app;
}

/**
 * The stored connection, if it can still be used: not past its expiry and readable with this server's
 * token key (a changed WIREBOOST_TOKEN_KEY would otherwise surface as a 500). Either way: reconnect.
 */
function usable(row: ConnectionRow, key: Buffer, orgId: string, now: Date): StoredConnection {
  const p = row.platform as Platform;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    throw new PlatformError(p, 'auth', `The ${label(p)} sign-in has expired: reconnect ${label(p)}.`);
  }
  try {
    decryptToken(row.sealedToken, key, `${orgId}:${p}`);
  } catch {
    throw new PlatformError(
      p,
      'auth',
      `The saved ${label(p)} sign-in cannot be read on this server (its token key changed): reconnect ${label(p)}.`,
    );
  }
  return toStoredConnection(row);
}

/**
 * SendSettings from what the organisation chose (connection), its messaging kit (budget, flight days,
 * fallback currency / zone) and the release (campaign name, publication time for the plan).
 */
async function sendSettings(deps: AppDeps, orgId: string, draft: Draft, conn: ConnectionRow): Promise<SendSettings> {
  const p = draft.platform;
  const c = toConnection(p, conn);
  if (!c.ready) {
    throw new PlatformError(
      p,
      'invalid',
      `Choose the ${label(p)} ad account and ${p === 'meta' ? 'Facebook page' : 'LinkedIn organisation'} before sending.`,
    );
  }
  const [kitRow] = await deps.db
    .select({ doc: messagingKits.doc })
    .from(messagingKits)
    .where(eq(messagingKits.orgId, orgId))
    .limit(1);
  const kit = MessagingKitSchema.parse(kitRow?.doc ?? {});
  const [relRow] = await deps.db
    .select({ doc: releases.doc, deleted: releases.deleted })
    .from(releases)
    .where(and(eq(releases.orgId, orgId), eq(releases.id, draft.releaseId)))
    .limit(1);
  const release = relRow && !relRow.deleted ? (relRow.doc as StoredRelease).release : undefined;
  const currency = c.currency ?? kit.currency;
  const flight = computeClock(release?.publishedAt ?? null, {
    now: deps.clock().getTime(),
    timeZone: c.timeZone ?? kit.adAccountTimeZone,
    flightDays: kit.flightDays,
    dailyBudget: kit.dailyBudget,
    currency,
  }).flight;
  const name = release
    ? [release.company, release.headline].filter(Boolean).join(': ')
    : `Wireboost release ${draft.releaseId}`;
  return {
    adAccountId: c.adAccountId!,
    currency,
    dailyBudget: kit.dailyBudget,
    startTime: flight.start,
    endTime: flight.end,
    campaignName: name.slice(0, 100),
    countries: c.countries,
    ...(p === 'meta' ? { meta: { pageId: c.pageId! } } : { linkedin: { organizationId: c.organizationId! } }),
  };
}
