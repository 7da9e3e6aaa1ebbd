import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, waitForValue, type FirefoxExtensionBrowser } from './firefox';

const TEAM_SERVER = 'https://wireboost.acme.example';
const KEY_MESSAGES = 'Data desks cut fact-checking time\nOne set of numbers for every newsroom';

const text = (page: Page, testId: string) =>
  waitForValue(page, (id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? null, testId);
const fieldValue = (page: Page, testId: string) =>
  page.$eval(`[data-testid=${testId}]`, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value);
/** What the extension stored under `key` in storage.local (read in the page, as the extension reads it). */
const stored = (page: Page, key: string) =>
  page.evaluate(
    async (k) => (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(k))[k],
    key,
  );

describe('the options page in real Firefox', () => {
  let ff: FirefoxExtensionBrowser;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
  });
  afterEach(async () => expect(await ff.takeErrors()).toEqual([]));
  afterAll(async () => {
    await ff?.close();
  });

  it('renders the settings with nothing saved yet', async () => {
    const page = await ff.extensionPage('options.html');
    expect(await text(page, 'kit-save-state')).toBe('All changes saved');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Settings');
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(['Messaging kit', 'Campaign defaults', 'Team server', 'Ad platforms']);
    expect(await fieldValue(page, 'kit-teamServerUrl')).toBe('');
    expect(await text(page, 'team-signin-form')).toContain('Enter the team server URL first.');
    expect(await text(page, 'platforms-signed-out')).toContain('Sign in to a team server');
    await page.close();
  });

  it('keeps what is typed: the team server URL and key messages survive a reload', async () => {
    const page = await ff.extensionPage('options.html');
    await text(page, 'kit-save-state');
    await page.type('[data-testid=kit-teamServerUrl]', TEAM_SERVER);
    await page.type('[data-testid=kit-keyMessages]', KEY_MESSAGES);
    // Autosave (150 ms debounce) writes both storage items; the status line says when.
    await waitForValue(
      page,
      (id) => document.querySelector(`[data-testid=${id}]`)?.textContent === 'All changes saved' || null,
      'kit-save-state',
    );
    expect(await stored(page, 'settings')).toEqual({ teamServerUrl: TEAM_SERVER });
    expect(await stored(page, 'kit')).toMatchObject({ keyMessages: KEY_MESSAGES.split('\n') });
    // The sign-in form follows the URL field (no "enter the URL first" any more).
    expect(await text(page, 'team-signin-form')).not.toContain('Enter the team server URL first.');

    // A reload is a fresh document: the marker goes, and the fields come back from storage.
    await page.evaluate(() => {
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
      location.reload();
    });
    const reloaded = await waitForValue(
      page,
      (id) =>
        (window as unknown as { beforeReload?: boolean }).beforeReload
          ? null
          : ((document.querySelector(`[data-testid=${id}]`) as HTMLInputElement | null)?.value ?? null),
      'kit-teamServerUrl',
    );
    expect(reloaded).toBe(TEAM_SERVER);
    expect(await fieldValue(page, 'kit-keyMessages')).toBe(KEY_MESSAGES);
    await page.close();

    // And in a new tab, a document that never saw the typing.
    const again = await ff.extensionPage('options.html');
    expect(
      await waitForValue(
        again,
        (id) => (document.querySelector(`[data-testid=${id}]`) as HTMLInputElement | null)?.value || null,
        'kit-teamServerUrl',
      ),
    ).toBe(TEAM_SERVER);
    await again.close();
  });

  it('the error watch sees an uncaught error and an unhandled rejection in an extension page', async () => {
    // Without this, the empty error lists after every test could just mean the watch is deaf.
    const page = await ff.extensionPage('options.html');
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('wireboost-e2e-probe: thrown');
      });
      void Promise.reject(new Error('wireboost-e2e-probe: rejected'));
    });
    let errors: string[] = [];
    for (
      const until = Date.now() + 5_000;
      errors.length < 2 && Date.now() < until;
      await new Promise((r) => setTimeout(r, 100))
    ) {
      errors = [...errors, ...(await ff.takeErrors())];
    }
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/options\.html:\d+: Error: wireboost-e2e-probe: thrown$/),
        expect.stringMatching(/^\/options\.html:\d+: Error: wireboost-e2e-probe: rejected$/),
      ]),
    );
    await page.close();
  });
});
