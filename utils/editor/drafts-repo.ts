import type { Draft } from '../contract/draft';
import { createRecordRepo, type RecordRepo, type StorageAreaLike } from './record-repo';
import { mergeLocal } from './local-merge';

/**
 * The one owner of stored drafts: every context (popup, workspace, the background's boost and sync)
 * reads and writes drafts through a repository made here. One storage key per draft (`draft:<id>`), so
 * writers of different drafts never meet; writers of the same draft are merged field by field
 * (utils/editor/record-repo.ts).
 */
export const DRAFT_PREFIX = 'draft:';

/** Cheap structural check (no zod on the popup's first paint): what the engine and the sync write. */
export const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Draft).id === 'string' &&
  typeof (v as Draft).releaseId === 'string' &&
  typeof (v as Draft).platform === 'string';

export type DraftsRepo = RecordRepo<Draft>;

export function createDraftsRepo(area?: StorageAreaLike): DraftsRepo {
  return createRecordRepo<Draft>({ prefix: DRAFT_PREFIX, isDoc: isDraft, merge: mergeLocal, area });
}

/** Drafts from the first versions of Wireboost, kept as one map under `drafts`: moved to one key each. */
export async function migrateLegacyDrafts(repo: DraftsRepo, area: StorageAreaLike): Promise<number> {
  const legacy = (await area.get('drafts')).drafts as Record<string, unknown> | undefined;
  if (!legacy || typeof legacy !== 'object') return 0;
  const drafts = Object.fromEntries(Object.entries(legacy).filter(([, d]) => isDraft(d))) as Record<string, Draft>;
  const created = await repo.create(drafts);
  await area.remove(['drafts', 'drafts$']);
  return created.length;
}
