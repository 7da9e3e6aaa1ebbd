import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { platformsFromEnv } from '../../../server/config';
import { MemoryTargetingCache } from '../../../server/platforms/store';
import { connectPlatform, type IdentityLike } from '../../../utils/send/connect';
import { platformApi } from '../../../utils/send/platform-api';
import { createPlatformsStore } from '../../../utils/send/connections-store';
import { createSendService } from '../../../utils/send/service';
import { syncKeyOf } from '../../../utils/sync/runner';
import type { StoredSyncState } from '../../../utils/sync/items';
import type { TeamConnection } from '../../../utils/team/connection';
import type { SyncedDraft } from '../../../utils/contract/sync';
import type { Draft } from '../../../utils/contract/draft';
import { startPlatformFakes, type RunningPlatformFakes } from '../../fakes';
import { makeDraft, makeRelease, push, startTestServer, team as makeTeam, type TestServer } from '../../server/harness';
import { memoryItem } from '../memory-item';

/**
 * The extension's connect and send code against the real team server app (in-process, in-memory PGlite)
 * with the platform fakes on 127.0.0.1 behind it, and a fake browser.identity that follows the fake's
 * authorize redirect the way Chrome's sign-in window does.
 */
const BASE = 'http://127.0.0.1:8787';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
let fakes: RunningPlatformFakes;
let s: TestServer;
let t: Awaited<ReturnType<typeof makeTeam>>;
let conn: TeamConnection;

const appFetch: typeof fetch = async (input, init) =>
  s.app.request(String(input).replace(BASE, ''), init as RequestInit);
