/// <reference types="chrome" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, corpusFile, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import {
  axeSerious,
  CORPUS_RELEASES,
  openRelease,
  screenshot,
  storedDrafts,
  syntheticRelease,
  syntheticWirePages,
} from './ui-helpers';

const LISTING = {
  url: 'https://www.prnewswire.com/news-releases/news-releases-list/',
  file: corpusFile('neg-prn-ism-search-listing-excerpt.html'),
};

describe('popup in real Chromium', () => {
  let server: WireServer;
  let b: ExtensionBrowser;
  let recent: Awaited<ReturnType<typeof syntheticRelease>>;
  let atRisk: Awaited<ReturnType<typeof syntheticRelease>>;
  let others: Awaited<ReturnType<typeof syntheticWirePages>>;

  beforeAll(async () => {
    recent = await syntheticRelease(5);
    atRisk = await syntheticRelease(60, 'acme-late');
    others = await syntheticWirePages();
    server = await startWireServer([...Object.values(CORPUS_RELEASES), recent, atRisk, LISTING, ...others]);
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
    expect(await popup.getByTestId('release-clock').textContent()).toMatch(
      /hit the wire 5 h ago · 67 h left · on track/,
    );
    await popup.getByTestId('preview-meta').waitFor();
    expect(await popup.getByTestId('variant').count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => popup.getByTestId('count-primaryText').textContent())
      .toMatch(/^[\d,]+ \/ 125 · max 2,200$/);
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
    expect(await axeSerious(p1)).toEqual([]);
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

  it('screenshots the popup on a synthetic release page of every other wire the extractor recognises', async () => {
    for (const r of others) {
      const { page, tabId } = await openRelease(b, r.url);
      const popup = await openPopup(b, tabId);
      await expect.poll(() => popup.getByTestId('release-headline').textContent()).toBe(r.headline);
      await popup.getByTestId('preview-meta').waitFor();
      await expect.poll(() => popup.getByTestId('count-primaryText').textContent()).toMatch(/^\d/);
      await screenshot(popup, `popup-${r.wire}-synthetic`);
      await popup.close();
      await page.close();
    }
  });

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
    const [sheet] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-meta').click()]);
    expect(sheet.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await sheet.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toMatch(/Campaign Name.*Ad Set Name.*Title.*Body/);
    expect(csv.split(/\r?\n/).filter(Boolean).length).toBe(1 + before);
    const [json] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-json').click()]);
    const set = JSON.parse(await readFile((await json.path())!, 'utf8')) as { drafts: unknown[] };
    expect(set.drafts.length).toBe(before * 2);
    const [brief] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-brief').click()]);
    expect(brief.suggestedFilename()).toMatch(/\.md$/);
    await popup.close();
    await page.close();
  });

  it('on a page that is not a release explains, then boosts a pasted release URL', async () => {
    const page = await b.context.newPage();
    await page.goto(LISTING.url);
    const tabId = await b.worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? 0,
      LISTING.url,
    );
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('not-a-release').waitFor();
    expect(await axeSerious(popup)).toEqual([]);
    await popup.getByTestId('paste-url').fill('not a url');
    await popup.getByRole('button', { name: 'Boost', exact: true }).click();
    await popup.getByRole('alert').waitFor();
    await popup.getByTestId('paste-url').fill(CORPUS_RELEASES.prnewswire.url);
    await popup.getByRole('button', { name: 'Boost', exact: true }).click();
    await expect
      .poll(() => popup.getByTestId('release-headline').textContent(), { timeout: 15_000 })
      .toBe(CORPUS_RELEASES.prnewswire.headline);
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

  it('chooses an audience and imports a media list on the device: progress, invalid rows by line, warnings, hashes only', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('preview-meta').waitFor();
    const id = await popup.getByTestId('draft').getAttribute('data-draft-id');
    await popup.getByText('Audience & media list').click();
    await popup.getByTestId('audience-bloggers').check();
    const csv =
      'Name,Email,Outlet\nAna Ruiz,ana@example.com,Daily\nBo Li,not-an-email,Weekly\nCy Moss,CY@Example.com ,Wire\nDee,,Radio\nAna again,ana@example.com,Daily\n';
    await popup
      .getByTestId('media-list-file')
      .setInputFiles({ name: 'press.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = popup.getByTestId('media-list-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/press\.csv: 5 rows read, 2 unique addresses kept as hashes/);
    await report.getByText(/2 invalid rows skipped/).click();
    expect(await report.textContent()).toMatch(/Line 3: .*Line 5: /);
    expect(await report.textContent()).toMatch(/minimum of 100 matched people/);
    await screenshot(popup, 'popup-media-list');
    await expect.poll(async () => (await storedDrafts(b))[id!]?.audience).toBe('bloggers');
    // Nothing in extension storage holds a raw address.
    const everything = await b.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(everything).not.toMatch(/ana@example\.com|cy@example\.com/i);
    expect(everything).toMatch(/[0-9a-f]{64}/);
    await popup.close();
    await page.close();
  });

  it('edits the destination and UTM tags; the final link follows and is saved', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('preview-meta').waitFor();
    const id = await popup.getByTestId('draft').getAttribute('data-draft-id');
    await popup.getByText('Destination & UTM').click();
    await popup.getByTestId('field-destination').fill('https://acme.example/newsroom/report?ref=pr');
    await popup.getByTestId('utm-campaign').fill('report-2026');
    await expect
      .poll(() => popup.getByTestId('final-url').textContent())
      .toMatch(
        /^https:\/\/acme\.example\/newsroom\/report\?ref=pr&utm_source=facebook&utm_medium=paid_social&utm_campaign=report-2026&utm_content=/,
      );
    await expect.poll(async () => (await storedDrafts(b))[id!]?.url).toMatch(/utm_campaign=report-2026/);
    expect(await popup.locator('.fb-domain').textContent()).toBe('ACME.EXAMPLE');
    expect(await axeSerious(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('boosts the text selected on a page that is not a release (the page title, or the first line, becomes the headline)', async () => {
    const page = await b.context.newPage();
    await page.goto(LISTING.url);
    const title = await page.title();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent =
        'BOSTON -- Acme Analytics today published its 2026 Newsroom Data Report, a survey of 1,200 editors.';
      document.body.prepend(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const tabId = await b.worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? 0,
      LISTING.url,
    );
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('boost-selection').click();
    await expect
      .poll(() => popup.getByTestId('release-headline').textContent(), { timeout: 15_000 })
      .toBe(
        title.trim() ||
          'BOSTON -- Acme Analytics today published its 2026 Newsroom Data Report, a survey of 1,200 editors.',
      );
    await popup.getByTestId('preview-meta').waitFor();
    expect(await popup.getByTestId('preview-body').textContent()).toContain('Newsroom Data Report');
    await popup.close();
    await page.close();
  });

  it('opens the workspace on the draft being edited', async () => {
    const { page, tabId } = await openRelease(b, recent.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('tab-linkedin').click();
    await popup.getByTestId('variant').nth(1).click();
    const id = await popup.getByTestId('draft').getAttribute('data-draft-id');
    const [ws] = await Promise.all([b.context.waitForEvent('page'), popup.getByTestId('open-workspace').click()]);
    await ws.waitForLoadState();
    expect(ws.url()).toContain('/drafts.html?release=');
    await expect.poll(() => ws.getByTestId('draft').getAttribute('data-draft-id')).toBe(id);
    await ws.close();
    await popup.close();
    await page.close();
  });
});
