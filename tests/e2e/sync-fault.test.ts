/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import { openRelease, stopServiceWorkers, storedDrafts, syntheticRelease } from './ui-helpers';
import {
  serveTeam,
  serverDraft as serverCopy,
  signInThroughOptions,
  syncStatus,
  type ServedTeam,
} from './team-helpers';
import { createOrg, signUp, type Client } from '../server/harness';

/**
 * The extension dies mid-sync: the team server has applied a pushed batch, and the service worker is
 * stopped before the reply reaches it (the reply is lost). When the worker comes back it sends the same
 * mutations again (same ids, from its persisted outbox): the server answers with what it stored the first
 * time. Nothing lost, nothing applied twice.
 */
describe('the service worker stops between sending a batch and storing the reply', () => {
  let wire: WireServer;
  let served: ServedTeam;
  let me: Client;
  let orgId = '';
  let b: ExtensionBrowser;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;
  /** When set, the next batch push is applied by the server but its reply is held until released. */
  let hold: { arrived: () => void; release: Promise<void> } | null = null;
  const mutationIds: string[] = [];

  beforeAll(async () => {
    release = await syntheticRelease(4, 'acme-fault');
    wire = await startWireServer([release]);
    served = await serveTeam({
      through: async (req, next) => {
        const isBatch = req.method === 'POST' && new URL(req.url).pathname.endsWith('/drafts/batch');
        if (isBatch) {
          const body = (await req.clone().json()) as { mutations: { mutationId: string }[] };
          mutationIds.push(...body.mutations.map((m) => m.mutationId));
        }
        const res = await next(req);
        const h = isBatch ? hold : null;
        if (h) {
          hold = null;
          h.arrived();
          await h.release; // applied on the server; the reply waits while the worker is stopped
        }
        return res;
      },
    });
    me = await signUp(served.team, 'fault');
    orgId = await createOrg(me, 'Acme');
    b = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
  });
  afterAll(async () => {
    await b?.close();
    await served?.close();
    await wire?.close();
  });

  const status = () => syncStatus(b);
  const serverDraft = (id: string) => serverCopy(me, orgId, id);

  it('the worker resends the same mutation ids; the server applied each once; the edit is everywhere', async () => {
    await (await signInThroughOptions(b, served.base, me)).close();

    const { tabId } = await openRelease(b, release.url);
    const popup = await openPopup(b, tabId);
    const field = popup.getByTestId('field-headline');
    await field.waitFor();
    const id = (await popup.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('synced');
    const before = await serverDraft(id);

    // Hold the next batch's reply, edit, and wait until the server has applied the push.
    let arrived!: () => void;
    let releaseReply!: () => void;
    const applied = new Promise<void>((r) => (arrived = r));
    hold = { arrived: () => arrived(), release: new Promise<void>((r) => (releaseReply = r)) };
    await field.fill('Edited, then the worker died mid-sync');
    await applied;
    const sentFirst = mutationIds.length;
    expect((await serverDraft(id)).draft.headline).toBe('Edited, then the worker died mid-sync');

    // The worker dies before it can store the reply; the reply then goes nowhere.
    await stopServiceWorkers(b, popup);
    releaseReply();

    // A page wakes the worker (as any message or alarm would); its outbox still holds the sent mutation.
    await expect
      .poll(() => popup.evaluate(() => chrome.runtime.sendMessage({ wireboost: 'syncNow' }).then(() => true)), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('synced');

    // The resend carried the same mutation id, and the server applied the edit once.
    const resent = mutationIds.slice(sentFirst);
    expect(resent).toContain(mutationIds[sentFirst - 1]);
    const after = await serverDraft(id);
    expect(after.draft.headline).toBe('Edited, then the worker died mid-sync');
    expect(after.revision).toBeGreaterThan(before.revision);
    const log = (await (await me.req('GET', `/api/orgs/${orgId}/activity?limit=500`)).json()) as {
      items: { subjectId: string; action: string; detail?: { revision?: number } }[];
    };
    const edits = log.items.filter(
      (e) => e.subjectId === id && e.detail?.revision && e.detail.revision > before.revision,
    );
    expect(edits).toHaveLength(1);
    expect((await storedDrafts(b))[id]?.headline).toBe('Edited, then the worker died mid-sync');
    expect((await status())?.conflicts).toEqual([]);
    await popup.close();
  });
});
