import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Draft, Platform } from '../../../utils/contract/draft.ts';
import type { SyncedDraft } from '../../../utils/contract/sync.ts';
import { platformConnections } from '../../../server/db/schema/index.ts';
import { linkedInConfig, metaConfig } from '../../../server/platforms/config.ts';
import { decryptToken } from '../../../server/platforms/crypto.ts';
import { signState, verifyState } from '../../../server/platforms/oauth-state.ts';
import { MemoryTargetingCache } from '../../../server/platforms/store.ts';
import { linkedInErrors, metaErrors } from '../../fakes/index.ts';
import {
  addMember,
  createOrg,
  makeRelease,
  push,
  signUp,
  startTestServer,
  testConfig,
  type Client,
  type TestServer,
} from '../harness.ts';
import { harness, hashes, linkedInDraft, metaDraft } from './helpers.ts';

/** The configured extension's redirect URLs (testConfig: chrome-extension://abcdefghijklmnopabcdefghijklmnop). */
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
/** Firefox: SHA-1 of the add-on id (wxt.config.ts gecko.id), hex, under extensions.allizom.org. */
const FIREFOX_REDIRECT = `https://${createHash('sha1').update('wireboost@wireboost.app').digest('hex')}.extensions.allizom.org/`;

/**
 * /api/orgs/:orgId/platforms on the whole app (database, sessions, roles) against fresh in-process fakes of
 * Meta and LinkedIn per test: the server's network goes to whichever fakes the current test made.
 */
let s: TestServer;
let owner: Client;
let reviewer: Client;
let editor: Client;
let current = harness();

beforeAll(async () => {
  const h = current;
  const base = testConfig().platforms;
  s = await startTestServer(
    {
      platforms: {
        ...base,
        meta: metaConfig(h.deps.meta),
        linkedin: linkedInConfig(h.deps.linkedin),
        credentials: {
          meta: { clientId: h.meta.appId, clientSecret: h.meta.appSecret },
          linkedin: { clientId: h.linkedin.clientId, clientSecret: h.linkedin.clientSecret },
        },
      },
    },
    {
      platformSendDeps: {
        fetch: (url, init) => current.deps.fetch!(url, init),
        retry: { sleep: async () => {}, baseDelayMs: 100 },
        cache: new MemoryTargetingCache(),
      },
    },
  );
  owner = await signUp(s, 'platform-owner');
  reviewer = await signUp(s, 'platform-reviewer');
  editor = await signUp(s, 'platform-editor');
});
afterAll(() => s?.close());

async function connectionRow(orgId: string, platform: Platform) {
  const where = and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, platform));
  return (await s.database.db.select().from(platformConnections).where(where))[0];
}

/** A fresh organisation with a release, a media list and three drafts (two approved), and fresh fakes. */
async function mounted() {
  const h = (current = harness());
  const orgId = await createOrg(owner, 'Platforms');
  await addMember(s, orgId, reviewer, 'reviewer');
  const base = `/api/orgs/${orgId}/platforms`;
  const call = (path: string) => owner.req('GET', `${base}${path}`);
  const post = (path: string, body?: unknown) => owner.req('POST', `${base}${path}`, body);
  expect((await owner.req('PUT', `/api/orgs/${orgId}/releases/rel-1`, { release: makeRelease('rel-1') })).status).toBe(
    200,
  );
  const list = { name: 'Tech reporters', count: 120, hashes: hashes(120) };
  expect((await owner.req('PUT', `/api/orgs/${orgId}/media-lists/list-1`, list)).status).toBe(200);
  const draft = async (d: Draft, approve = true) => {
    expect((await push(owner, orgId, { ...d, status: 'draft' }, 0)).status).toBe(200);
    const review = (c: Client, action: string, revision?: number) =>
      c.req('POST', `/api/orgs/${orgId}/drafts/${d.id}/review`, { action, revision });
    const requested = await review(owner, 'request');
    expect(requested.status).toBe(200);
    const { revision } = (await requested.json()) as SyncedDraft;
    if (approve) expect((await review(reviewer, 'approve', revision)).status).toBe(200);
  };
  await draft(metaDraft({ mediaListId: 'list-1' }));
  await draft(linkedInDraft());
  await draft(metaDraft({ id: 'draft-unapproved' }), false);
  const getDraft = async (id: string) =>
    ((await (await owner.req('GET', `/api/orgs/${orgId}/drafts/${id}`)).json()) as SyncedDraft).draft;

  /** The extension's half of the connect flow against the fake's consent screen, then the account choice. */
  async function connect(platform: Platform, choose = true) {
    const start = (await (
      await call(`/connect/${platform}/start?redirectUri=${encodeURIComponent(REDIRECT)}`)
    ).json()) as { url: string; state: string };
    const fake = platform === 'meta' ? h.meta : h.linkedin;
    const consent = await fake.app.request(start.url);
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(start.state);
    const res = await post(`/connect/${platform}/callback`, {
      code: back.searchParams.get('code'),
      state: start.state,
      redirectUri: REDIRECT,
    });
    if (choose) {
      const identity = platform === 'meta' ? { pageId: '998877' } : { organizationId: '5515715' };
      const chosen = await owner.req('PUT', `${base}/connections/${platform}`, {
        adAccountId: '1234567890',
        currency: 'USD',
        ...identity,
      });
      expect(chosen.status).toBe(200);
    }
    return res;
  }
  return { h, orgId, call, post, connect, getDraft };
}

