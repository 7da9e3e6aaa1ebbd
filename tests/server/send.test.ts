import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { platformsFromEnv } from '../../server/config.ts';
import { platformConnections } from '../../server/db/schema/index.ts';
import { acquireSendLease, listSendSteps } from '../../server/lib/platform-store.ts';
import { hashEmail } from '../../server/platforms/hash.ts';
import { MemoryTargetingCache } from '../../server/platforms/store.ts';
import type { Draft, LinkedInDraft, Platform } from '../../utils/contract/draft.ts';
import type { PullResponse, SyncedDraft } from '../../utils/contract/sync.ts';
import { linkedInErrors, metaErrors, startPlatformFakes, type RunningPlatformFakes } from '../fakes/index.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type Client, type TestServer } from './harness.ts';

/**
 * Sending through the mounted team server: the real routes, database and platform library, against the
 * contract fakes on 127.0.0.1 (configured from the environment the fakes hand back, as in production).
 */
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

let fakes: RunningPlatformFakes;
let s: TestServer;
let a: Awaited<ReturnType<typeof team>>;
let b: Awaited<ReturnType<typeof team>>;

const base = (orgId: string) => `/api/orgs/${orgId}/platforms`;
const send = (c: Client, orgId: string, draftId: string, query = '') =>
  c.req('POST', `${base(orgId)}/drafts/${draftId}/send${query}`);
const getDraft = async (c: Client, orgId: string, id: string) =>
  (await (await c.req('GET', `/api/orgs/${orgId}/drafts/${id}`)).json()) as SyncedDraft;

function liDraft(id: string, releaseId = 'rel-1'): LinkedInDraft {
  const m = makeDraft({ id, releaseId }) as Draft & { primaryText?: string };
  const { primaryText: _p, ...rest } = m;
  return {
    ...rest,
    platform: 'linkedin',
    introText: 'Acme launches a thing',
    utm: { ...m.utm, source: 'linkedin' },
  } as LinkedInDraft;
}

/** Editor writes, asks for review; the reviewer approves. Returns the approved revision. */
async function approved(draft: Draft, t = a): Promise<number> {
  expect((await push(t.editor, t.orgId, draft, 0)).status).toBe(200);
  const requested = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/${draft.id}/review`, { action: 'request' });
  expect(requested.status).toBe(200);
  const { revision } = (await requested.json()) as SyncedDraft;
  const ok = await t.reviewer.req('POST', `/api/orgs/${t.orgId}/drafts/${draft.id}/review`, {
    action: 'approve',
    revision,
  });
  expect(ok.status).toBe(200);
  return ((await ok.json()) as SyncedDraft).revision;
}

/** The extension's half of the OAuth flow: open the start URL (the fake's consent screen), read the code. */
async function connect(c: Client, orgId: string, platform: Platform) {
  const start = await c.req(
    'GET',
    `${base(orgId)}/connect/${platform}/start?redirectUri=${encodeURIComponent(REDIRECT)}`,
  );
  expect(start.status).toBe(200);
  const { url, state } = (await start.json()) as { url: string; state: string };
  const consent = await fetch(url, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe(state);
  return c.req('POST', `${base(orgId)}/connect/${platform}/callback`, {
    code: back.searchParams.get('code'),
    state,
    redirectUri: REDIRECT,
  });
}

beforeAll(async () => {
  fakes = await startPlatformFakes();
  const platforms = platformsFromEnv(
    { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
    '/nonexistent',
  );
  s = await startTestServer(
    { platforms },
    { platformSendDeps: { retry: { sleep: async () => {} }, cache: new MemoryTargetingCache() } },
  );
  a = await team(s, 'Alpha');
  b = await team(s, 'Beta');
  expect(
    (await a.owner.req('PUT', `/api/orgs/${a.orgId}/releases/rel-1`, { release: makeRelease('rel-1') })).status,
  ).toBe(200);
});
afterAll(async () => {
  await s?.close();
  await fakes?.close();
});

describe('connect', () => {
  test('reviewers cannot connect; editors can, the token is sealed, permissions reported', async () => {
    const denied = await a.reviewer.req(
      'GET',
      `${base(a.orgId)}/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(denied.status).toBe(403);

    const meta = await connect(a.editor, a.orgId, 'meta');
    expect(meta.status).toBe(200);
    expect(await meta.json()).toMatchObject({ platform: 'meta', missing: [] });
    const li = await connect(a.editor, a.orgId, 'linkedin');
    expect(await li.json()).toMatchObject({ platform: 'linkedin', missing: [] });

    const [row] = await s.database.db.select().from(platformConnections).where(eq(platformConnections.orgId, a.orgId));
    expect(row!.sealedToken).toMatch(/^v1\./);
    expect(row!.sealedToken).not.toMatch(/meta-|li-token/);

    const list = await (await a.reviewer.req('GET', `${base(a.orgId)}/connections`)).text();
    expect(list).not.toMatch(/sealed|v1\./);
    const items = (JSON.parse(list) as { items: { platform: string; connected: boolean; ready: boolean }[] }).items;
    expect(items.map((i) => [i.platform, i.connected, i.ready])).toEqual([
      ['meta', true, false],
      ['linkedin', true, false],
    ]);
  });

  test('a send before choosing the account says what to choose', async () => {
    await approved(makeDraft({ id: 'early' }));
    const res = await send(a.editor, a.orgId, 'early');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/Choose the Meta ad account and Facebook page/);
    expect(fakes.meta.counts()).toEqual({});
  });

  test('choices, then the account choice', async () => {
    const choices = (await (await a.editor.req('GET', `${base(a.orgId)}/connect/meta/choices`)).json()) as {
      adAccounts: { id: string; currency: string }[];
      identities: { id: string }[];
    };
    expect(choices.adAccounts[0]).toMatchObject({ id: '1234567890', currency: 'USD' });
    const put = await a.editor.req('PUT', `${base(a.orgId)}/connections/meta`, {
      adAccountId: choices.adAccounts[0]!.id,
      pageId: choices.identities[0]!.id,
      currency: 'usd',
      timeZone: 'America/New_York',
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ ready: true, currency: 'USD', countries: ['US'] });
    expect(
      (
        await a.editor.req('PUT', `${base(a.orgId)}/connections/linkedin`, {
          adAccountId: '1234567890',
          currency: 'USD',
        })
      ).status,
    ).toBe(400);
    const li = await a.editor.req('PUT', `${base(a.orgId)}/connections/linkedin`, {
      adAccountId: '1234567890',
      organizationId: 'urn:li:organization:5515715',
      currency: 'USD',
    });
    expect(await li.json()).toMatchObject({ ready: true, organizationId: '5515715', countries: ['United States'] });
    expect(
      (
        await a.reviewer.req('PUT', `${base(a.orgId)}/connections/meta`, {
          adAccountId: '1',
          pageId: '2',
          currency: 'USD',
        })
      ).status,
    ).toBe(403);
  });
});

