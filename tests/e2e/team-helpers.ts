/// <reference types="chrome" />
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { currentWorker, type ExtensionBrowser } from './browser';
import { startTestServer, type Client, type TestServer } from '../server/harness';
import type { TeamSyncStatus } from '../../utils/sync/items';
import type { Draft } from '../../utils/contract/draft';

/** The team server (createApp on PGlite) served over loopback HTTP, as the extension reaches a real one. */
export interface ServedTeam {
  team: TestServer;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/**
 * Starts the team server for a browser test. `through` sees every request first (a test makes the server
 * unreachable for one user, or holds a reply); it calls `next` to let the app answer.
 */
export async function serveTeam(
  opts: {
    server?: Parameters<typeof startTestServer>;
    through?: (req: Request, next: (req: Request) => Promise<Response>) => Promise<Response>;
  } = {},
): Promise<ServedTeam> {
  const [config, deps] = opts.server ?? [{ allowAnyExtensionOrigin: true }];
  const team = await startTestServer(config, deps);
  const next = async (req: Request) => team.app.fetch(req);
  const http: ServerType = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: (req: Request) => (opts.through ? opts.through(req, next) : next(req)),
  });
  await new Promise<void>((r) => (http.listening ? r() : http.once('listening', () => r())));
  return {
    team,
    base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      await new Promise((r) => http.close(r));
      await team.close();
    },
  };
}

/** Sign in through the options page, as a person would; resolves when it syncs with the organisation. */
export async function signInThroughOptions(
  b: ExtensionBrowser,
  base: string,
  who: Client,
  org = 'Acme',
): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByTestId('kit-teamServerUrl').fill(base);
  await page.getByTestId('team-email').fill(who.email);
  await page.getByTestId('team-password').fill('correct horse battery');
  await page.getByTestId('team-signin').click();
  await page.getByTestId('team-org-current').getByText(`Syncing drafts with ${org}`).waitFor({ timeout: 15_000 });
  return page;
}

/** The background's sync status as the popup reads it. */
export const syncStatus = (b: ExtensionBrowser) =>
  currentWorker(b).evaluate(
    async () => ((await chrome.storage.local.get('syncStatus')).syncStatus ?? null) as TeamSyncStatus | null,
  );

/** Ask the background to push and pull now, from an extension page (as the alarm would). */
export const syncNow = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ wireboost: 'syncNow' }));

/** The server's copy of a draft, read with a member's session. */
export const serverDraft = async (c: Client, orgId: string, id: string) =>
  (await (await c.req('GET', `/api/orgs/${orgId}/drafts/${id}`)).json()) as { revision: number; draft: Draft };

/** A review step taken as a teammate would, through the API: an approval carries the revision the reviewer saw (the current one). */
export async function reviewStep(c: Client, orgId: string, id: string, action: 'request' | 'approve') {
  const { revision } = await serverDraft(c, orgId, id);
  const res = await c.req('POST', `/api/orgs/${orgId}/drafts/${id}/review`, { action, revision });
  if (res.status !== 200) throw new Error(`${action} ${id}: HTTP ${res.status} ${await res.text()}`);
}
