import { create } from 'zustand';
import { browser } from 'wxt/browser';
import type { Platform } from '../contract/draft';
import { sendMessage } from '../messaging';
import type { BoostSource } from '../boost/boost';
import { byPlatform, PLATFORM_IDS, releaseIdOf } from '../engine/ui/light';
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
  /** The toolbar's boost of the tab's release, a pasted URL, a selection. */
  paste: Task;
  selection: Task;
  setPlatform(p: Platform): void;
  select(p: Platform, draftId: string | null): void;
  /** Show the tab's release (boosting it in the background the first time). */
  openTabRelease(tabId: number, release: Release): Promise<void>;
  pasteUrl(url: string): Promise<void>;
  boostSelection(tabId: number | null): Promise<void>;
  /** Build a stored release's drafts again (all of them were deleted). */
  rebuild(releaseId: string): Promise<void>;
}

/** Open the draft workspace in a tab, optionally on a release / draft. */
export function openWorkspace(params: Record<string, string>): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/drafts.html')}?${new URLSearchParams(params)}` });
}

/**
 * Ask the background to boost (utils/boost/: one path for toolbar, menus, links and selections) and wait
 * until this page's drafts store holds the result. Throws the background's human error.
 */
async function requestBoost(source: BoostSource): Promise<string> {
  const reply = await sendMessage('boost', source);
  if (!reply) throw new Error('Wireboost’s background did not answer: reload the extension and try again.');
  if ('error' in reply) throw new Error(reply.error);
  await useDrafts.getState().refresh(reply.releaseId);
  return reply.releaseId;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Popup view state (which tab, which variant) and its boost actions. Drafts live in useDrafts. */
export const usePopup = create<PopupState>()((set, get) => {
  const run = async (task: 'paste' | 'selection', source: BoostSource) => {
    set({ [task]: { status: 'busy', error: null } });
    try {
      set({ releaseId: await requestBoost(source), [task]: idle });
    } catch (e) {
      set({ [task]: { status: 'error', error: message(e) } });
    }
  };
  return {
    releaseId: null,
    platform: PLATFORM_IDS[0],
    selected: byPlatform(() => null),
    paste: idle,
    selection: idle,
    setPlatform: (platform) => set({ platform }),
    select: (p, draftId) => set({ selected: { ...get().selected, [p]: draftId } }),

    async openTabRelease(tabId, release) {
      const known = releaseIdOf(release);
      const { releases, drafts } = useDrafts.getState();
      // Boosted before: show it at once (the first paint never waits for the background).
      if (releases[known] && Object.values(drafts).some((d) => d.releaseId === known)) {
        set({ releaseId: known });
        return;
      }
      set({ releaseId: await requestBoost({ kind: 'tab', tabId }) });
    },
    pasteUrl: (url) => run('paste', { kind: 'link', url }),
    boostSelection: async (tabId) => {
      if (tabId != null) await run('selection', { kind: 'selection', tabId });
    },
    rebuild: (releaseId) => run('paste', { kind: 'stored', releaseId }),
  };
});
