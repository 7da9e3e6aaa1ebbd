import { create } from 'zustand';
import { browser } from 'wxt/browser';
import type { Platform } from '../contract/draft';
import { byPlatform, PLATFORM_IDS } from '../engine/ui/light';
import type { Release } from '../contract/release';
import { useDrafts } from './store';

type Task = { status: 'idle' | 'busy' | 'error'; error: string | null };
const idle: Task = { status: 'idle', error: null };

export interface PopupState {
  /** The release the popup is editing: the tab's, or one boosted from a pasted URL or a selection. */
  releaseId: string | null;
  platform: Platform;
  /** Selected variant per platform (null: the first). */
  selected: Record<Platform, string | null>;
  paste: Task;
  selection: Task;
  setPlatform(p: Platform): void;
  select(p: Platform, draftId: string | null): void;
  openRelease(release: Release): Promise<void>;
  pasteUrl(url: string): Promise<void>;
  boostSelection(tabId: number | null): Promise<void>;
}

/** Open the draft workspace in a tab, optionally on a release / draft. */
export function openWorkspace(params: Record<string, string>): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/drafts.html')}?${new URLSearchParams(params)}` });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Popup view state (which tab, which variant) and the empty-state actions. Drafts live in useDrafts. */
export const usePopup = create<PopupState>()((set, get) => ({
  releaseId: null,
  platform: PLATFORM_IDS[0],
  selected: byPlatform(() => null),
  paste: idle,
  selection: idle,
  setPlatform: (platform) => set({ platform }),
  select: (p, draftId) => set({ selected: { ...get().selected, [p]: draftId } }),

  async openRelease(release) {
    const releaseId = await useDrafts.getState().boost(release);
    set({ releaseId });
  },

  async pasteUrl(raw) {
    let url: URL;
    try {
      url = new URL(raw.trim());
      if (!/^https?:$/.test(url.protocol)) throw new Error();
    } catch {
      set({
        paste: { status: 'error', error: 'That is not a web address. Paste the full link, starting with https://' },
      });
      return;
    }
    set({ paste: { status: 'busy', error: null } });
    try {
      // Loaded on demand: the extractor stays out of the popup's first paint.
      const { fetchRelease } = await import('../release/fetch');
      const release = await fetchRelease(url.href, (html) => new DOMParser().parseFromString(html, 'text/html'));
      await get().openRelease(release);
      set({ paste: idle });
    } catch (e) {
      set({ paste: { status: 'error', error: message(e) } });
    }
  },

  async boostSelection(tabId) {
    if (tabId == null) return;
    set({ selection: { status: 'busy', error: null } });
    try {
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        func: () => ({ text: String(getSelection() ?? ''), title: document.title, url: location.href }),
      });
      const picked = result?.result as { text: string; title: string; url: string } | undefined;
      if (!picked?.text.trim()) {
        set({
          selection: {
            status: 'error',
            error: 'Nothing is selected on the page. Select the release text first, then try again.',
          },
        });
        return;
      }
      const { selectionRelease } = await import('../boost/menus');
      await get().openRelease(selectionRelease(picked.text, picked.title, picked.url));
      set({ selection: idle });
    } catch (e) {
      set({
        selection: {
          status: 'error',
          error: `Wireboost can't read this page (${message(e)}). Right-click the selected text and choose "Boost this release" instead.`,
        },
      });
    }
  },
}));
