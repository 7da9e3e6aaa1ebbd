import type { LinkedInDraft } from '../../../utils/contract/draft.ts';
import type { PrepareInput, PreparedSend } from '../adapter.ts';
import { linkedInConfig } from '../config.ts';
import { runSteps, withStep } from '../pipeline.ts';
import { linkedInResolver } from './client.ts';
import { campaignManagerLink } from './requests.ts';
import { LINKEDIN_STEPS } from './steps.ts';
import { validateLinkedInNames, validateLinkedInTargeting } from './targeting.ts';

/** Checks the preset against LinkedIn's facet rules, resolves names to URNs, re-checks, binds the steps. */
export async function prepareLinkedIn(draft: LinkedInDraft, input: PrepareInput): Promise<PreparedSend> {
  const cfg = linkedInConfig(input.config.linkedin);
  const audience = input.audiences[draft.audience].linkedin;
  // Refuse a preset that breaks LinkedIn's facet rules before any request, then resolve and re-check URNs.
  validateLinkedInNames({ locations: input.settings.countries, ...audience });
  const resolve = linkedInResolver({ cfg, executor: input.executor, cache: input.cache, orgId: input.orgId });
  const targeting = await withStep('campaign', async () => ({
    locations: await resolve('locations', input.settings.countries),
    titles: await resolve('titles', audience.titles ?? []),
    functions: await resolve('functions', audience.functions ?? []),
    seniorities: await resolve('seniorities', audience.seniorities ?? []),
  }));
  validateLinkedInTargeting(targeting);
  const ctx = { cfg, settings: input.settings, draft, mediaList: input.mediaList, targeting };
  return {
    run: (o) => runSteps(LINKEDIN_STEPS, ctx, o),
    link: (ids) => (ids.campaign ? campaignManagerLink(cfg, input.settings.adAccountId, ids.campaign) : undefined),
  };
}