describe('send', () => {
  let approvedRev = 0;

  test('an unapproved draft is refused with a human message and nothing is created', async () => {
    expect((await push(a.editor, a.orgId, makeDraft({ id: 'unapproved' }), 0)).status).toBe(200);
    const res = await send(a.editor, a.orgId, 'unapproved');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: 'not_approved',
      message: 'This draft needs approval before it can be sent.',
    });
    expect(fakes.meta.counts()).toEqual({});
  });

  test('Meta: dry run creates nothing; send creates PAUSED objects once; sending twice changes nothing', async () => {
    const hashes = Array.from({ length: 25 }, (_, i) => hashEmail(`reporter${i}@example.com`));
    expect(
      (await a.editor.req('PUT', `/api/orgs/${a.orgId}/media-lists/list-1`, { name: 'Reporters', count: 25, hashes }))
        .status,
    ).toBe(200);
    approvedRev = await approved(makeDraft({ id: 'm1', mediaListId: 'list-1' }));

    const dry = await send(a.editor, a.orgId, 'm1', '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { requests: unknown[] }).requests.length).toBeGreaterThanOrEqual(6);
    expect(fakes.meta.counts()).toEqual({});
    expect((await getDraft(a.editor, a.orgId, 'm1')).revision).toBe(approvedRev);

    expect((await send(a.reviewer, a.orgId, 'm1')).status).toBe(403); // reviewers approve, they do not send
    const first = await send(a.editor, a.orgId, 'm1');
    expect(first.status).toBe(200);
    const result = (await first.json()) as {
      ids: Record<string, string>;
      created: string[];
      remote: Record<string, string>;
    };
    expect(result.created).toEqual(expect.arrayContaining(['campaign', 'adset', 'creative', 'ad']));
    const again = (await (await send(a.owner, a.orgId, 'm1')).json()) as {
      created: string[];
      ids: Record<string, string>;
    };
    expect(again.created).toEqual([]);
    expect(again.ids).toEqual(result.ids);

    expect(fakes.meta.counts()).toEqual({
      customAudience: 1,
      audienceUsersBatch: 1,
      campaign: 1,
      adset: 1,
      creative: 1,
      ad: 1,
    });
    for (const kind of ['campaign', 'adset', 'ad'])
      expect(fakes.meta.ledger.created(kind).every((o) => o.body.status === 'PAUSED')).toBe(true);

    // Remote ids and the Ads Manager link are on the draft, in a new revision the team pulls.
    const d = await getDraft(a.reviewer, a.orgId, 'm1');
    expect(d.revision).toBeGreaterThan(approvedRev);
    expect(d.draft.status).toBe('sent');
    expect(d.draft.remote).toMatchObject({ campaign: result.ids.campaign, ad: result.ids.ad });
    expect(d.draft.remote.link).toContain('adsmanager');
    const pulled = (await (
      await a.reviewer.req('GET', `/api/orgs/${a.orgId}/drafts?since=${approvedRev}`)
    ).json()) as PullResponse;
    expect(pulled.items.map((i) => i.id)).toContain('m1');
    // The repeat send wrote nothing new.
    expect((await getDraft(a.reviewer, a.orgId, 'm1')).revision).toBe(d.revision);
    // Steps are recorded in the database per release / draft.
    expect(await listSendSteps(s.database.db, a.orgId, 'release:rel-1:meta')).toMatchObject({
      campaign: result.ids.campaign,
    });
    expect(await listSendSteps(s.database.db, a.orgId, 'm1')).toMatchObject({
      creative: result.ids.creative,
      ad: result.ids.ad,
    });
  });

  test('Meta: a second variant of the release reuses the campaign and ad set', async () => {
    await approved(makeDraft({ id: 'm2', angle: 'quote' }));
    const res = (await (await send(a.editor, a.orgId, 'm2')).json()) as { created: string[]; skipped: string[] };
    expect(res.skipped).toEqual(expect.arrayContaining(['campaign', 'adset']));
    expect(res.created).toEqual(['creative', 'ad']);
    expect(fakes.meta.counts()).toMatchObject({ campaign: 1, adset: 1, creative: 2, ad: 2 });
  });

  test('LinkedIn: a failure mid-way, then a retry resumes; DRAFT objects exactly once', async () => {
    await approved(liDraft('l1'));
    fakes.linkedin.inject({ method: 'POST', path: /\/creatives$/, respond: linkedInErrors.server() });
    const failed = await send(a.editor, a.orgId, 'l1', '?platform=linkedin');
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ error: 'unknown', step: 'creative', platform: 'linkedin' });
    expect((await getDraft(a.editor, a.orgId, 'l1')).draft.status).toBe('approved');

    const retry = await send(a.editor, a.orgId, 'l1', '?platform=linkedin');
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { skipped: string[] }).skipped).toEqual(
      expect.arrayContaining(['campaignGroup', 'campaign', 'post']),
    );
    expect(((await (await send(a.editor, a.orgId, 'l1')).json()) as { created: string[] }).created).toEqual([]);
    expect(fakes.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
    for (const kind of ['campaignGroup', 'campaign'])
      expect(fakes.linkedin.ledger.created(kind).every((o) => o.body.status === 'DRAFT')).toBe(true);
    const d = await getDraft(a.editor, a.orgId, 'l1');
    expect(d.draft.status).toBe('sent');
    expect(d.draft.remote.link).toContain('/campaignmanager/accounts/1234567890/campaigns/');
  });

  test('Meta: an expired token mid-way asks to reconnect; the retry creates only what is missing', async () => {
    await approved(makeDraft({ id: 'm3', releaseId: 'rel-3' }));
    fakes.meta.inject({ method: 'POST', path: /\/adcreatives$/, respond: metaErrors.expiredToken() });
    const failed = await send(a.editor, a.orgId, 'm3');
    expect(failed.status).toBe(409);
    expect(await failed.json()).toMatchObject({
      error: 'auth',
      step: 'creative',
      message: expect.stringMatching(/reconnect Meta/i),
    });
    expect((await send(a.editor, a.orgId, 'm3')).status).toBe(200);
    expect(fakes.meta.counts()).toMatchObject({ campaign: 2, adset: 2, creative: 3, ad: 3 });
  });

  test('an expired or unreadable connection asks to reconnect before anything is sent', async () => {
    await approved(makeDraft({ id: 'm4', releaseId: 'rel-4' }));
    const before = { ...fakes.meta.counts() };
    const where = and(eq(platformConnections.orgId, a.orgId), eq(platformConnections.platform, 'meta'));
    const [row] = await s.database.db.select().from(platformConnections).where(where);
    await s.database.db
      .update(platformConnections)
      .set({ expiresAt: new Date('2020-01-01T00:00:00Z') })
      .where(where);
    const expired = await send(a.editor, a.orgId, 'm4');
    expect(expired.status).toBe(409);
    expect(await expired.json()).toMatchObject({
      error: 'auth',
      message: expect.stringMatching(/expired: reconnect Meta/),
    });
    // A token sealed for another organisation (copied row) does not decrypt here.
    const [liRow] = await s.database.db
      .select()
      .from(platformConnections)
      .where(and(eq(platformConnections.orgId, a.orgId), eq(platformConnections.platform, 'linkedin')));
    await s.database.db
      .update(platformConnections)
      .set({ expiresAt: row!.expiresAt, sealedToken: liRow!.sealedToken })
      .where(where);
    const unreadable = await send(a.editor, a.orgId, 'm4');
    expect(unreadable.status).toBe(409);
    expect(await unreadable.json()).toMatchObject({ error: 'auth', message: expect.stringMatching(/reconnect Meta/) });
    await s.database.db.update(platformConnections).set({ sealedToken: row!.sealedToken }).where(where);
    expect(fakes.meta.counts()).toEqual(before);
  });

  test("organisation B cannot send A's draft, through either org id", async () => {
    const before = { ...fakes.meta.counts() };
    expect((await send(b.owner, a.orgId, 'm1')).status).toBe(404);
    expect((await send(b.owner, b.orgId, 'm1')).status).toBe(404);
    expect((await send(b.editor, b.orgId, 'l1')).status).toBe(404);
    expect((await b.owner.req('GET', `${base(a.orgId)}/connections`)).status).toBe(404);
    expect(fakes.meta.counts()).toEqual(before);
    // B has no connection of its own: A's token is never used for B.
    await approved(makeDraft({ id: 'b1' }), b);
    const res = await send(b.editor, b.orgId, 'b1');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'not_connected', message: 'Connect Meta first.' });
  });

  test('approvals off (owner or admin only): a draft that was never approved can be sent', async () => {
    expect((await a.editor.req('PUT', `/api/orgs/${a.orgId}/settings`, { approvalsRequired: false })).status).toBe(403);
    expect(await (await a.editor.req('GET', `/api/orgs/${a.orgId}/settings`)).json()).toEqual({
      approvalsRequired: true,
    });
    expect((await a.owner.req('PUT', `/api/orgs/${a.orgId}/settings`, { approvalsRequired: false })).status).toBe(200);
    const res = await send(a.editor, a.orgId, 'unapproved');
    expect(res.status).toBe(200);
    expect((await getDraft(a.editor, a.orgId, 'unapproved')).draft.status).toBe('sent');
    expect((await a.owner.req('PUT', `/api/orgs/${a.orgId}/settings`, { approvalsRequired: true })).status).toBe(200);
  });
});

