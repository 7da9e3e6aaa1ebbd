/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startWireServer, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { openRelease, storedDrafts, syntheticRelease } from './ui-helpers';
import {
  serveTeam,
  serverDraft as serverCopy,
  signInThroughOptions,
  syncNow,
  syncStatus,
  type ServedTeam,
} from './team-helpers';
import { addMember, createOrg, push, signUp, type Client } from '../server/harness';
import type { Draft } from '../../utils/contract/draft';

/**
 * One person types in the popup and in the workspace at the same time — on different drafts, then on one
 * draft — while a teammate's edits arrive by a sync pull in the middle of the typing. Every keystroke and
 * every teammate field must end up in storage, on the server, and on both screens.
 */
describe('typing in the popup and the workspace at once, with a sync pull landing in between', () => {
  let wire: WireServer;
  let served: ServedTeam;
  let me: Client;
  let teammate: Client;
  let orgId = '';
  let b: ExtensionBrowser;
  let popup: Page;
  let workspace: Page;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    release = await syntheticRelease(6, 'acme-concurrent');
    wire = await startWireServer([release]);
    served = await serveTeam();
    const { team } = served;
    me = await signUp(team, 'typist');
    orgId = await createOrg(me, 'Acme');
    teammate = await signUp(team, 'teammate');
    await addMember(team, orgId, teammate, 'editor');

    b = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
    await (await signInThroughOptions(b, served.base, me)).close();

    const { tabId } = await openRelease(b, release.url);
    popup = await openPopup(b, tabId);
    await popup.getByTestId('field-headline').waitFor();
    await popup.getByTestId('save-state').getByText('Synced', { exact: true }).waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await b?.close();
    await served?.close();
    await wire?.close();
  });

  const status = () => syncStatus(b);
  const serverDraft = (id: string) => serverCopy(me, orgId, id);
  /** The teammate changes fields of a draft on the server (their own browser, as far as this one knows). */
  async function teammateEdits(id: string, patch: Partial<Draft>) {
    const current = await serverDraft(id);
    const res = await push(teammate, orgId, { ...current.draft, ...patch } as Draft, current.revision);
    expect(res.status).toBe(200);
  }
  const syncNowHere = () => syncNow(popup);
  /** Type like a person: one key at a time, appended to what the field holds. */
  async function type(field: Locator, text: string) {
    await field.click();
    await field.press('End');
    await field.pressSequentially(text, { delay: 15 });
  }
  async function openWorkspaceOn(id: string) {
    workspace = await b.context.newPage();
    await workspace.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${id}`);
    await expect.poll(() => workspace.getByTestId('draft').getAttribute('data-draft-id')).toBe(id);
  }
  async function settled(id: string, want: Partial<Draft>) {
    await expect.poll(async () => (await storedDrafts(b))[id], { timeout: 20_000 }).toMatchObject(want);
    await syncNowHere();
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('synced');
    await expect.poll(async () => (await serverDraft(id)).draft, { timeout: 20_000 }).toMatchObject(want);
  }

  it('different drafts: the popup’s and the workspace’s keystrokes and the teammate’s fields all survive', async () => {
    const x = (await popup.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    const drafts = Object.values(await storedDrafts(b)) as unknown as Draft[];
    const y = drafts.find(
      (d) => d.releaseId === drafts.find((e) => e.id === x)!.releaseId && d.id !== x && d.platform === 'meta',
    )!.id;
    await openWorkspaceOn(y);
    const before = (await storedDrafts(b)) as unknown as Record<string, Draft>;

    const typing = Promise.all([
      type(popup.getByTestId('field-headline'), ' — popup typed this'),
      type(workspace.getByTestId('field-headline'), ' — workspace typed this'),
    ]);
    // Mid-typing, the teammate's edits reach the server and a pull brings them in.
    await new Promise((r) => setTimeout(r, 120));
    await teammateEdits(x, { cta: 'SIGN_UP' });
    await teammateEdits(y, { description: 'Teammate description' });
    await syncNowHere();
    await typing;

    await settled(x, { headline: `${before[x]!.headline} — popup typed this`, cta: 'SIGN_UP' });
    await settled(y, {
      headline: `${before[y]!.headline} — workspace typed this`,
      description: 'Teammate description',
    });
    await expect
      .poll(() => popup.getByTestId('field-headline').inputValue())
      .toBe(`${before[x]!.headline} — popup typed this`);
    await expect
      .poll(() => workspace.getByTestId('field-headline').inputValue())
      .toBe(`${before[y]!.headline} — workspace typed this`);
    expect(await workspace.getByTestId('field-description').inputValue()).toBe('Teammate description');
    await workspace.close();
  });

  it('one draft: the popup types the headline, the workspace the description, the teammate sets the CTA', async () => {
    const z = (await popup.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    await openWorkspaceOn(z);
    const start = (await storedDrafts(b))[z] as unknown as Draft;

    const typing = Promise.all([
      type(popup.getByTestId('field-headline'), ' (same draft, popup)'),
      type(workspace.getByTestId('field-description'), ' (same draft, workspace)'),
    ]);
    await new Promise((r) => setTimeout(r, 120));
    await teammateEdits(z, { cta: 'SUBSCRIBE' });
    await syncNowHere();
    await typing;

    const want = {
      headline: `${start.headline} (same draft, popup)`,
      description: `${start.description} (same draft, workspace)`,
      cta: 'SUBSCRIBE',
    };
    await settled(z, want);
    for (const page of [popup, workspace]) {
      await expect.poll(() => page.getByTestId('field-headline').inputValue()).toBe(want.headline);
      await expect.poll(() => page.getByTestId('field-description').inputValue()).toBe(want.description);
    }
    await workspace.close();
  });
});
