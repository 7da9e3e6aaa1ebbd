import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { platformsFromEnv } from '../../server/config.ts';
import { query } from '../../server/db/client.ts';
import type { Draft } from '../../utils/contract/draft.ts';
import type { PushOk, SyncedDraft } from '../../utils/contract/sync.ts';
import { startPlatformFakes, type RunningPlatformFakes } from '../fakes/index.ts';
import {
  clientFor,
  makeDraft,
  makeRelease,
  push,
  signUp,
  startTestServer,
  startTwin,
  team,
  type Client,
  type TestServer,
} from './harness.ts';

/**
 * Issue 15: "the server holds no state outside PostgreSQL, so N instances behind any load balancer behave
 * as one". Two app instances (A and B) on one database, B built from freshly imported server modules
 * (startTwin: nothing in module memory is shared) and, on PostgreSQL, its own connection pool. Every flow
 * that keeps state between requests starts on one instance and continues on the other.
 */
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
/** Our per-account sign-in limit, small so the test needs few password checks. */
const ACCOUNT = { window: 600, max: 4 };

let fakes: RunningPlatformFakes;
let A: TestServer;
let B: TestServer;

beforeAll(async () => {
  fakes = await startPlatformFakes();
  const platforms = platformsFromEnv(
    { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
    '/nonexistent',
  );
  // No targeting cache passed: the server's own (the database) is the one under test.
  const sendDeps = { platformSendDeps: { retry: { sleep: async () => {} } } };
  A = await startTestServer(
    { platforms, authRateLimit: { enabled: true, window: 60, max: 100 }, signInAccountLimit: ACCOUNT },
    sendDeps,
  );
  B = await startTwin(A, sendDeps);
});
afterAll(async () => {
  await B?.close();
  await A?.close();
  await fakes?.close();
});

/** The same person (same bearer) talking to the other instance. */
const on = (s: TestServer, c: Client) => clientFor(s, c.token, c.userId, c.email);
const signIn = (s: TestServer, email: string, ip: string, password = 'wrong password!!') =>
  s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-ip': ip },
    body: JSON.stringify({ email, password }),
  });
const platforms = (orgId: string) => `/api/orgs/${orgId}/platforms`;

describe('sessions', () => {
  test('a bearer from a sign-in on A works on B; signing out on B ends it on A', async () => {
    const me = await signUp(A, 'twin-session');
    const onB = on(B, me);
    expect((await onB.req('GET', '/api/me')).status).toBe(200);
    const created = await onB.req('POST', '/api/auth/organization/create', {
      name: 'Twin',
      slug: `twin-${Date.now()}`,
    });
    expect(created.status).toBe(200);
    const out = await onB.req('POST', '/api/auth/sign-out', {});
    expect(out.status).toBe(200);
    expect((await me.req('GET', '/api/me')).status).toBe(401);
  });
});

