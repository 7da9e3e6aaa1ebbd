/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, corpusFile, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { axeSerious, CORPUS_RELEASES, openRelease, screenshot, storedDrafts, syntheticRelease } from './ui-helpers';

const LISTING = { url: 'https://www.prnewswire.com/news-releases/news-releases-list/', file: corpusFile('neg-prn-ism-search-listing-excerpt.html') };

describe('popup in real Chromium', () => {
  let server: WireServer;
  let b: ExtensionBrowser;
  let recent: Awaited<ReturnType<typeof syntheticRelease>>;
  let atRisk: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    recent = await syntheticRelease(5);
    atRisk = await syntheticRelease(60, 'acme-late');
    server = await startWireServer([...Object.values(CORPUS_RELEASES), recent, atRisk, LISTING]);
    b = await launchWithExtension({ hosts: server.hosts, port: server.port });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('shows the release card, the 72-hour clock and a Meta feed preview with counters and hints', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await expect.poll(() => popup.getByTestId('release-headline').textContent()).toBe(recent.headline);
    expect(await popup.getByTestId('release-clock').textContent()).toMatch(/hit the wire 5 h ago · 67 h left · on track/);
    await popup.getByTestId('preview-meta').waitFor();
    expect(await popup.getByTestId('variant').count()).toBeGreaterThanOrEqual(3);
    expect(await popup.getByTestId('count-primaryText').textContent()).toMatch(/^[\d,]+ \/ 125 · max 2,200$/);
    // Over the limit: the counter turns red and an inline error appears, live.
    await popup.getByTestId('field-headline').fill('x'.repeat(260));
    await expect.poll(() => popup.getByTestId('count-headline').getAttribute('class')).toContain('counter-over-max');
    expect(await popup.locator('[data-hint="headline:over-max"]').count()).toBe(1);
    await screenshot(popup, 'popup-on-track-meta');
    await popup.close();
    await page.close();
  });

  it('shows at-risk and missed clocks', async () => {
    const late = await openRelease(b, atRisk.url);
    const p1 = await openPopup(b, late.tabId);
    await expect.poll(() => p1.getByTestId('clock-status').textContent()).toBe('at risk');
    await screenshot(p1, 'popup-at-risk');
    await p1.close();
    await late.page.close();
    const old = await openRelease(b, CORPUS_RELEASES.prnewswire.url);
    const p2 = await openPopup(b, old.tabId);
    await expect.poll(() => p2.getByTestId('clock-status').textContent()).toBe('missed');
    await p2.close();
    await old.page.close();
  });

  for (const [wire, release] of Object.entries(CORPUS_RELEASES)) {
    it(`screenshots the popup on a real ${wire} release, Meta and LinkedIn`, async () => {
      const { page, tabId } = await openRelease(b, release.url);
      const popup = await openPopup(b, tabId);
      await expect.poll(() => popup.getByTestId('release-headline').textContent()).toBe(release.headline);
      await popup.getByTestId('preview-meta').waitFor();
      await screenshot(popup, `popup-${wire}-meta`);
      await popup.getByTestId('tab-linkedin').click();
      await popup.getByTestId('preview-linkedin').waitFor();
      await screenshot(popup, `popup-${wire}-linkedin`);
      await popup.close();
      await page.close();
    });
  }

  it('is keyboard-operable: tabs by arrow keys, variants and actions by Tab/Enter, with no serious axe violations', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('tab-meta').waitFor();
    await popup.getByTestId('tab-meta').focus();
    await popup.keyboard.press('ArrowRight');
    await popup.getByTestId('preview-linkedin').waitFor();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-linkedin');
    // Tab onwards into the variants and pick the second one with Enter.
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    expect(await popup.getByTestId('variant').nth(1).getAttribute('aria-pressed')).toBe('true');
    // Every control has an accessible name; nothing serious for axe (sections opened so they are checked too).
    for (const s of await popup.locator('details.section > summary').all()) await s.click();
    expect(await axeSerious(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('duplicates and deletes a variant, and exports through a download', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('preview-meta').waitFor();
    const before = await popup.getByTestId('variant').count();
    await popup.getByTestId('duplicate-variant').click();
    await expect.poll(() => popup.getByTestId('variant').count()).toBe(before + 1);
    await popup.getByTestId('delete-variant').click();
    await expect.poll(() => popup.getByTestId('variant').count()).toBe(before);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-meta').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await popup.close();
    await page.close();
  });

  it('on a page that is not a release explains, then boosts a pasted release URL', async () => {
    const page = await b.context.newPage();
    await page.goto(LISTING.url);
    const tabId = await b.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? 0, LISTING.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('not-a-release').waitFor();
    expect(await axeSerious(popup)).toEqual([]);
    await popup.getByTestId('paste-url').fill('not a url');
    await popup.getByRole('button', { name: 'Boost', exact: true }).click();
    await popup.getByRole('alert').waitFor();
    await popup.getByTestId('paste-url').fill(CORPUS_RELEASES.prnewswire.url);
    await popup.getByRole('button', { name: 'Boost', exact: true }).click();
    await expect.poll(() => popup.getByTestId('release-headline').textContent(), { timeout: 15_000 }).toBe(CORPUS_RELEASES.prnewswire.headline);
    await popup.getByTestId('preview-meta').waitFor();
    await screenshot(popup, 'popup-not-a-release-pasted');
    await popup.close();
    await page.close();
  });

  it('keeps an edit typed right before the popup closes', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    const field = popup.getByTestId('field-primaryText');
    await field.waitFor();
    const id = await popup.getByTestId('draft').getAttribute('data-draft-id');
    await field.fill('');
    await field.pressSequentially('Closed mid-typing', { delay: 5 });
    await popup.close(); // no wait: the debounce has not fired yet
    await expect.poll(async () => (await storedDrafts(b))[id!]?.primaryText).toBe('Closed mid-typing');
    const again = await openPopup(b, tabId);
    await expect.poll(() => again.getByTestId('field-primaryText').inputValue()).toBe('Closed mid-typing');
    await again.close();
    await page.close();
  });
});
