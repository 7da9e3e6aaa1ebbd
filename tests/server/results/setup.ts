import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { platformsFromEnv } from '../../../server/config.ts';
import { MemoryTargetingCache } from '../../../server/platforms/store.ts';
import type { Draft, LinkedInDraft, Platform } from '../../../utils/contract/draft.ts';
import type { SyncedDraft } from '../../../utils/contract/sync.ts';
import { startPlatformFakes, type RunningPlatformFakes } from '../../fakes/index.ts';
import { makeDraft, makeRelease, push, startTestServer, team, type Client, type TestServer } from '../harness.ts';

/**
 * A team server and both contract fakes on one clock, an organisation with Meta and LinkedIn connected and
 * its account chosen, and helpers to send approved drafts through the real send route (so results pull
 * exactly the ids a send recorded).
 */
export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const PUBLISHED = '2026-03-02T09:00:00Z';

export interface ResultsWorld {
  fakes: RunningPlatformFakes;
  s: TestServer;
  t: Awaited<ReturnType<typeof team>>;
  sleeps: number[];
  close(): Promise<void>;
}

export async function startResultsWorld(o: { linkedinScopes?: string[] } = {}): Promise<ResultsWorld> {
  // The fakes read the server's clock, so "today" is the same for both.
  let clock = { now: new Date(PUBLISHED) };
  const fakes = await startPlatformFakes({
    meta: { now: () => clock.now },
    linkedin: { now: () => clock.now, ...(o.linkedinScopes ? { grantScopes: o.linkedinScopes } : {}) },
  });
  const platforms = platformsFromEnv(
    { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
    '/nonexistent',
  );
  const sleeps: number[] = [];
  const s = await startTestServer(
    { platforms },
    {
      platformSendDeps: {
        retry: { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 10 },
        cache: new MemoryTargetingCache(),
      },
    },
  );
  s.clock.now = new Date(PUBLISHED);
  clock = s.clock;
  const t = await team(s, 'Results');
  const release = makeRelease('rel-1', 'Acme opens a solar newsroom');
  release.release.publishedAt = PUBLISHED;
  expect((await t.owner.req('PUT', `/api/orgs/${t.orgId}/releases/rel-1`, { release })).status).toBe(200);
  for (const p of ['meta', 'linkedin'] as const) expect((await connect(t.editor, t.orgId, p)).status).toBe(200);
  expect(
    (
      await t.editor.req('PUT', `/api/orgs/${t.orgId}/platforms/connections/meta`, {
        adAccountId: '1234567890',
        pageId: '998877',
        currency: 'USD',
        timeZone: 'America/New_York',
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await t.editor.req('PUT', `/api/orgs/${t.orgId}/platforms/connections/linkedin`, {
        adAccountId: '1234567890',
        organizationId: '5515715',
        currency: 'USD',
      })
    ).status,
  ).toBe(200);
  return {
    fakes,
    s,
    t,
    sleeps,
    async close() {
      await s.close();
      await fakes.close();
    },
  };
}

/** The extension's half of the OAuth flow: the fake's consent screen redirects with the code. */
export async function connect(c: Client, orgId: string, platform: Platform) {
  const base = `/api/orgs/${orgId}/platforms`;
  const start = await c.req('GET', `${base}/connect/${platform}/start?redirectUri=${encodeURIComponent(REDIRECT)}`);
  const { url, state } = (await start.json()) as { url: string; state: string };
  const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  return c.req('POST', `${base}/connect/${platform}/callback`, {
    code: back.searchParams.get('code'),
    state,
    redirectUri: REDIRECT,
  });
}

export function linkedInDraftOf(id: string, over: Partial<LinkedInDraft> = {}): LinkedInDraft {
  const { primaryText: _p, ...rest } = makeDraft({ id }) as Draft & { primaryText?: string };
  return { ...rest, platform: 'linkedin', introText: 'Acme opens a solar newsroom', ...over } as LinkedInDraft;
}

/** Write, ask for review, approve, send; returns the draft as the server holds it afterwards (with remote ids). */
export async function sendApproved(w: ResultsWorld, draft: Draft): Promise<SyncedDraft> {
  const { t } = w;
  const org = `/api/orgs/${t.orgId}`;
  expect((await push(t.editor, t.orgId, draft, 0)).status).toBe(200);
  const requested = await t.editor.req('POST', `${org}/drafts/${draft.id}/review`, { action: 'request' });
  expect(requested.status).toBe(200);
  // An approval carries the revision the reviewer saw.
  const { revision } = (await requested.json()) as SyncedDraft;
  expect(
    (await t.reviewer.req('POST', `${org}/drafts/${draft.id}/review`, { action: 'approve', revision })).status,
  ).toBe(200);
  const sent = await t.editor.req('POST', `${org}/platforms/drafts/${draft.id}/send`);
  expect(sent.status, await sent.clone().text()).toBe(200);
  return (await (await t.editor.req('GET', `${org}/drafts/${draft.id}`)).json()) as SyncedDraft;
}

export const at = (iso: string) => new Date(iso);
