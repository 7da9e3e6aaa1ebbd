import { storeBoost } from '@/utils/boost/boost';
import { createDraftsRepo } from '@/utils/editor/drafts-repo';
import { createReleasesRepo } from '@/utils/editor/releases-repo';
import { emptyRelease } from '@/utils/release/empty';
import type { Release } from '@/utils/contract/release';

/** One PR Newswire release the store tests boost, and the fixed "now" they boost it at. */
export const release: Release = {
  ...emptyRelease('https://www.prnewswire.com/news-releases/acme-report-301000001.html'),
  isRelease: true,
  wire: 'prnewswire',
  headline: 'Acme Analytics Finds Newsrooms Cut Fact-Checking Time by 40%',
  company: 'Acme Analytics',
  publishedAt: '2026-11-23T04:00:00+00:00',
  body: ['BOSTON, Nov. 23, 2026 /PRNewswire/ -- Acme Analytics today published the 2026 Newsroom Data Report.'],
};
export const now = () => new Date('2026-11-23T09:00:00Z');

/** Boost a release as the background does (into WXT's fake storage.local); returns the release id. */
export function boostHere(r: Release = release, at: () => Date = now): Promise<string> {
  return storeBoost(r, { kit: async () => null, drafts: createDraftsRepo(), releases: createReleasesRepo(), now: at });
}
