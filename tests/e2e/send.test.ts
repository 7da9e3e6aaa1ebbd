/// <reference types="chrome" />
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { platformsFromEnv } from '../../server/config';
import { MemoryTargetingCache } from '../../server/platforms/store';
import { linkedInErrors, metaErrors, startPlatformFakes, type RunningPlatformFakes } from '../fakes/index';
import { addMember, createOrg, signUp, type Client, type TestServer } from '../server/harness';
import { reviewStep, serveTeam, syncNow, syncStatus, type ServedTeam } from './team-helpers';
import { startWireServer, type WireServer } from './wire-server';
import { currentWorker, launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { openRelease, screenshot, storedDrafts, syntheticRelease } from './ui-helpers';

/**
 * The whole flow in Chromium: a newswire page → drafts → team server → connect Meta and LinkedIn in
 * Options (the browser's real launchWebAuthFlow window against the fakes' authorize endpoints, which
 * redirect straight to https://<id>.chromiumapp.org/ — Chromium intercepts that navigation and hands the
 * URL back) → a reviewer approves → "Send to Meta" / "Send to LinkedIn" in the workspace → PAUSED /
 * DRAFT objects in the fakes exactly once, also after a failure mid-way and a second click.
 */
describe('send approved drafts to Meta and LinkedIn from the extension', () => {
  let fakes: RunningPlatformFakes;
  let wire: WireServer;
  let served: ServedTeam;
  let team: TestServer;
  let base = '';
  let owner: Client;
  let reviewer: Client;
  let orgId = '';
  let b: ExtensionBrowser;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    // LinkedIn grants everything but Matched Audiences, which it approves per app (shown as missing).
    fakes = await startPlatformFakes({
      linkedin: { grantScopes: ['rw_ads', 'w_organization_social', 'r_ads_reporting'] },
    });
    const platforms = platformsFromEnv(
      { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
      '/nonexistent',
    );
    served = await serveTeam({
      server: [
        { allowAnyExtensionOrigin: true, platforms },
        { platformSendDeps: { retry: { sleep: async () => {} }, cache: new MemoryTargetingCache() } },
      ],
    });
    ({ team, base } = served);
    // The server's clock is fixed in tests; the release is published "now" so the flight plan is live.
    team.clock.now = new Date();
    owner = await signUp(team, 'owner');
    orgId = await createOrg(owner, 'Acme');
    reviewer = await signUp(team, 'reviewer');
    await addMember(team, orgId, reviewer, 'reviewer');
    release = await syntheticRelease(3, 'acme-send');
    wire = await startWireServer([release]);
    b = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
  });
  afterAll(async () => {
    await b?.close();
    await served?.close();
    await wire?.close();
    await fakes?.close();
  });

  const status = () => syncStatus(b);

  async function connect(options: Page, p: 'meta' | 'linkedin') {
    const card = options.getByTestId(`platform-${p}`);
    await options.getByTestId(`connect-${p}`).click();
    await expect.poll(() => card.getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
    await options.getByTestId(`choice-${p}-save`).waitFor();
    await options.getByTestId(`choice-${p}-save`).click();
    await expect.poll(() => card.getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
  }

  it('connects both platforms, sends once, resumes after a failure, and shows the deep links', async () => {
    // Sign in through Options, as a person would.
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.getByTestId('platforms-signed-out').waitFor();
    await options.getByTestId('kit-teamServerUrl').fill(base);
    await options.getByTestId('team-email').fill(owner.email);
    await options.getByTestId('team-password').fill('correct horse battery');
    await options.getByTestId('team-signin').click();
    await expect
      .poll(() => options.getByTestId('team-org-current').textContent(), { timeout: 15_000 })
      .toContain('Syncing drafts with Acme');

    // Connect both through the browser's sign-in window (launchWebAuthFlow) against the fakes.
    await connect(options, 'meta');
    await connect(options, 'linkedin');
    expect(await options.getByTestId('missing-linkedin').textContent()).toContain('rw_dmp_segments');
    expect(await options.getByTestId('scopes-meta').textContent()).toContain('ads_management');
    expect(await options.getByTestId('platform-meta-state').textContent()).toMatch(/Connected — ad account \d+, USD/);
    expect(await options.getByTestId('redirect-url').textContent()).toContain(
      `https://${b.extensionId}.chromiumapp.org/`,
    );
    await screenshot(options, 'send-options-connected');
    // The extension never saw a platform token: only the team connection is stored.
    const local = await currentWorker(b).evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(local).not.toMatch(/meta-(short|long)-\d|li-token-\d/);

    // A newswire page → drafts, synced to the team.
    const { tabId } = await openRelease(b, release.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('field-headline').waitFor();
    const metaId = (await popup.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    const drafts = await storedDrafts(b);
    const liId = Object.values(drafts).find(
      (d) => d.platform === 'linkedin' && d.releaseId === drafts[metaId]!.releaseId,
    )!.id as string;
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('synced');
    await popup.close();

    // The workspace: not approved yet → Send and Dry run are off and say why.
    const ws = await b.context.newPage();
    await ws.setViewportSize({ width: 1280, height: 900 });
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${metaId}`);
    await expect
      .poll(() => ws.getByTestId('send-reason').textContent(), { timeout: 15_000 })
      .toMatch(/Needs approval before sending \(this draft is a draft\)/);
    expect(await ws.getByTestId('send-meta').isDisabled()).toBe(true);
    expect(await ws.getByTestId('dry-run-meta').isDisabled()).toBe(true);

    // Owner asks for review, the reviewer approves (API, as their own accounts); the extension pulls it.
    for (const id of [metaId, liId]) {
      await reviewStep(owner, orgId, id, 'request');
      await reviewStep(reviewer, orgId, id, 'approve');
    }
    await syncNow(ws);
    await expect.poll(async () => (await storedDrafts(b))[metaId]?.status, { timeout: 20_000 }).toBe('approved');
    await expect.poll(() => ws.getByTestId('send-meta').isEnabled(), { timeout: 15_000 }).toBe(true);

    // A dry run lists the exact requests (no token in them) and creates nothing.
    await ws.getByTestId('dry-run-meta').click();
    await ws.getByTestId('dry-run-result').waitFor();
    const requests = await ws.getByTestId('dry-run-request').allTextContents();
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.join('\n')).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v[\d.]+\/act_\d+\/campaigns/);
    expect(requests.join('\n')).not.toMatch(/meta-(short|long)-\d/);
    expect(fakes.meta.counts()).toEqual({});

    // Meta fails mid-way (the token "expires" at the creative step): a reconnect message, campaign + ad set exist.
    fakes.meta.inject({ method: 'POST', path: /\/adcreatives$/, respond: metaErrors.expiredToken() });
    await ws.getByTestId('send-meta').click();
    await expect
      .poll(() => ws.getByTestId('send-error').textContent(), { timeout: 30_000 })
      .toMatch(/reconnect Meta in Options/);
    expect(await ws.getByTestId('send-error').getAttribute('data-action')).toBe('reconnect');
    expect(fakes.meta.counts()).toEqual({ campaign: 1, adset: 1 });

    // Click again: resumes at the creative, nothing duplicated, deep link into Ads Manager on the draft.
    await ws.getByTestId('send-meta').click();
    await ws.getByTestId('deep-link').waitFor({ timeout: 30_000 });
    expect(await ws.getByTestId('deep-link').getAttribute('href')).toMatch(/adsmanager/);
    expect(await ws.getByTestId('send-summary').textContent()).toMatch(
      /Created: creative, ad · already there: campaign, adset/,
    );
    expect(fakes.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 1, ad: 1 });
    for (const kind of ['campaign', 'adset', 'ad'])
      expect(fakes.meta.ledger.created(kind).map((o) => o.body.status)).toEqual(['PAUSED']);
    // The server wrote the ids in a new revision; the sync pulled them onto the local draft.
    await expect.poll(async () => (await storedDrafts(b))[metaId]?.status, { timeout: 20_000 }).toBe('sent');
    const metaRemote = (await storedDrafts(b))[metaId]!.remote as Record<string, string>;
    expect(metaRemote).toMatchObject({
      campaign: fakes.meta.ledger.created('campaign')[0]!.id,
      ad: fakes.meta.ledger.created('ad')[0]!.id,
    });
    expect(metaRemote.link).toMatch(/adsmanager/);
    await screenshot(ws, 'send-meta-sent');

    // A third click changes nothing.
    await ws.getByTestId('send-meta').click();
    await expect.poll(() => ws.getByTestId('send-summary').textContent(), { timeout: 30_000 }).toMatch(/Nothing new/);
    expect(fakes.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 1, ad: 1 });

    // LinkedIn: the creative step fails once on the platform; the retry resumes there.
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${liId}`);
    await expect.poll(() => ws.getByTestId('send-linkedin').isEnabled(), { timeout: 15_000 }).toBe(true);
    fakes.linkedin.inject({ method: 'POST', path: /\/creatives$/, respond: linkedInErrors.server() });
    await ws.getByTestId('send-linkedin').click();
    await expect
      .poll(() => ws.getByTestId('send-error').textContent(), { timeout: 30_000 })
      .toMatch(/LinkedIn returned an error at the creative step.*resumes/);
    expect(fakes.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1 });
    await ws.getByTestId('send-linkedin').click();
    await ws.getByTestId('deep-link').waitFor({ timeout: 30_000 });
    expect(await ws.getByTestId('deep-link').getAttribute('href')).toMatch(
      /campaignmanager\/accounts\/\d+\/campaigns\//,
    );
    expect(fakes.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
    for (const kind of ['campaignGroup', 'campaign'])
      expect(fakes.linkedin.ledger.created(kind).map((o) => o.body.status)).toEqual(['DRAFT']);
    await expect
      .poll(async () => ((await storedDrafts(b))[liId]?.remote as Record<string, string> | undefined)?.link, {
        timeout: 20_000,
      })
      .toMatch(/campaignmanager/);
    await screenshot(ws, 'send-linkedin-sent');

    // The popup's draft shows the same result (its send panel loads lazily).
    const again = await openPopup(b, tabId);
    await again.getByTestId('send-panel').waitFor({ timeout: 15_000 });
    expect(await again.getByTestId('deep-link').getAttribute('href')).toBe(metaRemote.link);
    await screenshot(again, 'send-popup-sent');
  });

  it('closing the sign-in window is said in words and keeps the existing connection', async () => {
    // The fake's consent screen answers a page instead of redirecting: the window stays open until closed.
    fakes.meta.inject({
      method: 'GET',
      path: /\/dialog\/oauth$/,
      respond: { status: 200, body: { consent: 'waiting for the person' } },
    });
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect
      .poll(() => options.getByTestId('platform-meta').getAttribute('data-ready'), { timeout: 15_000 })
      .toBe('true');
    const opened = b.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/dialog/oauth'),
      timeout: 15_000,
    });
    await options.getByTestId('connect-meta').click();
    const signInWindow = await opened;
    await signInWindow.close();
    await expect
      .poll(() => options.getByTestId('platform-meta-error').textContent(), { timeout: 15_000 })
      .toBe(
        'The Meta sign-in window was closed before it finished, so nothing was connected. Click Connect to try again.',
      );
    expect(await options.getByTestId('platform-meta').getAttribute('data-ready')).toBe('true');
  });
});
