import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { corpusFile, startWireServer, type WireServer } from './wire-server';
import {
  FIREFOX_WIRE_PORT,
  launchFirefoxWithExtension,
  tabIdFor,
  waitForBadge,
  waitForValue,
  type FirefoxExtensionBrowser,
} from './firefox';

// The same corpus pages as popup-release.test.ts (Chromium), under their real wire hostnames.
const WIRES = [
  {
    wire: 'PR Newswire',
    url: 'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html',
    file: corpusFile('prn-hackerrank-cybermedia.html'),
    headline: 'HackerRank & Cybermedia Technologies Partner to Help Close the STEM Skills Gap in Federal Government',
    company: 'HackerRank',
  },
  {
    wire: 'GlobeNewswire',
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

const text = (page: Page, testId: string) =>
  waitForValue(page, (id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? null, testId);

describe('the Firefox build in real Firefox, wire pages under their real hostnames', () => {
  let server: WireServer;
  let ff: FirefoxExtensionBrowser;
  /** An extension page kept open to ask Firefox about tabs and badges (web pages cannot). */
  let probe: Page;

  beforeAll(async () => {
    server = await startWireServer([...WIRES, LISTING], { port: FIREFOX_WIRE_PORT });
    ff = await launchFirefoxWithExtension();
    probe = await ff.extensionPage('options.html');
  });
  // Any uncaught error in the extension (pages, background, content script) fails the test that caused it.
  afterEach(async () => expect(await ff.takeErrors()).toEqual([]));
  afterAll(async () => {
    try {
      await ff?.close();
    } finally {
      await server?.close();
    }
  });

  it.each(WIRES)('badges the $wire release and shows its headline and company in the popup', async (release) => {
    const page = await ff.browser.newPage();
    await page.goto(release.url);
    const tabId = await tabIdFor(probe, release.url);
    expect(await waitForBadge(probe, tabId, 'PR')).toBe('PR');

    const popup = await ff.extensionPage(`popup.html?tabId=${tabId}`);
    expect(await text(popup, 'release-headline')).toBe(release.headline);
    expect(await text(popup, 'release-company')).toBe(release.company);
    await popup.close();
    await page.close();
  });

  it('leaves a listing page unbadged and says so plainly in the popup', async () => {
    const page = await ff.browser.newPage();
    await page.goto(LISTING.url);
    const tabId = await tabIdFor(probe, LISTING.url);
    // Give the content script time to run: it must stay silent.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await waitForBadge(probe, tabId, 'PR', 500)).toBe('');

    const popup = await ff.extensionPage(`popup.html?tabId=${tabId}`);
    expect(await text(popup, 'not-a-release')).toContain('No press release on this page');
    expect(await popup.$('[data-testid=release-headline]')).toBeNull();
    await popup.close();
    await page.close();
  });
});
