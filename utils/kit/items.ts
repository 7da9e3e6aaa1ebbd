import { storage } from 'wxt/utils/storage';
import type { MessagingKit } from '../contract/draft';

export const KIT_VERSION = 1;
/** The team's messaging kit (local copy; the team server's copy wins when signed in). Written by the kit store. */
export const kitItem = storage.defineItem<MessagingKit | null>('local:kit', {
  fallback: null,
  version: KIT_VERSION,
});

/** Extension settings that are not part of the team's kit (this browser only). */
export interface Settings {
  /** The team server's base URL; empty = local only. */
  teamServerUrl: string;
}
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { teamServerUrl: '' },
  version: 1,
});
