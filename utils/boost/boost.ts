import type { Draft, MessagingKit } from '../contract/draft';
import type { Release } from '../contract/release';
import type { DraftsRepo } from '../editor/drafts-repo';
import type { ReleasesRepo } from '../editor/releases-repo';
import { BoostError } from '../release/fetch';
import { releaseIdOf } from '../engine/ui/light';
import { buildDrafts } from '../engine/ui/heavy';
import { selectionRelease } from './selection';

/**
 * Every way into Wireboost is one boost: the toolbar popup on a release tab, "Boost this release" on the
 * page, on a link or on selected text, a URL pasted in the popup or the workspace, "Rebuild drafts". Each
 * names its source; the background resolves it to a release and stores the release and its drafts.
 */
export type BoostSource =
  /** The page in a tab: the release its content script reported, else the extractor run in the tab. */
  | { kind: 'tab'; tabId: number }
  /** A link (right-click) or a pasted URL: fetched and extracted. */
  | { kind: 'link'; url: string }
  /** Selected text: given by the menu click, or read from the tab (the popup's "Boost selected text"). */
  | { kind: 'selection'; tabId: number | null; text?: string; title?: string; url?: string }
  /** A release boosted before (its drafts were all deleted: build them again). */
  | { kind: 'stored'; releaseId: string };

export type BoostReply = { releaseId: string } | { error: string };

/** What boosting needs from the browser, injected so the decisions are testable without one. */
export interface BoostDeps {
  /** The release the content script already reported for this tab, if any. */
  tabRelease(tabId: number): Promise<Release | null>;
  /** Run the extractor in the tab (activeTab + scripting): for pages outside the wires. */
  extractInTab(tabId: number): Promise<Release | null>;
  /** The tab's selected text, title and address (activeTab + scripting). */
  selectionInTab(tabId: number): Promise<{ text: string; title: string; url: string } | null>;
  /** Fetch a linked page and extract it. Throws BoostError with a human message. */
  fetchLinked(url: string): Promise<Release>;
  kit(): Promise<MessagingKit | null>;
  drafts: DraftsRepo;
  releases: ReleasesRepo;
  now?: () => Date;
}

export const NOT_A_RELEASE =
  "This page doesn't look like a press release. Select the release text and choose “Boost this release (selected text)”, or paste the release's URL in the workspace.";
const NOTHING_SELECTED = 'Nothing is selected on the page. Select the release text first, then try again.';
const NOT_A_URL = 'That is not a web address. Paste the full link, starting with https://';

/** Resolve a source to a release, store it with its drafts, and say which release it was (or why not). */
export async function boost(source: BoostSource, deps: BoostDeps): Promise<BoostReply> {
  try {
    const release = await releaseFor(source, deps);
    if (!release) return { error: NOT_A_RELEASE };
    return { releaseId: await storeBoost(release, deps) };
  } catch (e) {
    if (e instanceof BoostError) return { error: e.message };
    return { error: `Wireboost couldn't boost that: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function releaseFor(source: BoostSource, deps: BoostDeps): Promise<Release | null> {
  switch (source.kind) {
    case 'tab': {
      const known = await deps.tabRelease(source.tabId);
      if (known?.isRelease) return known;
      const extracted = await deps.extractInTab(source.tabId);
      return extracted?.isRelease ? extracted : null;
    }
    case 'link':
      return deps.fetchLinked(webAddress(source.url));
    case 'selection': {
      const picked = source.text?.trim()
        ? { text: source.text, title: source.title ?? '', url: source.url ?? '' }
        : source.tabId == null
          ? null
          : await readSelection(source.tabId, deps);
      if (!picked?.text.trim()) throw new BoostError(NOTHING_SELECTED);
      return selectionRelease(picked.text, picked.title, picked.url);
    }
    case 'stored':
      return (await deps.releases.get(source.releaseId))?.release ?? null;
  }
}

async function readSelection(tabId: number, deps: BoostDeps) {
  try {
    return await deps.selectionInTab(tabId);
  } catch (e) {
    throw new BoostError(
      `Wireboost can't read this page (${e instanceof Error ? e.message : String(e)}). Right-click the selected text and choose "Boost this release" instead.`,
    );
  }
}

/** A pasted address, checked: http(s) only. */
function webAddress(raw: string): string {
  try {
    const url = new URL(raw.trim());
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    /* not a URL */
  }
  throw new BoostError(NOT_A_URL);
}

/**
 * Keep the release and make sure its drafts exist. Idempotent: draft ids are deterministic, and a draft
 * that already exists is never overwritten (it may carry edits), so boosting twice, or from two contexts
 * at once, converges. Returns the release id (what the workspace's `?release=` takes).
 */
export async function storeBoost(release: Release, deps: Pick<BoostDeps, 'kit' | 'drafts' | 'releases' | 'now'>) {
  const now = deps.now?.() ?? new Date();
  const id = releaseIdOf(release);
  await deps.releases.create({ [id]: { id, release, savedAt: now.toISOString() } });
  const existing = Object.values(await deps.drafts.all()).some((d) => d.releaseId === id);
  if (existing) return id;
  const built: Record<string, Draft> = {};
  for (const d of buildDrafts(release, await deps.kit(), now)) built[d.id] = d;
  await deps.drafts.create(built);
  return id;
}
