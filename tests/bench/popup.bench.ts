/**
 * Popup benchmark: opens the real toolbar popup (chrome.action.openPopup, as a click on the icon does) on
 * a real PR Newswire release in headless Chromium (production build, wire host mapped to a loopback
 * server) again and again, and reports when drafts became visible (performance mark
 * 'wireboost:drafts-visible', ms since the popup document started) and the gzip size of the JavaScript
 * popup.html loads at open. Last stdout line: {"popupMedianMs","popupJsGzipBytes"}.
 * For context it also logs (stderr) popup.html opened as a tab — that adds a navigation away from
 * about:blank into the extension's process, which a real popup does not pay — and the floor.
 * Builds first when there is no build. Budgets (issue 6): ≤ 100 ms, ≤ 90 KB.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { startWireServer } from '../e2e/wire-server';
import { EXTENSION_DIR, launchWithExtension, openPopup } from '../e2e/browser';
import { CORPUS_RELEASES, openRelease } from '../e2e/ui-helpers';
import { openToolbarPopup } from '../e2e/toolbar-popup';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const log = (...a: unknown[]) => console.error(...a);

if (!existsSync(path.join(EXTENSION_DIR, 'popup.html'))) {
  log('no build: running npm run build');
  execSync('npm run -s build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Gzip bytes of every script popup.html loads at open (entry + modulepreloads), not lazy chunks. */
function popupJsGzipBytes(): { total: number; files: Record<string, number> } {
  const html = readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files: Record<string, number> = {};
  for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)) {
    files[m[1]!] = gzipSync(readFileSync(path.join(EXTENSION_DIR, m[1]!))).length;
  }
  return { total: Object.values(files).reduce((a, b) => a + b, 0), files };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The floor, for context: a throwaway page in the build that loads only the shared React chunk (React,
 * ReactDOM, storage) and marks when it has evaluated. Whatever the popup adds on top is ours.
 */
const html = readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8');
const reactChunk = /href="\/(chunks\/ui-[^"]+\.js)"/.exec(html)?.[1];
const FLOOR = ['bench-floor.html', 'bench-floor.js'].map((f) => path.join(EXTENSION_DIR, f));
if (reactChunk) {
  writeFileSync(FLOOR[0]!, '<!doctype html><script type="module" src="/bench-floor.js"></script>');
  writeFileSync(FLOOR[1]!, `import './${reactChunk}';\nperformance.mark('react-evaluated');\n`);
}

const release = CORPUS_RELEASES.prnewswire;
const server = await startWireServer([release]);
const b = await launchWithExtension({ hosts: server.hosts, port: server.port });
try {
  const { tabId, page } = await openRelease(b, release.url);
  const timeToolbar = async () => {
    const popup = await openToolbarPopup(b, page);
    try {
      return await popup.waitFor<number>("performance.getEntriesByName('wireboost:drafts-visible')[0]?.startTime");
    } finally {
      await popup.close();
    }
  };
  const timeAsTab = async () => {
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('preview-meta').waitFor({ timeout: 10_000 });
    const ms = await popup.evaluate(
      () => performance.getEntriesByName('wireboost:drafts-visible')[0]?.startTime ?? NaN,
    );
    await popup.close();
    return ms;
  };
  const first = await timeToolbar(); // builds and saves the drafts (engine loaded on demand)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeToolbar());
  const asTab: number[] = [];
  for (let i = 0; i < 11; i++) asTab.push(await timeAsTab());
  const floor: number[] = [];
  if (reactChunk) {
    for (let i = 0; i < 11; i++) {
      const p = await b.context.newPage();
      await p.goto(`chrome-extension://${b.extensionId}/bench-floor.html`);
      await p.waitForFunction(() => performance.getEntriesByName('react-evaluated').length > 0);
      floor.push(await p.evaluate(() => performance.getEntriesByName('react-evaluated')[0]!.startTime));
      await p.close();
    }
  }
  const size = popupJsGzipBytes();
  log(`first open (builds drafts): ${first.toFixed(1)} ms`);
  log(
    `toolbar popup reopened: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)} over ${RUNS}`,
  );
  log(`popup.html opened as a tab instead: median ${median(asTab).toFixed(1)} ms over ${asTab.length}`);
  if (floor.length)
    log(
      `floor, in a tab: the shared React chunk alone evaluates at ${median(floor).toFixed(1)} ms (median of ${floor.length})`,
    );
  log(`popup JS at open: ${size.total} B gzip`, size.files);
  log(`machine load average (1 min) during the run: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPUs`);
  console.log(JSON.stringify({ popupMedianMs: Math.round(median(times) * 10) / 10, popupJsGzipBytes: size.total }));
} finally {
  await b.close();
  await server.close();
  for (const f of FLOOR) rmSync(f, { force: true });
}
