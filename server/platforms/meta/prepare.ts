import type { MetaDraft } from '../../../utils/contract/draft.ts';
import type { PrepareInput, PreparedSend } from '../adapter.ts';
import { metaConfig } from '../config.ts';
import { PlatformError } from '../errors.ts';
import { runSteps, withStep } from '../pipeline.ts';
import { metaResolver } from './client.ts';
import { adsManagerLink } from './requests.ts';
import { META_STEPS } from './steps.ts';

/** Resolves the audience's interests and job titles to Meta ids, then binds Meta's steps to them. */
export async function prepareMeta(draft: MetaDraft, input: PrepareInput): Promise<PreparedSend> {
  const cfg = metaConfig(input.config.meta);
  const names = input.audiences[draft.audience].meta;
  const resolve = metaResolver({ cfg, executor: input.executor, cache: input.cache, orgId: input.orgId });
  const targeting = {
    interests: await withStep('adset', () => resolve('adinterest', names.interests)),
    workPositions: await withStep('adset', () => resolve('adworkposition', names.workPositions)),
  };
  // Unknown names are dropped one by one, but an audience that resolves to nothing would silently become
  // "everyone in the country": refuse that instead.
  if (
    names.interests.length + names.workPositions.length > 0 &&
    targeting.interests.length + targeting.workPositions.length === 0
  ) {
    throw new PlatformError(
      'meta',
      'targeting',
      `Meta found none of the interests or job titles for "${draft.audience}".`,
      {
        draftField: 'audience',
        step: 'adset',
      },
    );
  }
  const ctx = { cfg, settings: input.settings, draft, mediaList: input.mediaList, targeting };
  return {
    run: (o) => runSteps(META_STEPS, ctx, o),
    link: (ids) => (ids.campaign ? adsManagerLink(cfg, input.settings.adAccountId, ids.campaign) : undefined),
  };
}