/** Follows the authorize URL to its redirect (the fake consents at once), as launchWebAuthFlow would. */
const identity: IdentityLike = {
  getRedirectURL: () => REDIRECT,
  launchWebAuthFlow: async ({ url }) => (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? undefined,
};

beforeAll(async () => {
  // LinkedIn's consent grants everything but the separately approved Matched Audiences permission.
  fakes = await startPlatformFakes({ linkedin: { grantScopes: ['rw_ads', 'w_organization_social'] } });
  const platforms = platformsFromEnv(
    { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
    '/nonexistent',
  );
  s = await startTestServer(
    { platforms },
    { platformSendDeps: { retry: { sleep: async () => {} }, cache: new MemoryTargetingCache() } },
  );
  t = await makeTeam(s, 'Gamma');
  conn = {
    serverUrl: BASE,
    token: t.editor.token,
    user: { id: t.editor.userId, name: 'Ed', email: t.editor.email },
    orgId: t.orgId,
    orgName: 'Gamma',
  };
  expect(
    (await t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/rel-1`, { release: makeRelease('rel-1') })).status,
  ).toBe(200);
}, 120_000);
afterAll(async () => {
  await s?.close();
  await fakes?.close();
});

describe('options store: connect, choose, disconnect', () => {
  test('Meta: connect through the sign-in window, choices prefilled, save → ready', async () => {
    const store = createPlatformsStore({ fetch: appFetch, identity: () => identity });
    await store.getState().load(conn);
    expect(store.getState().meta.connection).toMatchObject({ connected: false });
    expect(store.getState().redirectUrl).toBe(REDIRECT);
    await store.getState().connect('meta');
    const m = store.getState().meta;
    expect(m.error).toBeNull();
    expect(m.connection).toMatchObject({ connected: true, ready: false, missing: [] });
    expect(m.connection!.scopes).toContain('ads_management');
    expect(m.choices!.adAccounts.length).toBeGreaterThan(0);
    expect(m.form).toMatchObject({
      adAccountId: m.choices!.adAccounts[0]!.id,
      identityId: m.choices!.identities[0]!.id,
      currency: 'USD',
    });
    await store.getState().save('meta');
    expect(store.getState().meta.connection).toMatchObject({ ready: true, currency: 'USD' });
    expect(store.getState().meta.notice).toMatch(/Saved/);
  });

  test('LinkedIn: the permissions it did not grant (matched audiences, reporting) are reported; disconnect forgets it', async () => {
    const store = createPlatformsStore({ fetch: appFetch, identity: () => identity });
    await store.getState().load(conn);
    await store.getState().connect('linkedin');
    const l = store.getState().linkedin;
    // The fake grants rw_ads and w_organization_social only: both the matched-audience and the reporting
    // permission are missing (results need r_ads_reporting).
    expect(l.connection).toMatchObject({ connected: true, missing: ['rw_dmp_segments', 'r_ads_reporting'] });
    expect(l.notice).toMatch(/some permissions were not granted/);
    store.getState().setField('linkedin', 'currency', 'EUR');
    await store.getState().save('linkedin');
    expect(store.getState().linkedin.connection).toMatchObject({ ready: true, currency: 'EUR' });

    await store.getState().disconnect('linkedin');
    expect(store.getState().linkedin.connection).toMatchObject({ connected: false, ready: false });
    await store.getState().connect('linkedin'); // reconnect for the send tests below
    await store.getState().save('linkedin');
    expect(store.getState().linkedin.connection?.ready).toBe(true);
  });

  test('a closed sign-in window is an error in words, nothing connected', async () => {
    const closed: IdentityLike = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
    };
    const store = createPlatformsStore({ fetch: appFetch, identity: () => closed });
    await store.getState().load({ ...conn });
    await store.getState().disconnect('meta');
    await store.getState().connect('meta');
    expect(store.getState().meta.error).toMatch(/sign-in window was closed before it finished/);
    expect(store.getState().meta.connection?.connected).toBe(false);
    // …and connecting again works (and keeps nothing from the failed attempt).
    const again = createPlatformsStore({ fetch: appFetch, identity: () => identity });
    await again.getState().load(conn);
    await again.getState().connect('meta');
    await again.getState().save('meta');
    expect(again.getState().meta.connection?.ready).toBe(true);
  });

  test('a reviewer is told their role cannot connect', async () => {
    const store = createPlatformsStore({ fetch: appFetch, identity: () => identity });
    await store.getState().load({ ...conn, token: t.reviewer.token });
    await store.getState().connect('meta');
    expect(store.getState().meta.error).toMatch(/^Not allowed: only owners, admins and editors connect/);
  });
});

describe('connectPlatform edge cases (fake fetch)', () => {
  const reply = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const api = (f: typeof fetch) => platformApi(f, { serverUrl: BASE, token: 'tok', orgId: 'org' });
  const start = vi.fn(async () => reply(200, { url: 'https://www.facebook.com/v25.0/dialog/oauth?x=1', state: 'S1' }));

  test('server down', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(connectPlatform(api(down), identity, 'meta')).rejects.toThrow(
      `Cannot reach the team server at ${BASE}`,
    );
  });
  test('501: no app configured on the server', async () => {
    await expect(
      connectPlatform(
        api(async () => reply(501, { error: 'not_configured', message: 'meta is not configured on this server' })),
        identity,
        'meta',
      ),
    ).rejects.toThrow(/no Meta app set up.*META_APP_ID/);
  });
  test.each([
    [
      'cancelled on the consent screen (LinkedIn)',
      `${REDIRECT}?error=user_cancelled_authorize&state=S1`,
      /You cancelled the Meta sign-in/,
    ],
    [
      'denied (Meta)',
      `${REDIRECT}?error=access_denied&error_reason=user_denied&state=S1`,
      /You cancelled the Meta sign-in/,
    ],
    [
      'another error',
      `${REDIRECT}?error=invalid_scope&error_description=Bad+scope&state=S1`,
      /Meta refused the sign-in: Bad scope/,
    ],
    ['no code', `${REDIRECT}?state=S1`, /no authorisation code/],
    ['state of another attempt', `${REDIRECT}?code=c&state=OTHER`, /did not match this attempt/],
  ])('%s', async (_name, back, message) => {
    const id: IdentityLike = { getRedirectURL: () => REDIRECT, launchWebAuthFlow: async () => back };
    await expect(connectPlatform(api(start as unknown as typeof fetch), id, 'meta')).rejects.toThrow(message);
  });
  test('the page could not load', async () => {
    const id: IdentityLike = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async () => {
        throw new Error('Authorization page could not be loaded.');
      },
    };
    await expect(connectPlatform(api(start as unknown as typeof fetch), id, 'linkedin')).rejects.toThrow(
      /LinkedIn sign-in page could not be loaded/,
    );
  });
  test('the code and state go to the callback with the same redirect URI', async () => {
    const calls: { url: string; body?: string }[] = [];
    const f: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), body: init?.body as string | undefined });
      return String(input).includes('/start')
        ? reply(200, { url: 'https://www.linkedin.com/oauth/v2/authorization?x', state: 'S2' })
        : reply(200, { platform: 'linkedin', granted: ['rw_ads'], missing: ['rw_dmp_segments'], expiresAt: null });
    };
    const id: IdentityLike = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async () => `${REDIRECT}?code=C&state=S2`,
    };
    expect(await connectPlatform(api(f), id, 'linkedin')).toMatchObject({ missing: ['rw_dmp_segments'] });
    expect(calls[0]!.url).toBe(
      `${BASE}/api/orgs/org/platforms/connect/linkedin/start?redirectUri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(JSON.parse(calls[1]!.body!)).toEqual({ code: 'C', state: 'S2', redirectUri: REDIRECT });
  });
});

describe('send service (the background half)', () => {
  async function approve(id: string) {
    expect((await push(t.editor, t.orgId, makeDraft({ id }), 0)).status).toBe(200);
    const requested = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/${id}/review`, { action: 'request' });
    const { revision } = (await requested.json()) as SyncedDraft;
    const ok = await t.reviewer.req('POST', `/api/orgs/${t.orgId}/drafts/${id}/review`, {
      action: 'approve',
      revision,
    });
    return (await ok.json()) as SyncedDraft;
  }

  test('context, dry run (creates nothing), send (once), errors in words', async () => {
    const synced = await approve('svc-1');
    const syncState = memoryItem<StoredSyncState<Draft> | null>({
      key: syncKeyOf(conn),
      state: {
        cursor: 0,
        server: { 'svc-1': { id: synced.id, doc: synced.draft, revision: synced.revision, deleted: synced.deleted } },
        outbox: [],
        conflicts: [],
      },
    });
    const syncNow = vi.fn(async () => undefined);
    const svc = createSendService({
      team: memoryItem<TeamConnection | null>(conn),
      syncState,
      fetch: appFetch,
      syncNow,
    });

    expect(await svc.context('svc-1', 'meta')).toMatchObject({
      serverStatus: 'approved',
      pending: false,
      approvalsRequired: true,
      connection: { ready: true },
    });
    expect(await svc.context('nope', 'meta')).toMatchObject({ serverStatus: null });

    const before = fakes.meta.counts().campaign ?? 0;
    const dry = await svc.send({ draftId: 'svc-1', platform: 'meta', dryRun: true });
    expect(dry.ok && dry.result.requests.length).toBeGreaterThanOrEqual(4);
    expect(syncNow).not.toHaveBeenCalled();
    expect(fakes.meta.counts().campaign ?? 0).toBe(before);

    const sent = await svc.send({ draftId: 'svc-1', platform: 'meta', dryRun: false });
    expect(sent.ok).toBe(true);
    if (sent.ok) expect(sent.result.remote.link).toMatch(/^https:\/\//);
    expect(syncNow).toHaveBeenCalledOnce();
    expect(fakes.meta.counts().campaign).toBe(before + 1);

    expect((await push(t.editor, t.orgId, makeDraft({ id: 'svc-2' }), 0)).status).toBe(200);
    expect(await svc.send({ draftId: 'svc-2', platform: 'meta', dryRun: false })).toMatchObject({
      ok: false,
      action: 'approve',
      error: expect.stringMatching(/needs approval/),
    });
    expect(await svc.send({ draftId: 'svc-2', platform: 'linkedin', dryRun: false })).toMatchObject({ ok: false });

    const signedOut = createSendService({
      team: memoryItem<TeamConnection | null>(null),
      syncState,
      fetch: appFetch,
      syncNow,
    });
    expect(await signedOut.context('svc-1', 'meta')).toMatchObject({ signedIn: false });
    expect(await signedOut.send({ draftId: 'svc-1', platform: 'meta', dryRun: false })).toMatchObject({
      ok: false,
      action: 'sign-in',
    });
  });

  test('server down: context carries the reason, send answers in words', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const svc = createSendService({
      team: memoryItem<TeamConnection | null>(conn),
      syncState: memoryItem<StoredSyncState<Draft> | null>(null),
      fetch: down,
      syncNow: async () => undefined,
    });
    expect((await svc.context('x', 'meta')).error).toMatch(/Cannot reach the team server/);
    expect(await svc.send({ draftId: 'x', platform: 'meta', dryRun: true })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Cannot reach/),
    });
  });
});
