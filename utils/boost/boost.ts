import type { Draft, MessagingKit } from '../contract/draft';
import type { Release } from '../contract/release';
import { draftsItem, kitItem, releasesItem } from '../storage';
import { releaseIdOf } from '../engine/ui/light';
import { buildDrafts } from '../engine/ui/heavy';

/**
 * Boost a release: keep it in `local:releases` and make sure its drafts exist in `local:drafts`.
 * Idempotent: draft ids are deterministic, and a draft that already exists is never overwritten (it may
 * carry the user's edits), so boosting twice, or from popup and background at once, converges.
 * Returns the release id (what the workspace's `?release=` takes).
 */
export async function boostRelease(
  release: Release,
  kit?: MessagingKit | null,
  now: Date = new Date(),
): Promise<string> {
  const id = releaseIdOf(release);
  const teamKit = kit === undefined ? await kitItem.getValue() : kit;
  const releases = await releasesItem.getValue();
  if (!releases[id]) await releasesItem.setValue({ ...releases, [id]: { id, release, savedAt: now.toISOString() } });
  const drafts = await draftsItem.getValue();
  if (Object.values(drafts).some((d) => d.releaseId === id)) return id;
  const built = buildDrafts(release, teamKit, now);
  const next: Record<string, Draft> = { ...drafts };
  for (const d of built) if (!next[d.id]) next[d.id] = d;
  await draftsItem.setValue(next);
  return id;
}
