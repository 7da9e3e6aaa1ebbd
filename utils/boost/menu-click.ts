import type { Release } from '../contract/release';
import { BoostError } from '../release/fetch';
import { selectionRelease, type MenuId } from './menus';

/** What the background can do for a menu click, injected so the decision logic is testable. */
export interface BoostDeps {
  /** The release the content script already reported for this tab, if any. */
  tabRelease(tabId: number): Promise<Release | null>;
  /** Run the extractor in the tab (activeTab + scripting): for pages outside the wires. */
  extractInTab(tabId: number): Promise<Release | null>;
  /** Fetch a linked page and extract it. Throws BoostError with a human message. */
  fetchLinked(url: string): Promise<Release>;
  /** Build and save drafts for a release; returns the release id. */
  boost(release: Release): Promise<string>;
  /** Open the draft workspace with query parameters (release id, or an error to explain). */
  openWorkspace(params: Record<string, string>): Promise<void>;
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  selectionText?: string;
}
export interface ClickedTab {
  id?: number;
  url?: string;
  title?: string;
}

const NOT_A_RELEASE =
  "This page doesn't look like a press release. Select the release text and choose “Boost this release (selected text)”, or paste the release's URL in the workspace.";

/** Decide what a "Boost this release" click means, boost it, and open the workspace on the result. */
export async function handleBoostClick(click: MenuClick, tab: ClickedTab | undefined, deps: BoostDeps): Promise<void> {
  try {
    const release = await releaseFor(click, tab, deps);
    if (!release) {
      await deps.openWorkspace({ error: NOT_A_RELEASE });
      return;
    }
    await deps.openWorkspace({ release: await deps.boost(release) });
  } catch (e) {
    const message =
      e instanceof BoostError
        ? e.message
        : `Wireboost couldn't boost that: ${e instanceof Error ? e.message : String(e)}`;
    await deps.openWorkspace({ error: message });
  }
}

async function releaseFor(click: MenuClick, tab: ClickedTab | undefined, deps: BoostDeps): Promise<Release | null> {
  switch (click.menuItemId as MenuId) {
    case 'boost-link':
      if (!click.linkUrl) return null;
      return deps.fetchLinked(click.linkUrl);
    case 'boost-selection': {
      const text = click.selectionText?.trim();
      if (!text) return null;
      return selectionRelease(text, tab?.title ?? '', tab?.url ?? '');
    }
    case 'boost-page': {
      if (tab?.id == null) return null;
      const known = await deps.tabRelease(tab.id);
      if (known?.isRelease) return known;
      const extracted = await deps.extractInTab(tab.id);
      return extracted?.isRelease ? extracted : null;
    }
    default:
      return null;
  }
}
