import type { MetaDraft } from '../../../utils/contract/draft.ts';
import type { MetaConfig } from '../config.ts';
import { chunk } from '../hash.ts';
import type { Step } from '../pipeline.ts';
import type { MediaListInput, SendSettings } from '../types.ts';
import * as req from './requests.ts';

export interface MetaContext {
  cfg: MetaConfig;
  settings: SendSettings;
  draft: MetaDraft;
  mediaList?: MediaListInput;
  /** Resolved before the first step, so a look-up failure never leaves half a campaign behind. */
  targeting: Omit<req.MetaTargetingIds, 'customAudienceId'>;
}

const idField = (res: { body: unknown }) => String((res.body as { id?: unknown }).id ?? '');

/**
 * Meta's send, in order (PLATFORMS.md: campaign → ad set → creative → ad, all PAUSED; the customer-list
 * audience first so the ad set can target it). Campaign, audience and ad set are shared by every variant
 * of the release; creative and ad are per draft.
 */
export const META_STEPS: readonly Step<MetaContext>[] = [
  {
    name: 'audience',
    scope: 'release',
    applies: (c) => !!c.mediaList?.hashes.length,
    build: (c) => [req.createCustomAudience(c.cfg, c.settings, c.mediaList!.name)],
    idOf: idField,
  },
  {
    name: 'audienceUsers',
    scope: 'release',
    applies: (c) => !!c.mediaList?.hashes.length,
    build: (c, ids) =>
      chunk(c.mediaList!.hashes, req.META_MAX_USERS_PER_BATCH).map((batch) =>
        req.addAudienceUsers(c.cfg, ids.audience!, batch),
      ),
    // Users has no id of its own: keep Meta's session id and count so the record says what was uploaded.
    idOf: (res, part) => {
      const b = res.body as { session_id?: unknown; num_received?: unknown };
      return `batch${part}:${String(b.session_id ?? '')}:${String(b.num_received ?? '')}`;
    },
  },
  {
    name: 'campaign',
    scope: 'release',
    build: (c) => [req.createCampaign(c.cfg, c.settings)],
    idOf: idField,
  },
  {
    name: 'adset',
    scope: 'release',
    build: (c, ids) => [
      req.createAdSet(c.cfg, c.settings, c.draft, ids.campaign!, { ...c.targeting, customAudienceId: ids.audience }),
    ],
    idOf: idField,
  },
  {
    name: 'creative',
    scope: 'draft',
    build: (c) => [req.createAdCreative(c.cfg, c.settings, c.draft)],
    idOf: idField,
  },
  {
    name: 'ad',
    scope: 'draft',
    build: (c, ids) => [req.createAd(c.cfg, c.settings, c.draft, ids.adset!, ids.creative!)],
    idOf: idField,
  },
];
