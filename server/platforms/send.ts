import type { Draft, LinkedInDraft, MetaDraft, Platform } from '../../utils/drafts/schema.ts';
import { DEFAULT_AUDIENCES } from './audiences.ts';
import { linkedInConfig, metaConfig, type LinkedInConfig, type MetaConfig } from './config.ts';
import { PlatformError } from './errors.ts';
import { createExecutor, type ErrorRules } from './executor.ts';
import { isSha256Hex } from './hash.ts';
import type { FetchLike } from './http.ts';
import { LINKEDIN_RULES, linkedInResolver } from './linkedin/client.ts';
import { campaignManagerLink } from './linkedin/requests.ts';
import { LINKEDIN_STEPS, type LinkedInContext } from './linkedin/steps.ts';
import { validateLinkedInNames } from './linkedin/targeting.ts';
import { META_RULES, metaResolver } from './meta/client.ts';
import { adsManagerLink } from './meta/requests.ts';
import { META_STEPS, type MetaContext } from './meta/steps.ts';
import { runSteps, type Executor, type RunResult, type Step } from './pipeline.ts';
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

export async function sendDraft(input: SendDraftInput): Promise<SendDraftResult> {
  const { draft, settings, deps = {} } = input;
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
  const prepared: Prepared<MetaContext> | Prepared<LinkedInContext> =
    draft.platform === 'meta'
      ? prepareMeta(draft, input, metaConfig(deps.meta), audiences, common)
      : prepareLinkedIn(draft, input, linkedInConfig(deps.linkedin), audiences, common);
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

function prepareMeta(draft: MetaDraft, input: SendDraftInput, cfg: MetaConfig, audiences: AudienceTable, c: Common): Prepared<MetaContext> {
  return {
    steps: META_STEPS,
    ctx: {
      cfg,
      settings: input.settings,
      draft,
      mediaList: input.mediaList,
      audience: audiences[draft.audience].meta,
      resolve: metaResolver({ cfg, ...c }),
    },
    link: (ids) => (ids.campaign ? adsManagerLink(cfg, input.settings.adAccountId, ids.campaign) : undefined),
  };
}

function prepareLinkedIn(
  draft: LinkedInDraft,
  input: SendDraftInput,
  cfg: LinkedInConfig,
  audiences: AudienceTable,
  c: Common,
): Prepared<LinkedInContext> {
  const audience = audiences[draft.audience].linkedin;
  // Refuse a preset that breaks LinkedIn's facet rules before creating anything.
  validateLinkedInNames({ locations: input.settings.countries, ...audience });
  return {
    steps: LINKEDIN_STEPS,
    ctx: {
      cfg,
      settings: input.settings,
      draft,
      mediaList: input.mediaList,
      audience,
      resolve: linkedInResolver({ cfg, ...c }),
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
    throw new PlatformError(draft.platform, 'invalid', 'The media list must be SHA-256 hashes (hashEmail), never raw e-mails.', {
      draftField: 'mediaList',
    });
  }
  if (!(settings.dailyBudget > 0)) {
    throw new PlatformError(draft.platform, 'field', 'The daily budget must be more than zero.', { draftField: 'dailyBudget' });
  }
}
