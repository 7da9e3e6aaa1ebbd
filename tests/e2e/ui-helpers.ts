/// <reference types="chrome" />
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { corpusFile, type ServedPage } from './wire-server';
import { currentWorker, type ExtensionBrowser } from './browser';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const require = createRequire(import.meta.url);

/** Real corpus releases, one per wire the corpus has, with what the popup must show. */
export const CORPUS_RELEASES = {
  prnewswire: {
    url: 'https://www.prnewswire.com/news-releases/hackerrank--cybermedia-technologies-partner-to-help-close-the-stem-skills-gap-in-federal-government-300256929.html',
    file: corpusFile('prn-hackerrank-cybermedia.html'),
    headline: 'HackerRank & Cybermedia Technologies Partner to Help Close the STEM Skills Gap in Federal Government',
  },
  globenewswire: {
    url: 'https://www.globenewswire.com/news-release/2016/04/06/1300478/0/en/Segment-Launches-Sources-to-Unify-Siloed-Customer-Data-in-Minutes.html',
    file: corpusFile('gnw-segment-launches-sources.html'),
    headline: 'Segment Launches Sources to Unify Siloed Customer Data in Minutes',
  },
} satisfies Record<string, ServedPage & { headline: string }>;

/**
 * A synthetic PR Newswire-shaped release published `hoursAgo` before now, so the 72-hour clock shows a live
 * state (the corpus pages are years old: always "missed"). Same markup the PR Newswire adapter reads.
 */
export async function syntheticRelease(
  hoursAgo: number,
  slug = 'acme-report',
): Promise<ServedPage & { headline: string }> {
  const published = new Date(Date.now() - hoursAgo * 3_600_000);
  const iso = published.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  // The dateline prints the same day as the metadata ("Dec 2, 2026"), as a wire does: the extractor
  // prefers a printed date that disagrees with the metadata.
  const datelineDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(published);
  const template = await readFile(path.resolve(import.meta.dirname, '../fixtures/ui/prn-synthetic.html'), 'utf8');
  return {
    url: `https://www.prnewswire.com/news-releases/${slug}-${hoursAgo}-301000001.html`,
    html: template.replaceAll('{{PUBLISHED}}', iso).replaceAll('{{DATELINE_DATE}}', datelineDate),
    headline: 'Acme Analytics Finds Newsrooms Cut Fact-Checking Time by 40% With Shared Data Desks',
  };
}

/** Open a wire page, wait for the badge, return its tab id. */
export async function openRelease(b: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await b.context.newPage();
  await page.goto(url);
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const r = await currentWorker(b).evaluate(async (u) => {
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === u);
      if (!tab?.id) return null;
      return { id: tab.id, badge: await chrome.action.getBadgeText({ tabId: tab.id }) };
    }, url);
    if (r?.badge === 'PR') return { page, tabId: r.id };
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`no badge on ${url}`);
}

/** The stored records under a prefix ('draft:', 'release:'), by id, as the extension keeps them (one key each). */
export async function storedRecords(
  b: ExtensionBrowser,
  prefix: string,
): Promise<Record<string, Record<string, unknown>>> {
  return currentWorker(b).evaluate(async (p) => {
    const all = await chrome.storage.local.get(null);
    const out: Record<string, Record<string, unknown>> = {};
    for (const [k, v] of Object.entries(all))
      if (k.startsWith(p)) out[k.slice(p.length)] = (v as { doc: Record<string, unknown> }).doc;
    return out;
  }, prefix);
}

/** Every stored draft, by id (through the service worker). */
export const storedDrafts = (b: ExtensionBrowser) => storedRecords(b, 'draft:');

/** Run axe-core in the page; returns serious and critical violations (id + first target). */
export async function axeSerious(
  page: Page,
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Extension pages forbid inline scripts (CSP script-src 'self'); DevTools-protocol evaluation is exempt.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => String(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // The popup's own width, full height: sticky header/footer stay where a person sees them.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = await page.evaluate(() => document.body.getBoundingClientRect().width);
  await page.setViewportSize({ width: Math.ceil(width), height: Math.min(4000, height) });
  await page.screenshot({ path: file });
  return file;
}

/** Stop every service worker (the extension's background included) through the DevTools protocol. */
export async function stopServiceWorkers(b: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await b.context.newCDPSession(page);
  type Version = { scriptURL: string; runningStatus: string };
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
      if (versions.some((v) => v.scriptURL.includes(b.extensionId) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([
    stopped,
    new Promise((_, reject) => setTimeout(() => reject(new Error('service worker did not stop')), 10_000)),
  ]);
  await cdp.detach();
}

/**
 * Synthetic release pages for the wires the corpus has no page for (tests/fixtures/ui/): Business Wire in its
 * reported markup, the others as a generic article signed with the wire's dateline. Published `hoursAgo` ago.
 */
export async function syntheticWirePages(hoursAgo = 20): Promise<(ServedPage & { wire: string; headline: string })[]> {
  const dir = path.resolve(import.meta.dirname, '../fixtures/ui');
  const published = new Date(Date.now() - hoursAgo * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headline = 'Northwind Robotics Introduces Harbor, a Trailer-Unloading Robot for Warehouses';
  const generic = await readFile(path.join(dir, 'wire-synthetic.html'), 'utf8');
  const bw = await readFile(path.join(dir, 'businesswire-synthetic.html'), 'utf8');
  const rows: [string, string, string, string][] = [
    ['businesswire', 'Business Wire', 'https://www.businesswire.com/news/home/20261123000001/en/', ''],
    [
      'accesswire',
      'ACCESSWIRE',
      'https://www.accesswire.com/1000001/northwind-harbor',
      'COLUMBUS, OH / ACCESSWIRE / November 23, 2026 /',
    ],
    [
      'einpresswire',
      'EIN Presswire',
      'https://www.einpresswire.com/article/1000001/northwind-harbor',
      'COLUMBUS, OHIO, UNITED STATES, November 23, 2026 /EINPresswire.com/ --',
    ],
    [
      'prweb',
      'PRWeb',
      'https://www.prweb.com/releases/northwind-harbor-302000001.html',
      'COLUMBUS, Ohio, Nov. 23, 2026 /PRNewswire-PRWeb/ --',
    ],
    [
      'newswirecom',
      'Newswire.com',
      'https://www.newswire.com/news/northwind-harbor-22000001',
      'COLUMBUS, OH (Newswire.com) -',
    ],
    [
      'newsfile',
      'Newsfile',
      'https://www.newsfilecorp.com/release/200001/Northwind-Harbor',
      'Columbus, Ohio--(Newsfile Corp. - November 23, 2026) -',
    ],
    [
      'cision',
      'Cision',
      'https://www.newswire.ca/news-releases/northwind-harbor-800000001.html',
      'TORONTO, Nov. 23, 2026 /CNW/ -',
    ],
  ];
  return rows.map(([wire, name, url, dateline]) => ({
    wire,
    url,
    headline,
    html: (wire === 'businesswire' ? bw : generic)
      .replaceAll('{{DATELINE}}', dateline)
      .replaceAll('{{PUBLISHED}}', published)
      .replaceAll('{{HEADLINE}}', headline)
      .replaceAll('{{COMPANY}}', 'Northwind Robotics')
      .replaceAll('{{WIRE}}', name),
  }));
}
