/// <reference types="chrome" />
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Debian's firefox-esr driving the Firefox build over WebDriver BiDi (puppeteer-core: no geckodriver, no
 * browser download). Recipe and its reasons: /work/shared/E2E.md. Every hostname resolves to 127.0.0.1,
 * so the wire server must listen on 443 (FIREFOX_WIRE_PORT).
 */
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const FIREFOX = process.env.WIREBOOST_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_WIRE_PORT = 443;
/** Fixed, so extension pages have a known moz-extension:// origin (Firefox would pick a random one). */
export const EXTENSION_UUID = '5d1e0c4a-7f3b-4e2a-9c61-0b8d2f4a6e13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** Open `moz-extension://<uuid>/<pathAndQuery>` in a new tab, resolved once its document has loaded. */
  extensionPage(pathAndQuery: string): Promise<Page>;
  /**
   * The extension's uncaught errors (its pages, background and content scripts) since the last call, then
   * forgets them: `afterEach(() => expect(takeErrors()).resolves.toEqual([]))` pins one on the test that caused it.
   */
  takeErrors(): Promise<string[]>;
  /** Kill Firefox, remove its profile; throws if the extension threw since the last takeErrors(). */
  close(): Promise<void>;
}

/**
 * Firefox's promise-based `browser` in an extension page, typed as Chrome's for what the tests call. Written
 * out inside each evaluated function: WXT's vitest plugin rewrites a bare `browser` to its fake browser.
 */
type WithBrowser = { browser: typeof chrome };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefoxWithExtension(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(FIREFOX))
    throw new Error(`firefox-esr is not installed (${FIREFOX}): run \`apt-get install firefox-esr\` as root`);
  const manifestFile = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`No build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  const geckoId = JSON.parse(await readFile(manifestFile, 'utf8')).browser_specific_settings.gecko.id as string;

  const profile = await mkdtemp(path.join(os.tmpdir(), 'wireboost-firefox-'));
  let browser: Browser | undefined;
  let takeErrors: () => Promise<string[]>;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true, // the wire server's throwaway self-signed certificate
      userDataDir: profile,
      // Lets WebDriver navigate to moz-extension:// pages (Firefox 153 refuses otherwise) and reach the
      // browser's own (chrome) context, where the error watch listens.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      },
    });
    takeErrors = await watchExtensionErrors(browser); // before the install: the background's start counts too
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (e) {
    await killAndClean(browser, profile);
    throw e;
  }
  const b = browser;

  return {
    browser: b,
    takeErrors,
    async extensionPage(pathAndQuery) {
      const page = await b.newPage();
      const url = `${EXTENSION_ORIGIN}/${pathAndQuery}`;
      // Such a navigation never reports completion over BiDi: start it, then watch the document itself.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      for (const until = Date.now() + 15_000; Date.now() < until; await sleep(50)) {
        const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
        if (state === `${url} complete`) return page;
      }
      throw new Error(`${url} did not load in Firefox`);
    },
    async close() {
      const left = await takeErrors().catch((e: unknown) => [`(could not read the error watch: ${String(e)})`]);
      await killAndClean(b, profile);
      if (left.length) throw new Error(`The extension threw in Firefox:\n${left.join('\n')}`);
    },
  };
}

/**
 * WebDriver BiDi reports no log entries for moz-extension:// documents (and runs no preload scripts in
 * them), so puppeteer's 'pageerror' never fires there. Firefox's console service does see every uncaught
 * error and unhandled rejection, from every process: a listener in the browser's chrome context keeps the
 * extension's. Reached over puppeteer's own BiDi connection (an internal getter: checked, not assumed).
 */
/** The parts of WebDriver BiDi replies read here (browsingContext.getTree, script.evaluate). */
interface BidiResult {
  contexts?: { context: string; url: string }[];
  type?: string;
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

async function watchExtensionErrors(browser: Browser): Promise<() => Promise<string[]>> {
  const connection = (
    browser as unknown as {
      connection?: { send(method: string, params: object): Promise<{ result: BidiResult }> };
    }
  ).connection;
  if (typeof connection?.send !== 'function')
    throw new Error('puppeteer-core no longer exposes its BiDi connection (tests/e2e/firefox.ts watchExtensionErrors)');
  const send = async (method: string, params: object) => (await connection.send(method, params)).result;
  const { contexts = [] } = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
  if (!context) throw new Error('No Firefox chrome window to watch errors from');
  const evaluate = async (expression: string): Promise<string> => {
    const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    if (r.type !== 'success')
      throw new Error(`In Firefox's chrome context: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
    return r.result?.value as string;
  };
  // Errors only (not warnings or info), JavaScript ones (not CSP reports such as zod's caught eval probe).
  await evaluate(`(() => {
    const errors = (globalThis.__wireboostErrors = []);
    Services.console.registerListener({
      observe(m) {
        if (!(m instanceof Ci.nsIScriptError) || !m.sourceName.startsWith(${JSON.stringify(`${EXTENSION_ORIGIN}/`)})) return;
        if (m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag) || !m.category.endsWith('javascript')) return;
        errors.push(new URL(m.sourceName).pathname + ':' + m.lineNumber + ': ' + m.errorMessage);
      },
    });
    return 'ok';
  })()`);
  return async () => JSON.parse(await evaluate('JSON.stringify(globalThis.__wireboostErrors.splice(0))')) as string[];
}

/** Close Firefox (kill it if closing hangs) and remove the profile, whatever state the run left. */
async function killAndClean(browser: Browser | undefined, profile: string): Promise<void> {
  if (browser) {
    const proc = browser.process();
    await Promise.race([browser.close().catch(() => undefined), sleep(10_000)]);
    if (proc && proc.exitCode == null && proc.signalCode == null) proc.kill('SIGKILL');
  }
  await rm(profile, { recursive: true, force: true, maxRetries: 3 });
}

/** Firefox's tab id for the tab showing `url`, asked from an extension page (which can see tabs). */
export async function tabIdFor(probe: Page, url: string): Promise<number> {
  const id = await probe.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as WithBrowser).browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no Firefox tab with url ${url}`);
  return id;
}

/** Wait for the badge text on a tab to become `expected` (or time out with the last value). */
export async function waitForBadge(probe: Page, tabId: number, expected: string, timeoutMs = 15_000): Promise<string> {
  let text = '';
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) {
    text = await probe.evaluate(
      (id) => (globalThis as unknown as WithBrowser).browser.action.getBadgeText({ tabId: id }),
      tabId,
    );
    if (text === expected) return text;
  }
  return text;
}

/** Poll `fn(arg)` in the page until it is neither null nor undefined (`fn` runs in the page: no closures). */
export async function waitForValue<T>(
  page: Page,
  fn: (arg: string) => T | null | undefined,
  arg: string,
  timeoutMs = 10_000,
): Promise<T> {
  let last: unknown = null;
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(50)) {
    // Evaluation can fail while a document is being replaced (a reload): keep polling, report the last error.
    const v = (await page.evaluate(fn, arg).catch((e: unknown) => {
      last = e;
      return null;
    })) as T | null | undefined;
    if (v != null) return v;
  }
  throw new Error(`Never had ${fn.toString()} (${JSON.stringify(arg)})${last ? `; last error: ${String(last)}` : ''}`);
}
