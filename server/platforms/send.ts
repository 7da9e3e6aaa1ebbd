import type { Draft, LinkedInDraft, MetaDraft, Platform } from '../../utils/contract/draft.ts';
import { DEFAULT_AUDIENCES } from './audiences.ts';
import { linkedInConfig, metaConfig, type LinkedInConfig, type MetaConfig } from './config.ts';
import { PlatformError } from './errors.ts';
import { createExecutor, type ErrorRules } from './executor.ts';
import { isSha256Hex } from './hash.ts';
import type { FetchLike } from './http.ts';
import { LINKEDIN_RULES, linkedInResolver } from './linkedin/client.ts';
import { campaignManagerLink } from './linkedin/requests.ts';
import { LINKEDIN_STEPS, type LinkedInContext } from './linkedin/steps.ts';
import { validateLinkedInNames, validateLinkedInTargeting } from './linkedin/targeting.ts';
import { META_RULES, metaResolver } from './meta/client.ts';
import { adsManagerLink } from './meta/requests.ts';
import { META_STEPS, type MetaContext } from './meta/steps.ts';
import { runSteps, withStep, type Executor, type RunResult, type Step } from './pipeline.ts';
import { retryPolicy, type RetryPolicy } from './retry.ts';
import { checkSchedule } from './schedule.ts';
import { MemoryTargetingCache, type SendStore, type TargetingCache } from './store.ts';
import type { AudienceTable, MediaListInput, SendSettings } from './types.ts';

export interface SendDeps {
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  clock?: () => Date;
  /** Share one per process so look-ups are cached per organisation across sends. */
  cache?: TargetingCache;
  meta?: Partial<MetaConfig>;
  linkedin?: Partial<LinkedInConfig>;
}

export interface SendDraftInput {
  orgId: string;
  draft: Draft;
  settings: SendSettings;
  /** The organisation's decrypted platform token (server-side only). */
  token: string;
  store: SendStore;
  mediaList?: MediaListInput;
  dryRun?: boolean;
  /** When the organisation has approvals on, only approved (or already sent, to resume) drafts go out. */
  approvalsRequired?: boolean;
  audiences?: AudienceTable;
  deps?: SendDeps;
}

export interface SendDraftResult extends RunResult {
  platform: Platform;
  dryRun: boolean;
  /** Ready to merge into draft.remote: step ids plus `link` (Ads Manager / Campaign Manager). */
  remote: Record<string, string>;
}

/** Platform = steps + context + error rules + deep link: the only place the two platforms differ. */
interface Prepared<C> {
  steps: readonly Step<C>[];
  ctx: C;
  link: (ids: Record<string, string>) => string | undefined;
}

const sharedCache = new MemoryTargetingCache();

/**
 * Sends touching the same release on the same platform run one at a time in this process: two variants
 * sent at once would otherwise both see "no campaign yet" and create two. (Several server instances need
 * the same guarantee from the database, e.g. an advisory lock on the same key.)
 */
const inFlight = new Map<string, Promise<unknown>>();

export async function sendDraft(input: SendDraftInput): Promise<SendDraftResult> {
  const key = JSON.stringify([input.orgId, input.draft.releaseId, input.draft.platform]);
  const previous = inFlight.get(key) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => sendDraftNow(input));
  inFlight.set(key, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(key) === run) inFlight.delete(key);
  }
}

