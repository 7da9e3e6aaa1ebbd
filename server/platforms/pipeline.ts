import type { PlatformRequest, PlatformResponse } from './http.ts';
import { PlatformError } from './errors.ts';
import type { SendStore } from './store.ts';

/**
 * A send is an ordered list of steps (data: see meta/steps.ts, linkedin/steps.ts) run by one runner.
 * A step builds one or more requests from the context and the ids of earlier steps, and says how to read
 * the created id from the response. Multi-request steps (audience batches) record each part, then the step.
 */
export interface Step<C> {
  name: string;
  /** 'release': shared by every variant of the release (campaign, audience); 'draft': one per variant. */
  scope: 'release' | 'draft';
  applies?: (ctx: C) => boolean;
  build: (ctx: C, ids: Readonly<Record<string, string>>) => Promise<PlatformRequest[]> | PlatformRequest[];
  idOf: (res: PlatformResponse, part: number) => string;
}

/** The client side the runner needs: send with auth, retries and error mapping already applied. */
export interface Executor {
  execute(req: PlatformRequest): Promise<PlatformResponse>;
}

export interface RunOptions {
  orgId: string;
  draftId: string;
  releaseId: string;
  platform: string;
  store: SendStore;
  executor: Executor;
  dryRun?: boolean;
}

export interface DryRunRequest extends PlatformRequest {
  step: string;
  part: number;
}

export interface RunResult {
  /** Remote id per step (placeholders like {{campaign.id}} in a dry run). */
  ids: Record<string, string>;
  /** Steps created during this run. */
  created: string[];
  /** Steps already done before this run (idempotency / resume). */
  skipped: string[];
  /** Dry run only: every request that would be sent, in order, without the token. */
  requests: DryRunRequest[];
}

export const placeholder = (step: string) => `{{${step}.id}}`;

export function scopeIdFor(scope: Step<unknown>['scope'], o: Pick<RunOptions, 'draftId' | 'releaseId' | 'platform'>) {
  return scope === 'draft' ? o.draftId : `release:${o.releaseId}:${o.platform}`;
}

export async function runSteps<C>(steps: readonly Step<C>[], ctx: C, o: RunOptions): Promise<RunResult> {
  const result: RunResult = { ids: {}, created: [], skipped: [], requests: [] };
  for (const step of steps) {
    if (step.applies && !step.applies(ctx)) continue;
    const scopeId = scopeIdFor(step.scope, o);
    const done = await o.store.get(o.orgId, scopeId, step.name);
    if (done) {
      result.ids[step.name] = done;
      result.skipped.push(step.name);
      continue;
    }
    const requests = await withStep(step.name, () => step.build(ctx, result.ids));
    let firstId: string | undefined;
    for (const [part, req] of requests.entries()) {
      const partKey = requests.length > 1 ? `${step.name}#${part}` : undefined;
      const partDone = partKey ? await o.store.get(o.orgId, scopeId, partKey) : undefined;
      if (partDone) {
        firstId ??= partDone;
        continue;
      }
      if (o.dryRun) {
        result.requests.push({ ...req, step: step.name, part });
        firstId ??= placeholder(step.name);
        continue;
      }
      const res = await withStep(step.name, () => o.executor.execute(req));
      const id = step.idOf(res, part);
      if (partKey) await o.store.put(o.orgId, scopeId, partKey, id);
      firstId ??= id;
    }
    const id = firstId ?? placeholder(step.name);
    result.ids[step.name] = id;
    if (!o.dryRun) {
      await o.store.put(o.orgId, scopeId, step.name, id);
      result.created.push(step.name);
    }
  }
  return result;
}

/** Tags any error with the step it came from, so the message can say where the send stopped. */
export async function withStep<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PlatformError && !err.details.step) (err.details as { step?: string }).step = step;
    throw err;
  }
}
