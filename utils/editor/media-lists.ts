import { storage } from 'wxt/utils/storage';

/**
 * Media lists imported from CSV: only SHA-256 hashes of normalised e-mails are kept (never raw addresses),
 * with what the import reported, so the popup can show size warnings without re-reading the file.
 */
export interface StoredMediaList {
  id: string;
  name: string;
  createdAt: string;
  /** SHA-256 hex of trimmed, lower-cased e-mails, deduplicated. */
  hashes: string[];
  totalRows: number;
  invalidRows: { line: number; reason: string }[];
  warnings: string[];
}

export const MEDIA_LISTS_VERSION = 1;
/** The one owner of stored media lists (written by the drafts store's addMediaList, this device only). */
export const mediaListsItem = storage.defineItem<Record<string, StoredMediaList>>('local:mediaLists', {
  fallback: {},
  version: MEDIA_LISTS_VERSION,
});

export async function saveMediaList(list: StoredMediaList): Promise<void> {
  const all = await mediaListsItem.getValue();
  await mediaListsItem.setValue({ ...all, [list.id]: list });
}