async function sendDraftNow(input: SendDraftInput): Promise<SendDraftResult> {
  const { draft, deps = {} } = input;
  preflight(input, (deps.clock ?? (() => new Date()))());
  const rules: ErrorRules = draft.platform === 'meta' ? META_RULES : LINKEDIN_RULES;
  const executor = createExecutor({
    fetch: deps.fetch ?? ((url, init) => fetch(url, init)),
    token: input.token,
    retry: retryPolicy(deps.retry),
    rules,
  });
  const common = { executor, cache: deps.cache ?? sharedCache, orgId: input.orgId };
  const audiences = input.audiences ?? DEFAULT_AUDIENCES;
  // Targeting is resolved (and checked) here, before any step runs: nothing is created for a bad audience.
  const prepared: Prepared<MetaContext> | Prepared<LinkedInContext> =
    draft.platform === 'meta'
      ? await prepareMeta(draft, input, metaConfig(deps.meta), audiences, common)
      : await prepareLinkedIn(draft, input, linkedInConfig(deps.linkedin), audiences, common);
  const result = await runSteps(prepared.steps as readonly Step<unknown>[], prepared.ctx, {
    orgId: input.orgId,
    draftId: draft.id,
    releaseId: draft.releaseId,
    platform: draft.platform,
    store: input.store,
    executor,
    dryRun: input.dryRun,
  });
  const link = input.dryRun ? undefined : prepared.link(result.ids);
  return {
    ...result,
    platform: draft.platform,
    dryRun: !!input.dryRun,
    remote: { ...result.ids, ...(link ? { link } : {}) },
  };
}

type Common = { executor: Executor; cache: TargetingCache; orgId: string };

async function prepareMeta(
  draft: MetaDraft,
  input: SendDraftInput,
  cfg: MetaConfig,
  audiences: AudienceTable,
  c: Common,
): Promise<Prepared<MetaContext>> {
  const names = audiences[draft.audience].meta;
  const resolve = metaResolver({ cfg, ...c });
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
  return {
    steps: META_STEPS,
    ctx: {
      cfg,
      settings: input.settings,
      draft,
      mediaList: input.mediaList,
      targeting,
    },
    link: (ids) => (ids.campaign ? adsManagerLink(cfg, input.settings.adAccountId, ids.campaign) : undefined),
  };
}

async function prepareLinkedIn(
  draft: LinkedInDraft,
  input: SendDraftInput,
  cfg: LinkedInConfig,
  audiences: AudienceTable,
  c: Common,
): Promise<Prepared<LinkedInContext>> {
  const audience = audiences[draft.audience].linkedin;
  // Refuse a preset that breaks LinkedIn's facet rules before any request, then resolve and re-check URNs.
  validateLinkedInNames({ locations: input.settings.countries, ...audience });
  const resolve = linkedInResolver({ cfg, ...c });
  const targeting = await withStep('campaign', async () => ({
    locations: await resolve('locations', input.settings.countries),
    titles: await resolve('titles', audience.titles ?? []),
    functions: await resolve('functions', audience.functions ?? []),
    seniorities: await resolve('seniorities', audience.seniorities ?? []),
  }));
  validateLinkedInTargeting(targeting);
  return {
    steps: LINKEDIN_STEPS,
    ctx: {
      cfg,
      settings: input.settings,
      draft,
      mediaList: input.mediaList,
      targeting,
    },
    link: (ids) => (ids.campaign ? campaignManagerLink(cfg, input.settings.adAccountId, ids.campaign) : undefined),
  };
}

/** Checks that need no network, so a bad send fails before the first object exists. */
function preflight(input: SendDraftInput, now: Date): void {
  const { draft, settings } = input;
  if (input.approvalsRequired && draft.status !== 'approved' && draft.status !== 'sent') {
    throw new PlatformError(draft.platform, 'not_approved', 'This draft needs approval before it can be sent.');
  }
  checkSchedule(draft.platform, settings.startTime, settings.endTime, now);
  if (input.mediaList && !input.mediaList.hashes.every(isSha256Hex)) {
    throw new PlatformError(
      draft.platform,
      'invalid',
      'The media list must be SHA-256 hashes (hashEmail), never raw e-mails.',
      {
        draftField: 'mediaList',
      },
    );
  }
  if (!(settings.dailyBudget > 0)) {
    throw new PlatformError(draft.platform, 'field', 'The daily budget must be more than zero.', {
      draftField: 'dailyBudget',
    });
  }
}
