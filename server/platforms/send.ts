import type { Draft, Platform } from '../../utils/contract/draft.ts';
import { DEFAULT_AUDIENCES } from './audiences.ts';
import type { PlatformConfigOverrides } from './config.ts';
import { PlatformError } from './errors.ts';
import { executorFor } from './executor.ts';
import { isSha256Hex } from './hash.ts';
import type { FetchLike } from './http.ts';
import type { RunResult } from './pipeline.ts';
import { adapterFor } from './registry.ts';
import type { RetryPolicy } from './retry.ts';
import { checkSchedule } from './schedule.ts';
import { MemoryTargetingCache, type SendStore, type TargetingCache } from './store.ts';
import type { AudienceTable, MediaListInput, SendSettings } from './types.ts';

/** The network, retry sleep, clock and targeting cache, plus each platform's hosts and versions by id. */
export interface SendDeps extends PlatformConfigOverrides {
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  clock?: () => Date;
  /** Share one per process so look-ups are cached per organisation across sends. */
  cache?: TargetingCache;
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

const sharedCache = new MemoryTargetingCache();

/**
 * Sends touching the same release on the same platform run one at a time in this process: two variants
 * sent at once would otherwise both see "no campaign yet" and create two. This guards callers of the
 * library in one process (scripts, tests); the team server serialises across instances with a lease row
 * in the database (acquireSendLease in server/lib/platform-store.ts) and caches look-ups there too
 * (server/lib/targeting-cache.ts), so nothing a send needs lives only in one instance's memory.
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
  const adapter = adapterFor(draft.platform);
  const executor = executorFor({ token: input.token, fetch: deps.fetch, retry: deps.retry }, adapter.errorRules);
  // Targeting is resolved (and checked) here, before any step runs: nothing is created for a bad audience.
  const prepared = await adapter.prepare(draft, {
    orgId: input.orgId,
    settings: input.settings,
    mediaList: input.mediaList,
    audiences: input.audiences ?? DEFAULT_AUDIENCES,
    config: deps,
    executor,
    cache: deps.cache ?? sharedCache,
  });
  const result = await prepared.run({
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
