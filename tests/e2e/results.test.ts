/// <reference types="chrome" />
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { platformsFromEnv } from '../../server/config';
import { platformConnections } from '../../server/db/schema/index';
import { MemoryTargetingCache } from '../../server/platforms/store';
import { addDays, dayIn } from '../../server/platforms/reporting';
import { runDuePulls } from '../../server/results/pull';
import { startPlatformFakes, type RunningPlatformFakes } from '../fakes/index';
import { linkedInApproximate } from '../fakes/linkedin-analytics';
import { addMember, createOrg, signUp, type Client, type TestServer } from '../server/harness';
import { reviewStep, serveTeam, signInThroughOptions, syncNow, syncStatus, type ServedTeam } from './team-helpers';
import { startWireServer, type WireServer } from './wire-server';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './browser';
import type { StoredRelease } from '../../utils/contract/draft';
import { openRelease, screenshot, storedDrafts, storedRecords, syntheticRelease } from './ui-helpers';

/**
 * Results end to end in Chromium: a release's drafts are sent from the workspace (through the team server
 * to the contract fakes), someone turns the campaigns on, the fakes report what the ads delivered, the
 * workspace's report shows those numbers (the scheduler's pull and the Refresh button), LinkedIn's media
 * audience once its delayed demographics arrive, the popup's draft carries one results line, and the report
 * exports as HTML (printed to PDF here) and CSV. Then the organisation loses the reporting permission.
 */
const OUT = path.resolve(import.meta.dirname, '../../test-output');

