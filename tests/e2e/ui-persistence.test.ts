/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { openRelease, stopServiceWorkers, storedDrafts, syntheticRelease } from './ui-helpers';

describe('edits survive the service worker stopping and the browser restarting', () => {
  let server: WireServer;
  let b: ExtensionBrowser | null = null;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    release = await syntheticRelease(3, 'acme-persist');
    server = await startWireServer([release]);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('keeps typing through a service-worker stop, then through a browser restart on the same profile', async () => {
    b = await launchWithExtension({ hosts: server.hosts, port: server.port });
    const { page, tabId } = await openRelease(b, release.url);
    const popup = await openPopup(b, tabId);
    const field = popup.getByTestId('field-headline');
    await field.waitFor();
    const id = await popup.getByTestId('draft').getAttribute('data-draft-id');
    await field.fill('');
    await field.pressSequentially('Before the stop', { delay: 5 });

    // Stop the background mid-edit; the popup keeps working and saving.
    await stopServiceWorkers(b, popup); // resolves once DevTools reports the extension's worker 'stopped'
    await field.pressSequentially(', after the stop', { delay: 5 });
    await expect.poll(() => popup.getByTestId('save-state').textContent()).toBe('Saved on this device');
    await popup.close();

    // A fresh popup reads it back (waking the worker is not needed for storage).
    const again = await openPopup(b, tabId);
    await expect.poll(() => again.getByTestId('field-headline').inputValue()).toBe('Before the stop, after the stop');
    await again.getByTestId('field-headline').focus();
    await again.keyboard.press('End');
    await again.keyboard.type(' and restart', { delay: 5 });
    await again.close();
    await page.close();

    // Restart the browser on the same profile: the workspace shows the edit.
    const userDataDir = b.userDataDir;
    await b.close({ keepProfile: true });
    b = await launchWithExtension({ hosts: server.hosts, port: server.port, userDataDir });
    expect((await storedDrafts(b))[id!]?.headline).toBe('Before the stop, after the stop and restart');
    const ws = await b.context.newPage();
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${id}`);
    await expect
      .poll(() => ws.getByTestId('field-headline').inputValue())
      .toBe('Before the stop, after the stop and restart');
    await ws.close();
  });
});
