import type { Platform } from '../contract/draft';
import type { DraftSet } from '../engine/draftset';
import { exportMetaSheet } from './meta/sheet';

/**
 * Bulk-import sheet writers, for the platforms whose registry entry has a `sheet` (registry.ts; a unit
 * test keeps the two in step). Loaded only by exports (engine/ui/heavy.ts), with papaparse.
 */
export const PLATFORM_SHEETS: Partial<Record<Platform, (set: DraftSet) => string>> = {
  meta: exportMetaSheet,
};
