/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from './wire-server';
import { currentWorker, launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import {
  axeSerious,
  CORPUS_RELEASES,
  openRelease,
  screenshot,
  storedDrafts,
  storedRecords,
  syntheticRelease,
} from './ui-helpers';

describe('workspace and options in real Chromium', () => {
  let server: WireServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    const recent = await syntheticRelease(8, 'acme-ws');
    server = await startWireServer([...Object.values(CORPUS_RELEASES), recent]);
    b = await launchWithExtension({ hosts: server.hosts, port: server.port });
    // Boost three releases through the popup, as a person would.
    for (const r of [recent, ...Object.values(CORPUS_RELEASES)]) {
      const { page, tabId } = await openRelease(b, r.url);
      const popup = await openPopup(b, tabId);
      await popup.getByTestId('preview-meta').waitFor();
      await popup.close();
      await page.close();
    }
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('lists every draft, filters by platform / wire / status, and moves with the keyboard', async () => {
    const ws = await b.context.newPage();
    await ws.setViewportSize({ width: 1280, height: 900 });
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html`);
    await expect.poll(() => ws.getByTestId('ws-count').textContent()).toMatch(/^(\d+) of \1 drafts$/);
    const total = await ws.getByTestId('ws-item').count();
    expect(total).toBeGreaterThanOrEqual(18);

    await ws.getByTestId('filter-platform').selectOption('linkedin');
    await expect.poll(() => ws.getByTestId('ws-item').count()).toBe(total / 2);
    await ws.getByTestId('filter-wire').selectOption('globenewswire');
    await expect.poll(() => ws.getByTestId('ws-item').count()).toBeGreaterThanOrEqual(3);
    expect(await ws.getByTestId('ws-count').textContent()).toMatch(/^\d+ of \d+ drafts$/);

    // Approve one; the status filter finds exactly it.
    await ws.getByTestId('field-status').selectOption('approved');
    await ws.getByTestId('filter-wire').selectOption('all');
    await ws.getByTestId('filter-platform').selectOption('all');
    await ws.getByTestId('filter-status').selectOption('approved');
    await expect.poll(() => ws.getByTestId('ws-item').count()).toBe(1);
    await ws.getByTestId('filter-status').selectOption('all');

    // Keyboard: focus the list, arrow down / j move the selection.
    await ws.getByTestId('ws-item').first().focus();
    const first = await ws.getByTestId('draft').getAttribute('data-draft-id');
    await ws.keyboard.press('ArrowDown');
    await expect.poll(() => ws.getByTestId('draft').getAttribute('data-draft-id')).not.toBe(first);
    await ws.keyboard.press('k');
    await expect.poll(() => ws.getByTestId('draft').getAttribute('data-draft-id')).toBe(first);
    await ws.keyboard.press('/');
    expect(await ws.evaluate(() => document.activeElement?.id)).toBe('ws-q');

    // The larger editor edits the same draft the popup sees.
    await ws.getByTestId('field-headline').fill('Edited in the workspace');
    await expect.poll(async () => (await storedDrafts(b))[first!]?.headline).toBe('Edited in the workspace');

    // The release's own headline can be corrected (a selection-boosted release takes the page title).
    await ws.getByTestId('edit-release-headline').click();
    await ws.getByTestId('release-headline-input').fill('Corrected headline');
    await ws.keyboard.press('Enter');
    await expect.poll(() => ws.getByTestId('release-headline').textContent()).toBe('Corrected headline');
    await expect
      .poll(async () =>
        Object.values(await storedRecords(b, 'release:')).map((r) => (r.release as { headline: string }).headline),
      )
      .toContain('Corrected headline');

    expect(await axeSerious(ws)).toEqual([]);
    await screenshot(ws, 'workspace');
    await ws.close();
  });

  it('options: validates the kit with human errors and saves valid changes', async () => {
    const opt = await b.context.newPage();
    await opt.setViewportSize({ width: 1000, height: 900 });
    await opt.goto(`chrome-extension://${b.extensionId}/options.html`);
    await opt.getByTestId('kit-newsroomUrl').fill('newsroom dot com');
    await expect.poll(() => opt.getByTestId('error-newsroomUrl').textContent()).toContain('full web address');
    await opt.getByTestId('kit-newsroomUrl').fill('https://acme.example/newsroom');
    await opt.getByTestId('kit-adReviewLeadHours').fill('100');
    await expect.poll(() => opt.getByTestId('error-adReviewLeadHours').textContent()).toContain('between 0 and 72');
    await opt.getByTestId('kit-adReviewLeadHours').fill('12');
    await opt.getByTestId('kit-keyMessages').fill('Data desks cut fact-checking time\nOne set of numbers');
    await expect
      .poll(() => currentWorker(b).evaluate(async () => (await chrome.storage.local.get('kit')).kit))
      .toMatchObject({
        newsroomUrl: 'https://acme.example/newsroom',
        adReviewLeadHours: 12,
        keyMessages: ['Data desks cut fact-checking time', 'One set of numbers'],
      });
    expect(await axeSerious(opt)).toEqual([]);
    await screenshot(opt, 'options');
    await opt.close();
  });

  it('shows a plain empty workspace with a paste field when there are no drafts', async () => {
    await currentWorker(b).evaluate(async () =>
      chrome.storage.local.remove(
        Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('draft:')),
      ),
    );
    const ws = await b.context.newPage();
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html`);
    await ws.getByTestId('ws-empty').waitFor();
    expect(await axeSerious(ws)).toEqual([]);
    await ws.close();
  });
});
