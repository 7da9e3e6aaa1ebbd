import { WIRE_MATCHES } from '../release/hosts';
import { boost, NOT_A_RELEASE, type BoostDeps, type BoostReply, type BoostSource } from './boost';

/**
 * The right-click menu, as data: one "Boost this release" entry per context it makes sense in.
 * Links only offer it when they point at a wire (the background may fetch only those hosts).
 */
export const MENU_ITEMS = [
  { id: 'boost-page', title: 'Boost this release', contexts: ['page'] },
  { id: 'boost-link', title: 'Boost this release', contexts: ['link'], targetUrlPatterns: WIRE_MATCHES },
  { id: 'boost-selection', title: 'Boost this release (selected text)', contexts: ['selection'] },
] as const;
export type MenuId = (typeof MENU_ITEMS)[number]['id'];

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

/** What a "Boost this release" click points at (null: nothing to boost there). */
export function menuSource(click: MenuClick, tab: ClickedTab | undefined): BoostSource | null {
  switch (click.menuItemId as MenuId) {
    case 'boost-link':
      return click.linkUrl ? { kind: 'link', url: click.linkUrl } : null;
    case 'boost-selection':
      return { kind: 'selection', tabId: tab?.id ?? null, text: click.selectionText, title: tab?.title, url: tab?.url };
    case 'boost-page':
      return tab?.id == null ? null : { kind: 'tab', tabId: tab.id };
    default:
      return null;
  }
}

/** A menu click: boost what it points at, then open the workspace on the release (or on the reason why not). */
export async function boostFromMenu(
  click: MenuClick,
  tab: ClickedTab | undefined,
  deps: BoostDeps & { openWorkspace(params: Record<string, string>): Promise<void> },
): Promise<BoostReply> {
  const source = menuSource(click, tab);
  const reply = source ? await boost(source, deps) : { error: NOT_A_RELEASE };
  await deps.openWorkspace('releaseId' in reply ? { release: reply.releaseId } : { error: reply.error });
  return reply;
}
