import type { MetaConfig } from '../config.ts';
import type { ErrorRules } from '../executor.ts';
import { META } from './profile.ts';
import type { Executor } from '../pipeline.ts';
import type { TargetingCache } from '../store.ts';
import { isMetaThrottle, metaError, metaErrorOf, metaRetryAfterMs } from './errors.ts';
import { searchTargeting } from './requests.ts';

export const META_RULES: ErrorRules = {
  platform: META.id,
  label: META.label,
  throttleWaitMs: (res) => (isMetaThrottle(metaErrorOf(res.body)) ? (metaRetryAfterMs(res.headers) ?? 0) : false),
  toError: (res) => metaError(res.status, res.body),
};

interface SearchHit {
  id: string;
  name: string;
}

/**
 * Resolves preset names to Meta targeting ids through GET /search, cached per organisation. The best hit
 * is the exact (case-insensitive) name match, else Meta's first suggestion; names with no hit are dropped
 * rather than guessed.
 */
export function metaResolver(o: { cfg: MetaConfig; executor: Executor; cache: TargetingCache; orgId: string }) {
  return async (type: 'adinterest' | 'adworkposition', names: string[]) => {
    const out: SearchHit[] = [];
    for (const name of names) {
      const key = `${o.orgId}:meta:${type}:${name.toLowerCase()}`;
      let hit = (await o.cache.get(key)) as SearchHit | null | undefined;
      if (hit === undefined) {
        const res = await o.executor.execute(searchTargeting(o.cfg, type, name));
        const data = ((res.body as { data?: SearchHit[] }).data ?? []).map((d) => ({ id: String(d.id), name: d.name }));
        hit = data.find((d) => d.name.toLowerCase() === name.toLowerCase()) ?? data[0] ?? null;
        await o.cache.set(key, hit);
      }
      if (hit && !out.some((h) => h.id === hit!.id)) out.push(hit);
    }
    return out;
  };
}