describe('OAuth state', () => {
  test('a connect started on A finishes on B; the same state replayed on A is refused', async () => {
    const t = await team(A, 'TwinOAuth');
    const start = await t.editor.req(
      'GET',
      `${platforms(t.orgId)}/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(start.status).toBe(200);
    const { url, state } = (await start.json()) as { url: string; state: string };
    const code = async () =>
      new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code');
    const done = await on(B, t.editor).req('POST', `${platforms(t.orgId)}/connect/meta/callback`, {
      code: await code(),
      state,
      redirectUri: REDIRECT,
    });
    expect(done.status).toBe(200);
    const replay = await t.editor.req('POST', `${platforms(t.orgId)}/connect/meta/callback`, {
      code: await code(),
      state,
      redirectUri: REDIRECT,
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'bad_state' });
  });
});

describe('rate limits count one budget across instances', () => {
  test('per address (better-auth, 3 sign-ins per 10 s): alternating A and B, the fourth is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await signIn(i % 2 ? B : A, `nobody-${i}-${Date.now()}@example.test`, '192.0.2.77');
      statuses.push(res.status);
    }
    // Per-instance memory would allow two on each instance, and all four would pass.
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
  });

  test('per account (ours): guesses spread over A and B from new addresses are stopped at the limit', async () => {
    const victim = await signUp(A, 'twin-victim');
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT.max + 1; i++) {
      const res = await signIn(i % 2 ? B : A, victim.email, `10.66.0.${i + 1}`);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, ACCOUNT.max).every((st) => st === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn(B, victim.email, '10.66.1.1', 'correct horse battery')).status).toBe(429);
  });
});

describe('sync and approval', () => {
  test('a mutation acknowledged by A and resent to B is applied once', async () => {
    const t = await team(A, 'TwinSync');
    const mutationId = `m-twin-${Date.now()}`;
    const first = await push(t.editor, t.orgId, makeDraft({ id: 'twin-1' }), 0, mutationId);
    expect(first.status).toBe(200);
    const again = await push(on(B, t.editor), t.orgId, makeDraft({ id: 'twin-1' }), 0, mutationId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as PushOk).item.revision).toBe(((await first.json()) as PushOk).item.revision);
    const pulled = (await (await on(B, t.owner).req('GET', `/api/orgs/${t.orgId}/drafts?since=0`)).json()) as {
      items: SyncedDraft[];
    };
    expect(pulled.items.filter((i) => i.id === 'twin-1')).toHaveLength(1);
  });

  test('review requested on A, an edit on B sends it back to draft; approving the old revision on B is refused', async () => {
    const t = await team(A, 'TwinReview');
    const decide = (c: Client, action: string, revision?: number) =>
      c.req('POST', `/api/orgs/${t.orgId}/drafts/twin-r/review`, { action, revision });
    expect((await push(t.editor, t.orgId, makeDraft({ id: 'twin-r' }), 0)).status).toBe(200);
    const requested = (await (await decide(t.editor, 'request')).json()) as SyncedDraft;
    expect(requested.draft.status).toBe('in_review');
    const edited = (await (
      await push(on(B, t.editor), t.orgId, { ...requested.draft, headline: 'Edited on B' }, requested.revision)
    ).json()) as PushOk;
    expect(edited.item.draft.status).toBe('draft');
    expect((await decide(on(B, t.reviewer), 'approve', requested.revision)).status).toBe(409);
    // Asked again on B, approved on A with what the reviewer saw.
    const again = (await (await decide(on(B, t.editor), 'request')).json()) as SyncedDraft;
    expect((await decide(t.reviewer, 'approve', again.revision)).status).toBe(200);
  });
});

describe('sending', () => {
  let t: Awaited<ReturnType<typeof team>>;

  /** Editor writes and asks for review on A; the reviewer approves on B. */
  async function approved(draft: Draft) {
    expect((await push(t.editor, t.orgId, draft, 0)).status).toBe(200);
    const requested = await t.editor.req('POST', `/api/orgs/${t.orgId}/drafts/${draft.id}/review`, {
      action: 'request',
    });
    const { revision } = (await requested.json()) as SyncedDraft;
    const ok = await on(B, t.reviewer).req('POST', `/api/orgs/${t.orgId}/drafts/${draft.id}/review`, {
      action: 'approve',
      revision,
    });
    expect(ok.status).toBe(200);
  }
  const send = (s: TestServer, c: Client, id: string) =>
    on(s, c).req('POST', `${platforms(t.orgId)}/drafts/${id}/send`);

  beforeAll(async () => {
    t = await team(A, 'TwinSend');
    const rel = (id: string) => t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/${id}`, { release: makeRelease(id) });
    expect((await rel('rel-seq')).status).toBe(200);
    expect((await rel('rel-par')).status).toBe(200);
    const start = await t.editor.req(
      'GET',
      `${platforms(t.orgId)}/connect/meta/start?redirectUri=${encodeURIComponent(REDIRECT)}`,
    );
    const { url, state } = (await start.json()) as { url: string; state: string };
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code');
    const cb = await t.editor.req('POST', `${platforms(t.orgId)}/connect/meta/callback`, {
      code,
      state,
      redirectUri: REDIRECT,
    });
    expect(cb.status).toBe(200);
    const chosen = await on(B, t.editor).req('PUT', `${platforms(t.orgId)}/connections/meta`, {
      adAccountId: '1234567890',
      pageId: '998877',
      currency: 'USD',
    });
    expect(chosen.status).toBe(200);
  });

  test('B reuses the targeting look-ups A made (cached in the database), and finds the campaign A created', async () => {
    await approved(makeDraft({ id: 'seq-1', releaseId: 'rel-seq' }));
    await approved(makeDraft({ id: 'seq-2', releaseId: 'rel-seq', angle: 'quote' }));
    const campaigns = fakes.meta.counts().campaign ?? 0;
    expect((await send(A, t.editor, 'seq-1')).status).toBe(200);
    const searches = fakes.meta.searches.length;
    expect(searches).toBeGreaterThan(0);
    const cached = await query<{ n: number }>(
      A.database.db,
      sql`select count(*)::int as n from targeting_cache where key like ${`${t.orgId}:meta:%`}`,
    );
    expect(Number(cached[0]!.n)).toBeGreaterThan(0);
    expect((await send(B, t.editor, 'seq-2')).status).toBe(200);
    expect(fakes.meta.searches.length).toBe(searches);
    expect(fakes.meta.counts().campaign).toBe(campaigns + 1);
  });

  test('two variants of one release sent at once, one on A and one on B, share one campaign (the lease)', async () => {
    await approved(makeDraft({ id: 'par-1', releaseId: 'rel-par' }));
    await approved(makeDraft({ id: 'par-2', releaseId: 'rel-par', angle: 'quote' }));
    const before = fakes.meta.counts();
    const [r1, r2] = await Promise.all([send(A, t.editor, 'par-1'), send(B, t.owner, 'par-2')]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const after = fakes.meta.counts();
    expect(after.campaign).toBe((before.campaign ?? 0) + 1);
    expect(after.adset).toBe((before.adset ?? 0) + 1);
    expect(after.ad).toBe((before.ad ?? 0) + 2);
    const leases = await query<{ n: number }>(A.database.db, sql`select count(*)::int as n from send_leases`);
    expect(Number(leases[0]!.n)).toBe(0);
  });
});
