import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, startWireServer, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, tabIdFor, waitForBadge, type ExtensionBrowser } from './browser';
import { openToolbarPopup } from './toolbar-popup';

const RELEASE = {
  url: 'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html',
  file: corpusFile('prn-hackerrank-cybermedia.html'),
  headline: 'HackerRank & Cybermedia Technologies Partner to Help Close the STEM Skills Gap in Federal Government',
  company: 'HackerRank',
};
// One real page per wire in the corpus: badge + right headline in the popup.
const PER_WIRE = [
  RELEASE,
  {
    url: 'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/Segment-Launches-Sources-to-Unify-Siloed-Customer-Data-in-Minutes.html',
    file: corpusFile('gnw-segment-launches-sources.html'),
    headline: 'Segment Launches Sources to Unify Siloed Customer Data in Minutes',
    company: 'Segment',
  },
];
const LISTING = {
  url: 'https://www.prnewswire.com/news-releases/news-releases-list/',
  file: corpusFile('neg-prn-ism-search-listing-excerpt.html'),
};

describe('PR Newswire in real Chromium with the production manifest', () => {
  let server: WireServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startWireServer([...PER_WIRE, LISTING]);
    browser = await launchWithExtension({ hosts: server.hosts, port: server.port });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('badges a release page and shows its headline, company and age in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(RELEASE.url);
    const tabId = await tabIdFor(browser, RELEASE.url);
    expect(await waitForBadge(browser, tabId, 'PR')).toBe('PR');

    const timing = await page.evaluate(() =>
      performance.getEntriesByName('wireboost:detect+extract').map((e) => e.duration),
    );
    if (timing.length) console.log(`detect+extract in Chromium: ${timing[0]!.toFixed(2)} ms`);

    const popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.getByTestId('release-headline').textContent()).toBe(RELEASE.headline);
    expect(await popup.getByTestId('release-company').textContent()).toBe(RELEASE.company);
    expect(await popup.getByTestId('release-age').textContent()).toMatch(/^hit the wire \d+ years ago$/);
    await popup.close();
    await page.close();
  });

  it('opens the real toolbar popup on the active release tab: its headline and a Meta draft preview', async () => {
    // No ?tabId= here: the popup finds the active tab itself (and its early read does the lookup).
    const page = await browser.context.newPage();
    await page.goto(RELEASE.url);
    expect(await waitForBadge(browser, await tabIdFor(browser, RELEASE.url), 'PR')).toBe('PR');
    const popup = await openToolbarPopup(browser, page);
    try {
      expect(await popup.waitFor<string>("document.querySelector('[data-testid=release-headline]')?.textContent")).toBe(
        RELEASE.headline,
      );
      expect(await popup.waitFor<boolean>("document.querySelector('[data-testid=preview-meta]') ? true : null")).toBe(
        true,
      );
      expect(await popup.evaluate<number>("performance.getEntriesByName('wireboost:drafts-visible').length")).toBe(1);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it.each(PER_WIRE.slice(1))('badges $company on its wire and shows the right headline', async (wire) => {
    const page = await browser.context.newPage();
    await page.goto(wire.url);
    const tabId = await tabIdFor(browser, wire.url);
    expect(await waitForBadge(browser, tabId, 'PR')).toBe('PR');
    const popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.getByTestId('release-headline').textContent()).toBe(wire.headline);
    expect(await popup.getByTestId('release-company').textContent()).toBe(wire.company);
    await popup.close();
    await page.close();
  });

  it('leaves a listing page unbadged and says so plainly in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(LISTING.url);
    await page.waitForLoadState('load');
    const tabId = await tabIdFor(browser, LISTING.url);
    // Give the content script time to run: it must stay silent.
    await page.waitForTimeout(1500);
    expect(await waitForBadge(browser, tabId, 'PR', 500)).toBe('');
    const popup = await openPopup(browser, tabId);
    await expect.poll(() => popup.getByTestId('not-a-release').isVisible()).toBe(true);
    expect(await popup.getByTestId('not-a-release').textContent()).toContain('No press release on this page');
    await popup.close();
    await page.close();
  });
});
