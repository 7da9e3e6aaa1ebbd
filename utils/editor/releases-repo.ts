import type { StoredRelease } from '../contract/draft';
import { createRecordRepo, type RecordRepo, type StorageAreaLike } from './record-repo';
import { mergeLocal } from './local-merge';

/**
 * The one owner of boosted releases (the extraction each set of drafts backs): one key per release
 * (`release:<id>`), written by boost, the headline editor and the sync, merged like drafts.
 */
export const RELEASE_PREFIX = 'release:';

export const isStoredRelease = (v: unknown): v is StoredRelease =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as StoredRelease).id === 'string' &&
  typeof (v as StoredRelease).release === 'object' &&
  (v as StoredRelease).release !== null;

export type ReleasesRepo = RecordRepo<StoredRelease>;

export function createReleasesRepo(area?: StorageAreaLike): ReleasesRepo {
  return createRecordRepo<StoredRelease>({ prefix: RELEASE_PREFIX, isDoc: isStoredRelease, merge: mergeLocal, area });
}

/** Releases kept as one map under `releases` by the first versions: moved to one key each. */
export async function migrateLegacyReleases(repo: ReleasesRepo, area: StorageAreaLike): Promise<number> {
  const legacy = (await area.get('releases')).releases as Record<string, unknown> | undefined;
  if (!legacy || typeof legacy !== 'object') return 0;
  const releases = Object.fromEntries(Object.entries(legacy).filter(([, r]) => isStoredRelease(r))) as Record<
    string,
    StoredRelease
  >;
  const created = await repo.create(releases);
  await area.remove(['releases', 'releases$']);
  return created.length;
}