describe('results of a sent release, from the fakes to the report and its exports', () => {
  let fakes: RunningPlatformFakes;
  let wire: WireServer;
  let served: ServedTeam;
  let team: TestServer;
  let base = '';
  let owner: Client;
  let reviewer: Client;
  let orgId = '';
  let b: ExtensionBrowser;
  let release: Awaited<ReturnType<typeof syntheticRelease>>;

  beforeAll(async () => {
    // The fakes read the server's clock, so "today" and LinkedIn's 12–24 h delay are the same for both.
    let clock = { now: new Date() };
    fakes = await startPlatformFakes({ meta: { now: () => clock.now }, linkedin: { now: () => clock.now } });
    const platforms = platformsFromEnv(
      { ...fakes.env, WIREBOOST_TOKEN_KEY: randomBytes(32).toString('base64') },
      '/nonexistent',
    );
    served = await serveTeam({
      server: [
        { allowAnyExtensionOrigin: true, platforms },
        { platformSendDeps: { retry: { sleep: async () => {} }, cache: new MemoryTargetingCache() } },
      ],
    });
    ({ team, base } = served);
    // The release is published "now" so the flight plan is live.
    team.clock.now = new Date();
    clock = team.clock;
    owner = await signUp(team, 'owner');
    orgId = await createOrg(owner, 'Acme');
    reviewer = await signUp(team, 'reviewer');
    await addMember(team, orgId, reviewer, 'reviewer');
    release = await syntheticRelease(3, 'acme-results');
    wire = await startWireServer([release]);
    b = await launchWithExtension({ hosts: wire.hosts, port: wire.port });
  });
  afterAll(async () => {
    await b?.close();
    await served?.close();
    await wire?.close();
    await fakes?.close();
  });

  const status = () => syncStatus(b);
  /** The server's scheduler tick, as startResultsScheduler runs it every minute in production. */
  const schedulerTick = () =>
    runDuePulls({
      db: team.database.db,
      clock: () => team.clock.now,
      config: team.config,
      platformSendDeps: { retry: { sleep: async () => {} } },
    });

  async function connect(options: Page, p: 'meta' | 'linkedin') {
    const card = options.getByTestId(`platform-${p}`);
    await options.getByTestId(`connect-${p}`).click();
    await expect.poll(() => card.getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
    await options.getByTestId(`choice-${p}-save`).waitFor();
    await options.getByTestId(`choice-${p}-save`).click();
    await expect.poll(() => card.getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
  }

  async function sendFromWorkspace(ws: Page, id: string, p: 'meta' | 'linkedin') {
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${id}`);
    await expect.poll(() => ws.getByTestId(`send-${p}`).isEnabled(), { timeout: 20_000 }).toBe(true);
    await ws.getByTestId(`send-${p}`).click();
    await ws.getByTestId('deep-link').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await storedDrafts(b))[id]?.status, { timeout: 20_000 }).toBe('sent');
  }

  it('send → the fakes report numbers → the report shows them → export', async () => {
    const options = await signInThroughOptions(b, base, owner);
    await connect(options, 'meta');
    await connect(options, 'linkedin');
    await options.close();

    // Drafts from the newswire page, synced, approved, sent from the workspace.
    const { tabId } = await openRelease(b, release.url);
    const popup = await openPopup(b, tabId);
    await popup.getByTestId('field-headline').waitFor();
    const metaId = (await popup.getByTestId('draft').first().getAttribute('data-draft-id'))!;
    const drafts = await storedDrafts(b);
    const releaseId = drafts[metaId]!.releaseId as string;
    const liId = Object.values(drafts).find((d) => d.platform === 'linkedin' && d.releaseId === releaseId)!
      .id as string;
    await expect.poll(async () => (await status())?.state, { timeout: 20_000 }).toBe('synced');
    await popup.close();
    for (const id of [metaId, liId]) {
      await reviewStep(owner, orgId, id, 'request');
      await reviewStep(reviewer, orgId, id, 'approve');
    }
    const ws = await b.context.newPage();
    await ws.setViewportSize({ width: 1280, height: 900 });
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${metaId}`);
    await syncNow(ws);
    await expect.poll(async () => (await storedDrafts(b))[liId]?.status, { timeout: 20_000 }).toBe('approved');
    await sendFromWorkspace(ws, metaId, 'meta');
    await sendFromWorkspace(ws, liId, 'linkedin');
    const remote = async (id: string) => (await storedDrafts(b))[id]!.remote as Record<string, string>;
    const m = await remote(metaId);
    const l = await remote(liId);

    // The server's schedule finds the sent drafts and pulls them: nobody turned the campaigns on yet.
    expect(await schedulerTick()).toEqual({ claimed: 2, pulled: 2 });
    await ws.goto(`chrome-extension://${b.extensionId}/drafts.html?draft=${metaId}`);
    await ws.getByTestId('results-report').waitFor({ timeout: 20_000 });
    for (const p of ['meta', 'linkedin']) {
      await expect
        .poll(() => ws.getByTestId(`results-platform-${p}`).getAttribute('data-state'), { timeout: 30_000 })
        .toBe('paused');
      expect(await ws.getByTestId(`results-state-${p}`).textContent()).toMatch(/Campaign paused, nothing spent/);
    }
    // Pulled just now: the next tick has nothing due.
    expect((await schedulerTick()).claimed).toBe(0);

    // The team turns them on; four days later the fakes have this to report.
    for (const id of [m.campaign!, m.adset!, m.ad!]) fakes.meta.setStatus(id, 'ACTIVE');
    fakes.linkedin.setStatus(l.campaign!, 'ACTIVE');
    const start = team.clock.now;
    const metaDay0 = dayIn(start, 'America/New_York');
    const liDay0 = dayIn(start, 'UTC');
    const metaDays = [0, 1, 2, 3, 4].map((i) => ({
      date: addDays(metaDay0, i),
      impressions: 1000 + i * 250,
      clicks: 20 + i * 3,
      linkClicks: 15 + i * 2,
      spend: 10 + i * 1.25,
      reach: 900 + i * 200,
    }));
    for (const d of metaDays) fakes.meta.delivery.set(m.ad!, d.date, d);
    const liDays = [0, 1, 2].map((i) => ({
      date: addDays(liDay0, i),
      impressions: 400 + i * 100,
      clicks: 8 + i,
      linkClicks: 6 + i,
      spend: 25.5 + i * 3,
      reach: 0,
    }));
    for (const d of liDays) fakes.linkedin.delivery.set(l.creative!, d.date, d);
    // LinkedIn's demographics for the campaign, visible only 18 h after the first refresh below.
    const pivots = {
      MEMBER_JOB_TITLE: [
        { value: 'urn:li:title:1573', impressions: 180, clicks: 5 }, // Journalist
        { value: 'urn:li:title:266', impressions: 90, clicks: 3 }, // Editor
        { value: 'urn:li:title:100', impressions: 300, clicks: 4 }, // Software Engineer
        { value: 'urn:li:title:25', impressions: 2, clicks: 0 }, // under LinkedIn's threshold: omitted
      ],
      MEMBER_JOB_FUNCTION: [{ value: 'urn:li:function:16', impressions: 260, clicks: 7 }], // Media and Communication
      MEMBER_INDUSTRY: [
        { value: 'urn:li:industry:81', impressions: 120, clicks: 2 }, // Newspaper Publishing
        { value: 'urn:li:industry:4', impressions: 500, clicks: 6 }, // Software Development
      ],
    };
    const firstRefresh = new Date(start.getTime() + 4 * 86_400_000 + 3_600_000);
    for (const [pivot, rows] of Object.entries(pivots))
      fakes.linkedin.demographics.set(l.campaign!, pivot, rows, new Date(firstRefresh.getTime() + 18 * 3_600_000));
    // What the fake answers for them once visible: approximated, small rows dropped.
    const approx = (pivot: keyof typeof pivots, urn: string) =>
      linkedInApproximate(
        pivots[pivot].find((r) => r.value === urn)!,
        `${l.campaign}|${pivot}`,
      );
    expect(approx('MEMBER_JOB_TITLE', 'urn:li:title:25')).toBeNull();
    const mediaBy = {
      MEMBER_JOB_TITLE: ['urn:li:title:1573', 'urn:li:title:266'],
      MEMBER_JOB_FUNCTION: ['urn:li:function:16'],
      MEMBER_INDUSTRY: ['urn:li:industry:81'],
    } as const;
    const mediaImpr = (pivot: keyof typeof pivots) =>
      mediaBy[pivot].reduce((a, urn) => a + approx(pivot, urn)!.impressions, 0);
    team.clock.now = firstRefresh;

    await ws.getByTestId('results-refresh').click();
    await expect
      .poll(() => ws.getByTestId('results-platform-meta').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('ok');
    const sum = <K extends keyof (typeof metaDays)[0]>(rows: { [k in K]: number }[], k: K) =>
      rows.reduce((a, r) => a + r[k], 0);
    const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
    const usd = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(n);
    const kpi = (p: string, k: string) => ws.getByTestId(`results-kpi-${p}-${k}`).locator('dd').textContent();
    expect(await kpi('meta', 'impressions')).toBe(fmt(sum(metaDays, 'impressions')));
    expect(await kpi('meta', 'clicks')).toBe(fmt(sum(metaDays, 'clicks')));
    expect(await kpi('meta', 'spend')).toBe(usd(sum(metaDays, 'spend')));
    expect(await kpi('meta', 'ctr')).toBe(
      `${((sum(metaDays, 'clicks') / sum(metaDays, 'impressions')) * 100).toFixed(2)} %`,
    );
    expect(await kpi('linkedin', 'impressions')).toBe(fmt(sum(liDays, 'impressions')));
    expect(await kpi('linkedin', 'spend')).toBe(usd(sum(liDays, 'spend')));
    // Inside vs. after the 72-hour window: the day the window closes (in the account's time zone) counts inside.
    const cell = async (id: string, i: number) =>
      Number(((await ws.getByTestId(id).locator('td').nth(i).textContent()) ?? '').replace(/[^\d]/g, ''));
    const stored = (await storedRecords(b, 'release:'))[releaseId] as unknown as StoredRelease;
    const published = Date.parse(stored.release.publishedAt!);
    expect(Math.abs(published - Date.now())).toBeLessThan(86_400_000);
    const closeDay = dayIn(new Date(published + 72 * 3_600_000), 'America/New_York');
    const inside = metaDays.filter((d) => d.date <= closeDay);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(metaDays.length);
    expect(await cell('results-inside-meta', 1)).toBe(sum(inside, 'impressions'));
    expect(await cell('results-after-meta', 1)).toBe(sum(metaDays, 'impressions') - sum(inside, 'impressions'));
    // LinkedIn's media audience: not there yet (its demographics are late), then a day later with its caveat.
    const media = ws.getByTestId('results-media');
    expect(await media.getAttribute('data-available')).toBe('false');
    expect(await ws.getByTestId('results-media-waiting').textContent()).toBe(
      'No data yet: LinkedIn demographics arrive after 12–24 h.',
    );
    team.clock.now = new Date(firstRefresh.getTime() + 24 * 3_600_000);
    await ws.getByTestId('results-refresh').click();
    await expect.poll(() => media.getAttribute('data-available'), { timeout: 30_000 }).toBe('true');
    const top = Math.max(...(Object.keys(mediaBy) as (keyof typeof pivots)[]).map(mediaImpr));
    expect(await ws.getByTestId('results-media-summary').textContent()).toContain(`At least ${fmt(top)} impressions`);
    expect(await ws.getByTestId('results-dim-MEMBER_JOB_TITLE').textContent()).toContain(
      `Journalist (${fmt(approx('MEMBER_JOB_TITLE', 'urn:li:title:1573')!.impressions)})`,
    );
    expect(await ws.getByTestId('results-dim-MEMBER_JOB_TITLE').textContent()).not.toContain('Software Engineer');
    expect(await ws.getByTestId('results-media-caveat').textContent()).toMatch(/approximately, 12–24 hours late/);
    // The day-later pull did not change the totals (no new delivery).
    expect(await kpi('meta', 'impressions')).toBe(fmt(sum(metaDays, 'impressions')));
    await ws.getByTestId('results-chart-meta').locator('canvas').waitFor({ timeout: 15_000 });
    await mkdir(OUT, { recursive: true });
    // The whole page, clipped to the report: an element screenshot would scroll it under the sticky header.
    await ws.evaluate(() => window.scrollTo(0, 0));
    const box = (await ws.getByTestId('results-report').boundingBox())!;
    await ws.screenshot({ path: path.join(OUT, 'results-report.png'), fullPage: true, clip: box });

    // Exports: the HTML page (printed to PDF too) and the CSV.
    const [htmlDownload] = await Promise.all([
      ws.waitForEvent('download'),
      ws.getByTestId('results-export-html').click(),
    ]);
    const htmlFile = path.join(OUT, 'results-export.html');
    await htmlDownload.saveAs(htmlFile);
    const html = await readFile(htmlFile, 'utf8');
    expect(html).toContain(release.headline);
    expect(html).not.toMatch(/<script/);
    const exported = await b.context.newPage();
    await exported.goto(pathToFileURL(htmlFile).toString());
    expect(await exported.locator('section[data-platform="meta"] .kpi').nth(1).textContent()).toContain(
      fmt(sum(metaDays, 'impressions')),
    );
    await exported.setViewportSize({ width: 1000, height: 1200 });
    await exported.screenshot({ path: path.join(OUT, 'results-export.png'), fullPage: true });
    await writeFile(path.join(OUT, 'results-export.pdf'), await exported.pdf({ format: 'A4', printBackground: true }));
    await exported.close();
    const [csvDownload] = await Promise.all([
      ws.waitForEvent('download'),
      ws.getByTestId('results-export-csv').click(),
    ]);
    const csvFile = path.join(OUT, 'results-export.csv');
    await csvDownload.saveAs(csvFile);
    const csv = (await readFile(csvFile, 'utf8')).trim().split('\n');
    expect(csv.filter((r) => r.startsWith('day,Meta,'))).toHaveLength(metaDays.length);
    expect(csv.some((r) => r.startsWith('audience,LinkedIn,') && r.includes('Journalist,true'))).toBe(true);

    // A client link with the report, read-only.
    await ws.getByTestId('results-share').click();
    const shareUrl = await ws.getByTestId('results-share-url').getAttribute('href', { timeout: 15_000 });
    const client = await b.context.newPage();
    // The link is made on the server's public URL; the test serves it on an ephemeral port.
    await client.goto(`${base}${new URL(shareUrl!).pathname}`);
    expect(await client.locator('#results').textContent()).toContain(fmt(sum(metaDays, 'impressions')));
    await client.close();

    // The popup's draft: one results line in its send panel.
    const again = await openPopup(b, tabId);
    await again.getByTestId('send-panel').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => again.getByTestId('results-line').textContent(), { timeout: 15_000 })
      .toContain(`${fmt(sum(metaDays, 'impressions'))} impressions`);
    await screenshot(again, 'results-popup-line');
    await again.close();

    // The organisation's LinkedIn connection loses r_ads_reporting (reconnected without it): the report says
    // what to do, with a way to Options; Meta's figures stay.
    await team.database.db
      .update(platformConnections)
      .set({ scopes: ['rw_ads', 'w_organization_social', 'rw_dmp_segments'] })
      .where(and(eq(platformConnections.orgId, orgId), eq(platformConnections.platform, 'linkedin')));
    team.clock.now = new Date(team.clock.now.getTime() + 120_000);
    await ws.bringToFront();
    await ws.getByTestId('results-refresh').click();
    await expect
      .poll(() => ws.getByTestId('results-platform-linkedin').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('permission');
    const li = ws.getByTestId('results-state-linkedin');
    expect(await li.textContent()).toMatch(/Reporting permission missing: reconnect LinkedIn in Options/);
    await li.getByRole('button', { name: 'Open Options' }).waitFor();
    expect(await ws.getByTestId('results-platform-meta').getAttribute('data-state')).toBe('ok');
  });
});
