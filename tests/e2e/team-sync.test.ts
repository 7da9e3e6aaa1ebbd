/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWireServer, type WireServer } from './wire-server';
import { currentWorker, launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { openRelease, screenshot, storedDrafts, syntheticRelease } from './ui-helpers';
import { addMember, createOrg, signUp, type Client, type TestServer } from '../server/harness';
import { serveTeam, syncStatus, type ServedTeam } from './team-helpers';

/**
 * Two teammates, two browser profiles, one organisation on the real team server (createApp on PGlite,
 * served over loopback HTTP). Both get the same draft; both change its headline while one of them is
 * offline; the late push gets 409 and that teammate's popup shows both versions — nothing is lost.
 */
describe('team sync between two browser profiles', () => {
  let wire: WireServer;
  let served: ServedTeam;
  let team: TestServer;
  let base = '';
  /** Bearer tokens the server answers 503 for (a teammate "offline" without touching the browser). */
  const down = new Set<string>();
  let owner: Client;
  let editor: Client;
  let orgId = '';
  let a: ExtensionBrowser | null = null;
  let b: ExtensionBrowser | null = null;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    release = await syntheticRelease(5, 'acme-team');
    wire = await startWireServer([release]);
    served = await serveTeam({
      through: (req, next) => {
        const token = req.headers.get('authorization')?.replace(/^Bearer /, '');
        if (token && down.has(token))
          return Promise.resolve(
            new Response('unavailable', {
              status: 503,
              headers: { 'access-control-allow-origin': req.headers.get('origin') ?? '*' },
            }),
          );
        return next(req);
      },
    });
    ({ team, base } = served);
    owner = await signUp(team, 'owner');
    orgId = await createOrg(owner, 'Acme');
    editor = await signUp(team, 'editor');
    await addMember(team, orgId, editor, 'editor');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await served?.close();
    await wire?.close();
  });

  const status = (x: ExtensionBrowser) => syncStatus(x);
  const serverDraft = async (id: string) =>
    (await (await owner.req('GET', `/api/orgs/${orgId}/drafts/${id}`)).json()) as {
      revision: number;
      draft: { headline: string };
    };

  /** Sign in through the options page, as a person would. */
  async function signInThroughOptions(x: ExtensionBrowser, who: Client): Promise<Page> {
    const page = await x.context.newPage();
    await page.goto(`chrome-extension://${x.extensionId}/options.html`);
    await page.getByTestId('kit-teamServerUrl').fill(base);
    // A wrong password first: a plain message, nothing stored.
    await page.getByTestId('team-email').fill(who.email);
    await page.getByTestId('team-password').fill('not the password');
    await page.getByTestId('team-signin').click();
    await expect.poll(() => page.getByTestId('team-error').textContent()).toBe('Wrong e-mail or password.');
    await page.getByTestId('team-password').fill('correct horse battery');
    await page.getByTestId('team-signin').click();
    await expect
      .poll(() => page.getByTestId('team-org-current').textContent(), { timeout: 15_000 })
      .toContain('Syncing drafts with Acme');
    return page;
  }

  async function editHeadline(x: ExtensionBrowser, id: string, text: string) {
    const ws = await x.context.newPage();
    await ws.goto(`chrome-extension://${x.extensionId}/drafts.html?draft=${id}`);
    const field = ws.getByTestId('field-headline');
    await field.waitFor();
    await field.fill(text);
    await expect.poll(async () => (await storedDrafts(x))[id]?.headline).toBe(text);
    await ws.close();
  }

  it('a clash on one field shows both versions in the late teammate’s popup; keep mine syncs it to both', async () => {
    // Teammate A (owner): signs in, boosts the release; its drafts go to the server.
    a = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
    await (await signInThroughOptions(a, owner)).close();
    const { tabId: tabA } = await openRelease(a, release.url);
    const popupA = await openPopup(a, tabA);
    await popupA.getByTestId('field-headline').waitFor();
    const id = (await popupA.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    await expect.poll(async () => (await status(a!))?.state, { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => popupA.getByTestId('save-state').textContent()).toBe('Synced');
    const original = (await serverDraft(id)).draft.headline;
    expect(original).toBeTruthy();
    await popupA.close();

    // Teammate B (editor), another profile: signs in and gets the same draft from the server.
    b = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
    await (await signInThroughOptions(b, editor)).close();
    await expect.poll(async () => (await storedDrafts(b!))[id]?.headline, { timeout: 20_000 }).toBe(original);

    // B goes offline and edits the headline: kept locally, status says offline.
    // (The profile's own session token: the one options' sign-in stored, not the test's API sign-up token.)
    const tokenB = await currentWorker(b).evaluate(
      async () => ((await chrome.storage.local.get('team')).team as { token: string }).token,
    );
    down.add(tokenB);
    await editHeadline(b, id, 'Mine: B’s headline, written offline');
    await expect.poll(async () => (await status(b!))?.state, { timeout: 30_000 }).toBe('offline');
    const { tabId: tabB } = await openRelease(b, release.url);
    const popupB = await openPopup(b, tabB);
    await expect.poll(() => popupB.getByTestId('save-state').textContent()).toBe('Offline — saved locally');

    // Meanwhile A changes the same headline and it reaches the server.
    await editHeadline(a, id, 'Theirs: A’s headline');
    await expect
      .poll(async () => (await serverDraft(id)).draft.headline, { timeout: 20_000 })
      .toBe('Theirs: A’s headline');

    // B is back: its push is stale (409) → conflict with both versions, nothing overwritten.
    down.delete(tokenB);
    await popupB.evaluate(() => chrome.runtime.sendMessage({ wireboost: 'syncNow' }));
    await expect.poll(async () => (await status(b!))?.state, { timeout: 20_000 }).toBe('conflict');
    await expect.poll(() => popupB.getByTestId('save-state').textContent()).toBe('Conflict — review');
    const clash = popupB.getByTestId('clash');
    await clash.first().waitFor();
    expect(await clash.count()).toBe(1);
    expect(await clash.getAttribute('data-path')).toBe('headline');
    expect(await clash.getByTestId('clash-mine').textContent()).toBe('Mine: B’s headline, written offline');
    expect(await clash.getByTestId('clash-theirs').textContent()).toBe('Theirs: A’s headline');
    expect((await serverDraft(id)).draft.headline).toBe('Theirs: A’s headline');
    expect((await storedDrafts(b))[id]?.headline).toBe('Mine: B’s headline, written offline');
    await screenshot(popupB, 'team-sync-conflict');

    // B keeps mine: the choice goes to the server, and A pulls it.
    await clash.getByTestId('keep-mine').click();
    await popupB.getByTestId('resolve').click();
    await popupB.getByTestId('conflicts').waitFor({ state: 'detached' });
    await popupB.evaluate(() => chrome.runtime.sendMessage({ wireboost: 'syncNow' }));
    await expect
      .poll(async () => (await serverDraft(id)).draft.headline, { timeout: 20_000 })
      .toBe('Mine: B’s headline, written offline');
    await expect.poll(async () => (await status(b!))?.state).toBe('synced');
    await expect.poll(() => popupB.getByTestId('save-state').textContent()).toBe('Synced');
    const wsA = await a.context.newPage();
    await wsA.goto(`chrome-extension://${a.extensionId}/drafts.html`);
    await wsA.evaluate(() => chrome.runtime.sendMessage({ wireboost: 'syncNow' }));
    await expect
      .poll(async () => (await storedDrafts(a!))[id]?.headline, { timeout: 20_000 })
      .toBe('Mine: B’s headline, written offline');
  });
});
