import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import type { Draft, Platform } from '../../../utils/contract/draft.ts';
import { platformRoutes, signState, verifyState, type StoredConnection } from '../../../server/platforms/routes.ts';
import { decryptToken } from '../../../server/platforms/crypto.ts';
import { harness, hashes, linkedInDraft, metaDraft, NOW, settings } from './helpers.ts';
import { linkedInErrors, metaErrors } from '../../fakes/index.ts';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

/** The server's side, in memory: what the team server would keep in its database. */
function mounted(over: { approvals?: boolean } = {}) {
  const h = harness();
  const tokenKey = randomBytes(32);
  const connections = new Map<string, StoredConnection>();
  const remotes = new Map<string, Record<string, string>>();
  const drafts = new Map<string, Draft>([
    ['draft-meta-1', metaDraft({ mediaListId: 'list-1' })],
    ['draft-li-1', linkedInDraft()],
    ['draft-unapproved', metaDraft({ id: 'draft-unapproved', status: 'in_review' })],
  ]);
  const routes = platformRoutes({
    store: h.store,
    tokenKey,
    stateSecret: 'state-secret',
    credentials: {
      meta: { clientId: h.meta.appId, clientSecret: h.meta.appSecret },
      linkedin: { clientId: h.linkedin.clientId, clientSecret: h.linkedin.clientSecret },
    },
    config: { meta: h.deps.meta, linkedin: h.deps.linkedin },
    clock: () => NOW,
    loadDraft: async (_org, id) => drafts.get(id),
    loadSendContext: async (orgId, draft) => {
      const connection = connections.get(`${orgId}:${draft.platform}`);
      const base = settings();
      return (
        connection && {
          connection,
          settings: draft.platform === 'linkedin' ? { ...base, countries: ['United States'] } : base,
        }
      );
    },
    saveConnection: async (orgId, platform, c) => void connections.set(`${orgId}:${platform}`, c),
    loadConnection: async (orgId, platform) => connections.get(`${orgId}:${platform}`),
    loadMediaList: async (_org, id) => (id === 'list-1' ? { name: 'Tech reporters', hashes: hashes(120) } : undefined),
    approvalsRequired: async () => over.approvals ?? true,
    saveRemote: async (_org, draftId, remote) => void remotes.set(draftId, remote),
    sendDeps: h.deps,
  });
  const app = new Hono().route('/api/orgs/:orgId/platforms', routes);
  const call = (path: string, init?: RequestInit) => app.request(`http://server/api/orgs/org-1/platforms${path}`, init);
  const post = (path: string, body?: unknown) =>
    call(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Runs the extension's half of the connect flow against the fakes' consent screens. */
  async function connect(platform: Platform) {
    const start = (await (
      await call(`/connect/${platform}/start?redirectUri=${encodeURIComponent(REDIRECT)}`)
    ).json()) as { url: string; state: string };
    const fake = platform === 'meta' ? h.meta : h.linkedin;
    const consent = await fake.app.request(start.url);
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(start.state);
    return post(`/connect/${platform}/callback`, {
      code: back.searchParams.get('code'),
      state: start.state,
      redirectUri: REDIRECT,
    });
  }
  return { h, app, call, post, connect, connections, remotes, tokenKey };
}

describe('platform routes mounted under /api/orgs/:orgId/platforms', () => {
  test('connect Meta, then send: paused objects exactly once, remote ids and deep link saved', async () => {
    const m = mounted();
    const connected = await m.connect('meta');
    expect(connected.status).toBe(200);
    expect(await connected.json()).toMatchObject({ platform: 'meta', missing: [] });
    const stored = m.connections.get('org-1:meta')!;
    // Sealed at rest, bound to org + platform; the long-lived token is what is kept.
    expect(decryptToken(stored.sealedToken, m.tokenKey, 'org-1:meta')).toMatch(/^meta-long-/);
    expect(() => decryptToken(stored.sealedToken, m.tokenKey, 'org-2:meta')).toThrow();

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
    expect(m.remotes.get('draft-meta-1')!.link).toContain('adsmanager.facebook.com');
  });

  test('connect LinkedIn, then send: DRAFT objects, retry after a mid-way failure creates the rest once', async () => {
    const m = mounted();
    expect((await m.connect('linkedin')).status).toBe(200);
    m.h.linkedin.inject({ method: 'POST', path: /\/creatives$/, respond: linkedInErrors.server() });
    const failed = await m.post('/drafts/draft-li-1/send');
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ error: 'unknown', step: 'creative' });
    expect((await m.post('/drafts/draft-li-1/send')).status).toBe(200);
    expect(m.h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
    expect(m.remotes.get('draft-li-1')!.link).toContain('/campaignmanager/accounts/1234567890/campaigns/');
  });

  test('platform errors become JSON with a status the extension can act on', async () => {
    const m = mounted();
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
      const m = mounted();
      expect((await m.call(`/connect/${platform}/choices`)).status).toBe(409);
      await m.connect(platform);
      const res = await m.call(`/connect/${platform}/choices`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { adAccounts: unknown[]; identities: { id: string }[]; missing: string[] };
      expect(body.adAccounts).toEqual([account]);
      expect(body.identities.map((i) => i.id)).toEqual([identity]);
      expect(body.missing).toEqual([]);
    },
  );

  test('approvals on: an unapproved draft is refused with 403', async () => {
    const m = mounted();
    await m.connect('meta');
    const res = await m.post('/drafts/draft-unapproved/send');
    expect(res.status).toBe(403);
    expect(m.h.meta.counts()).toEqual({});
  });

  test('not connected, unknown draft, wrong platform', async () => {
    const m = mounted();
    expect((await m.post('/drafts/draft-meta-1/send')).status).toBe(409);
    expect((await m.post('/drafts/nope/send')).status).toBe(404);
    await m.connect('meta');
    expect((await m.post('/drafts/draft-meta-1/send?platform=linkedin')).status).toBe(400);
  });

  test('a forged or replayed-elsewhere state is refused', async () => {
    const m = mounted();
    const bad = await m.post('/connect/meta/callback', { code: 'x', state: 'forged', redirectUri: REDIRECT });
    expect(bad.status).toBe(400);
    const otherOrg = signState('state-secret', 'org-2', 'meta', NOW.getTime() + 60_000);
    expect((await m.post('/connect/meta/callback', { code: 'x', state: otherOrg, redirectUri: REDIRECT })).status).toBe(
      400,
    );
  });

  test('state: bound to org, platform and expiry', () => {
    const s = signState('k', 'org-1', 'linkedin', 1_000);
    expect(verifyState('k', s, 'org-1', 'linkedin', 999)).toBe(true);
    expect(verifyState('k', s, 'org-1', 'linkedin', 1_001)).toBe(false);
    expect(verifyState('k', s, 'org-1', 'meta', 999)).toBe(false);
    expect(verifyState('other', s, 'org-1', 'linkedin', 999)).toBe(false);
  });

  test('LinkedIn connected without rw_dmp_segments reports it missing', async () => {
    const m = mounted();
    // Re-create the consent with a fake that withholds the matched-audience permission.
    m.h.linkedin.tokens.clear();
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
    expect(await res.json()).toMatchObject({ platform: 'linkedin', missing: ['rw_dmp_segments'] });
  });
});
