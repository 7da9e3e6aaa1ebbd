import type { LinkedInDraft } from '../../../utils/contract/draft.ts';
import type { LinkedInConfig } from '../config.ts';
import type { PlatformResponse } from '../http.ts';
import { chunk } from '../hash.ts';
import type { Step } from '../pipeline.ts';
import type { MediaListInput, SendSettings } from '../types.ts';
import type { LinkedInTargetingUrns } from './targeting.ts';
import * as req from './requests.ts';

export interface LinkedInContext {
  cfg: LinkedInConfig;
  settings: SendSettings;
  draft: LinkedInDraft;
  mediaList?: MediaListInput;
  /** Resolved and validated before the first step, so a bad audience never leaves half a campaign behind. */
  targeting: LinkedInTargetingUrns;
}

/** Created ids come back in the x-restli-id header (HTTP 201). */
const restliId = (res: PlatformResponse) => {
  const id = res.headers.get('x-restli-id');
  if (!id) throw new Error(`LinkedIn answered ${res.status} without an x-restli-id header`);
  return id;
};

/**
 * LinkedIn's send, in order: matched-audience segment and its users (needs rw_dmp_segments), campaign
 * group and campaign (shared by the release's variants), then per draft a dark post and a DRAFT creative.
 * The segment is not added to the campaign's targeting here: LinkedIn builds the ad segment from it
 * asynchronously (minimum 300 matched members), so the team attaches it in Campaign Manager once ready.
 */
export const LINKEDIN_STEPS: readonly Step<LinkedInContext>[] = [
  {
    name: 'segment',
    scope: 'release',
    applies: (c) => !!c.mediaList?.hashes.length,
    build: (c) => [req.createDmpSegment(c.cfg, c.settings, c.mediaList!.name)],
    idOf: restliId,
  },
  {
    name: 'segmentUsers',
    scope: 'release',
    applies: (c) => !!c.mediaList?.hashes.length,
    build: (c, ids) =>
      chunk(c.mediaList!.hashes, req.LINKEDIN_MAX_USERS_PER_BATCH).map((batch) =>
        req.addSegmentUsers(c.cfg, ids.segment!, batch),
      ),
    idOf: (res, part) => `batch${part}:${((res.body as { elements?: unknown[] })?.elements ?? []).length}`,
  },
  {
    name: 'campaignGroup',
    scope: 'release',
    build: (c) => [req.createCampaignGroup(c.cfg, c.settings)],
    idOf: restliId,
  },
  {
    name: 'campaign',
    scope: 'release',
    build: (c, ids) => [req.createCampaign(c.cfg, c.settings, c.draft, ids.campaignGroup!, c.targeting)],
    idOf: restliId,
  },
  {
    name: 'post',
    scope: 'draft',
    build: (c) => [req.createDarkPost(c.cfg, c.settings, c.draft)],
    idOf: restliId,
  },
  {
    name: 'creative',
    scope: 'draft',
    build: (c, ids) => [req.createCreative(c.cfg, c.settings, ids.campaign!, ids.post!)],
    idOf: restliId,
  },
];
