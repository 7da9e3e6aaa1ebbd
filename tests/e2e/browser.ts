/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The build under test: the production Chrome build, or another one (WIREBOOST_EXTENSION_DIR: a benchmark comparing two builds). */
export const EXTENSION_DIR =
  process.env.WIREBOOST_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.WIREBOOST_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Uncaught errors thrown in the extension's pages (popup, workspace, options) so far. */
  pageErrors: string[];
  /**
   * Close the browser; the profile is kept when `keepProfile` (for restart tests). Throws when an
   * extension page threw an uncaught error, so a crash no assertion looked for still fails the test.
   */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Debian's Chromium with the production build loaded, the wire hostnames mapped to the loopback wire
 * server. Flags: this machine has no network, so everything that phones home is switched off.
 */
export async function launchWithExtension(opts: {
  hosts: string[];
  port: number;
  userDataDir?: string;
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR; // another directory: the popup benchmark's copy of the build
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run \`npm run build\` first (npm test does).`);
  }
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'wireboost-e2e-')));
  const rules = opts.hosts.map((h) => `MAP ${h}:443 127.0.0.1:${opts.port}`).join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const pageErrors: string[] = [];
  context.on('weberror', (e) => {
    const url = e.page()?.url() ?? '';
    if (url.startsWith(`chrome-extension://${extensionId}/`))
      pageErrors.push(`${new URL(url).pathname}: ${e.error().message}`);
  });
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    pageErrors,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`Extension pages threw:\n${pageErrors.join('\n')}`);
    },
  };
}

/** The tab id Chromium gave the page at `url` (asked of the service worker, which can see tabs). */
export async function tabIdFor(b: ExtensionBrowser, url: string): Promise<number> {
  const id = await currentWorker(b).evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab with url ${url}`);
  return id;
}

/** The live service worker: after a restart the old handle is gone. */
export function currentWorker(b: ExtensionBrowser): Worker {
  return b.context.serviceWorkers().find((w) => w.url().includes(b.extensionId)) ?? b.worker;
}

/** Wait for the badge text on a tab to become `expected` (or time out with the last value). */
export async function waitForBadge(
  b: ExtensionBrowser,
  tabId: number,
  expected: string,
  timeoutMs = 15_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < until) {
    text = await currentWorker(b).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (text === expected) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

/** Open the popup as a page for a given tab (the toolbar click cannot be automated headless). */
export async function openPopup(b: ExtensionBrowser, tabId: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  return page;
}