describe('platform routes mounted under /api/orgs/:orgId/platforms', () => {
  test('connect Meta, then send: paused objects exactly once, remote ids and deep link saved', async () => {
    const m = await mounted();
    const connected = await m.connect('meta');
    expect(connected.status).toBe(200);
    expect(await connected.json()).toMatchObject({ platform: 'meta', missing: [] });
    const where = and(eq(platformConnections.orgId, m.orgId), eq(platformConnections.platform, 'meta'));
    const [stored] = await s.database.db.select().from(platformConnections).where(where);
    // Sealed at rest, bound to org + platform; the long-lived token is what is kept.
    const key = s.config.platforms.tokenKey;
    expect(decryptToken(stored!.sealedToken, key, `${m.orgId}:meta`)).toMatch(/^meta-long-/);
    expect(() => decryptToken(stored!.sealedToken, key, 'org-2:meta')).toThrow();

    const dry = await m.post('/drafts/draft-meta-1/send?platform=meta&dryRun=1');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { requests: unknown[] }).requests).toHaveLength(6);
    expect(m.h.meta.counts()).toEqual({});

    const sent = await m.post('/drafts/draft-meta-1/send?platform=meta');
    expect(sent.status).toBe(200);
    const again = await m.post('/drafts/draft-meta-1/send?platform=meta');
    expect(((await again.json()) as { created: string[] }).created).toEqual([]);
    expect(m.h.meta.counts()).toEqual({
      customAudience: 1,
      audienceUsersBatch: 1,
      campaign: 1,
      adset: 1,
      creative: 1,
      ad: 1,
    });
    expect((await m.getDraft('draft-meta-1')).remote.link).toContain('adsmanager.facebook.com');
  });

  test('connect LinkedIn, then send: DRAFT objects, retry after a mid-way failure creates the rest once', async () => {
    const m = await mounted();
    expect((await m.connect('linkedin')).status).toBe(200);
    m.h.linkedin.inject({ method: 'POST', path: /\/creatives$/, respond: linkedInErrors.server() });
    const failed = await m.post('/drafts/draft-li-1/send');
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ error: 'unknown', step: 'creative' });
    expect((await m.post('/drafts/draft-li-1/send')).status).toBe(200);
    expect(m.h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
    expect((await m.getDraft('draft-li-1')).remote.link).toContain('/campaignmanager/accounts/1234567890/campaigns/');
  });

  test('platform errors become JSON with a status the extension can act on', async () => {
    const m = await mounted();
    await m.connect('meta');
    m.h.meta.inject({ method: 'POST', path: /\/campaigns$/, respond: metaErrors.expiredToken() });
    const res = await m.post('/drafts/draft-meta-1/send');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'auth',
      platform: 'meta',
      message: expect.stringMatching(/reconnect Meta/),
    });

    m.h.meta.inject({ method: 'POST', path: /\/campaigns$/, times: 9, respond: metaErrors.throttle(17, 30) });
    const throttled = await m.post('/drafts/draft-meta-1/send');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1800');
  });

  test.each([
    ['meta', { id: '1234567890', name: 'Acme Ads', currency: 'USD', timeZone: 'America/New_York' }, '998877'],
    ['linkedin', { id: '1234567890', name: 'Acme Ads', currency: 'USD' }, '5515715'],
  ] as const)(
    '%s: choices after connecting (ad account with currency, page / organisation)',
    async (platform, account, identity) => {
      const m = await mounted();
      expect((await m.call(`/connect/${platform}/choices`)).status).toBe(409);
      await m.connect(platform, false);
      const res = await m.call(`/connect/${platform}/choices`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { adAccounts: unknown[]; identities: { id: string }[]; missing: string[] };
      expect(body.adAccounts).toEqual([account]);
      expect(body.identities.map((i) => i.id)).toEqual([identity]);
      expect(body.missing).toEqual([]);
    },
  );

  test('approvals on: an unapproved draft is refused with 403', async () => {
    const m = await mounted();
    await m.connect('meta');
    const res = await m.post('/drafts/draft-unapproved/send');
    expect(res.status).toBe(403);
    expect(m.h.meta.counts()).toEqual({});
  });

  test('not connected, unknown draft, wrong platform, unknown platform', async () => {
    const m = await mounted();
    expect((await m.post('/drafts/draft-meta-1/send')).status).toBe(409);
    expect((await m.post('/drafts/nope/send')).status).toBe(404);
    await m.connect('meta');
    expect((await m.post('/drafts/draft-meta-1/send?platform=linkedin')).status).toBe(400);
    const unknown = await m.call('/connect/tiktok/choices');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'bad_request', message: 'unknown platform' });
  });

  test('a forged state, or one started in another organisation, is refused', async () => {
    const m = await mounted();
    const bad = await m.post('/connect/meta/callback', { code: 'x', state: 'forged', redirectUri: REDIRECT });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_state' });
    const other = await mounted();
    const start = (await (
      await other.call(`/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`)
    ).json()) as { state: string };
    const replayed = await m.post('/connect/meta/callback', { code: 'x', state: start.state, redirectUri: REDIRECT });
    expect(replayed.status).toBe(400);
  });

  test('a used state cannot be used again, by the same user or another (issue 15, finding 6)', async () => {
    const m = await mounted();
    await addMember(s, m.orgId, editor, 'editor');
    const start = (await (await m.call(`/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`)).json()) as {
      url: string;
      state: string;
    };
    const code = async () =>
      new URL((await m.h.meta.app.request(start.url)).headers.get('location')!).searchParams.get('code');
    const first = await m.post('/connect/meta/callback', {
      code: await code(),
      state: start.state,
      redirectUri: REDIRECT,
    });
    expect(first.status).toBe(200);
    const again = await m.post('/connect/meta/callback', {
      code: await code(),
      state: start.state,
      redirectUri: REDIRECT,
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'bad_state' });
    const byOther = await editor.req('POST', `/api/orgs/${m.orgId}/platforms/connect/meta/callback`, {
      code: await code(),
      state: start.state,
      redirectUri: REDIRECT,
    });
    expect(byOther.status).toBe(400);
  });

  test('a state is bound to the person who started it, and to its redirect URI (issue 15, finding 6)', async () => {
    const m = await mounted();
    await addMember(s, m.orgId, editor, 'editor');
    const start = (await (await m.call(`/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`)).json()) as {
      url: string;
      state: string;
    };
    const code = new URL((await m.h.meta.app.request(start.url)).headers.get('location')!).searchParams.get('code');
    const stolen = await editor.req('POST', `/api/orgs/${m.orgId}/platforms/connect/meta/callback`, {
      code,
      state: start.state,
      redirectUri: REDIRECT,
    });
    expect(stolen.status).toBe(400);
    const elsewhere = await m.post('/connect/meta/callback', {
      code,
      state: start.state,
      redirectUri: 'https://evil.example/',
    });
    expect(elsewhere.status).toBe(400);
    expect(await connectionRow(m.orgId, 'meta')).toBeUndefined();
  });

  test.each([
    ['any web site', 'https://evil.example/', 400],
    ['another Chrome extension', 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/', 400],
    ['a look-alike host', 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org.evil.example/', 400],
    ['plain http', 'http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', 400],
    ["the extension's own (Chrome)", REDIRECT, 200],
    ["the extension's own (Firefox)", FIREFOX_REDIRECT, 200],
  ])('redirect URI: %s, %s → %i (issue 15, finding 6)', async (_label, uri, status) => {
    const m = await mounted();
    const res = await m.call(`/connect/meta/start?redirectUri=${encodeURIComponent(uri)}`);
    expect(res.status).toBe(status);
    if (status === 400) expect(await res.json()).toMatchObject({ error: 'bad_redirect' });
  });

  test('state: bound to org, platform and expiry', () => {
    const st = signState('k', 'org-1', 'linkedin', 1_000);
    expect(verifyState('k', st, 'org-1', 'linkedin', 999)).toBe(true);
    expect(verifyState('k', st, 'org-1', 'linkedin', 1_001)).toBe(false);
    expect(verifyState('k', st, 'org-1', 'meta', 999)).toBe(false);
    expect(verifyState('other', st, 'org-1', 'linkedin', 999)).toBe(false);
  });

  test('LinkedIn connected without rw_dmp_segments and r_ads_reporting reports both missing', async () => {
    const m = await mounted();
    const start = (await (
      await m.call(`/connect/linkedin/start?redirectUri=${encodeURIComponent(REDIRECT)}`)
    ).json()) as { url: string; state: string };
    const url = new URL(start.url);
    url.searchParams.set('scope', 'rw_ads w_organization_social');
    const back = new URL((await m.h.linkedin.app.request(url.toString())).headers.get('location')!);
    const res = await m.post('/connect/linkedin/callback', {
      code: back.searchParams.get('code'),
      state: start.state,
      redirectUri: REDIRECT,
    });
    expect(await res.json()).toMatchObject({ platform: 'linkedin', missing: ['rw_dmp_segments', 'r_ads_reporting'] });
  });
});