describe('send leases (several instances)', () => {
  test('one holder per release and platform; released or expired leases are taken', async () => {
    const db = s.database.db;
    const first = await acquireSendLease(db, a.orgId, 'release:rel-x:meta', { waitMs: 0 });
    expect(first).toBeDefined();
    expect(await acquireSendLease(db, a.orgId, 'release:rel-x:meta', { waitMs: 0 })).toBeUndefined();
    expect(await acquireSendLease(db, a.orgId, 'release:rel-x:linkedin', { waitMs: 0 })).toBeDefined();
    await first!();
    const second = await acquireSendLease(db, a.orgId, 'release:rel-x:meta', { waitMs: 0, ttlMs: 1 });
    expect(second).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(await acquireSendLease(db, a.orgId, 'release:rel-x:meta', { waitMs: 0 })).toBeDefined();
  });

  test('concurrent sends of two variants share one campaign', async () => {
    await approved(makeDraft({ id: 'c1', releaseId: 'rel-c' }));
    await approved(makeDraft({ id: 'c2', releaseId: 'rel-c', angle: 'quote' }));
    const before = fakes.meta.counts().campaign ?? 0;
    const [r1, r2] = await Promise.all([send(a.editor, a.orgId, 'c1'), send(a.owner, a.orgId, 'c2')]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(fakes.meta.counts().campaign).toBe(before + 1);
  });
});

describe('platform configuration from the environment', () => {
  test('token key: from WIREBOOST_TOKEN_KEY (base64 or hex), generated once in development, required in production', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const hex = randomBytes(32).toString('hex');
    expect(platformsFromEnv({ WIREBOOST_TOKEN_KEY: hex }, '/nonexistent').tokenKey.toString('hex')).toBe(hex);
    expect(() => platformsFromEnv({ WIREBOOST_TOKEN_KEY: 'too-short' }, '/nonexistent')).toThrow(/32 bytes/);
    expect(() => platformsFromEnv({ NODE_ENV: 'production' }, '/nonexistent')).toThrow(/required in production/);
    const dir = mkdtempSync(join(tmpdir(), 'wb-key-'));
    const first = platformsFromEnv({}, dir);
    expect(first.tokenKey).toHaveLength(32);
    expect(platformsFromEnv({}, dir).tokenKey.equals(first.tokenKey)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toHaveProperty('WIREBOOST_TOKEN_KEY');
    // No app credentials → those platforms cannot be connected; versions and hosts default to the real ones.
    expect(first.credentials).toEqual({ meta: undefined, linkedin: undefined });
    expect(first.meta.graphBase).toBe('https://graph.facebook.com');
  });
});
