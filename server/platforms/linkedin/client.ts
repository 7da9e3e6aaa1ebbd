import type { LinkedInConfig } from '../config.ts';
import { PlatformError } from '../errors.ts';
import type { ErrorRules } from '../executor.ts';
import { LINKEDIN } from './profile.ts';
import type { Executor } from '../pipeline.ts';
import type { TargetingCache } from '../store.ts';
import { linkedInError, linkedInThrottleWaitMs } from './errors.ts';
import { facetEntities, typeahead } from './requests.ts';
import { FACET, FACET_FINDER } from './targeting.ts';

export const LINKEDIN_RULES: ErrorRules = {
  platform: LINKEDIN.id,
  label: LINKEDIN.label,
  throttleWaitMs: (res) => linkedInThrottleWaitMs(res.status, res.headers),
  toError: (res) => linkedInError(res.status, res.body),
};

export type FacetKey = keyof typeof FACET_FINDER;

interface Entity {
  urn: string;
  name: string;
}

/**
 * Names → URNs through adTargetingEntities, cached per organisation. Typeahead facets take the exact
 * (case-insensitive) match or LinkedIn's first suggestion; closed-list facets must match exactly.
 * A preset whose names all fail to resolve is refused rather than silently widened.
 */
export function linkedInResolver(o: { cfg: LinkedInConfig; executor: Executor; cache: TargetingCache; orgId: string }) {
  return async (facetKey: FacetKey, names: string[]): Promise<string[]> => {
    const facet = FACET[facetKey];
    const urns: string[] = [];
    for (const name of names) {
      if (name.startsWith('urn:li:')) {
        urns.push(name);
        continue;
      }
      const key = `${o.orgId}:linkedin:${facetKey}:${name.toLowerCase()}`;
      let urn = (await o.cache.get(key)) as string | null | undefined;
      if (urn === undefined) {
        const closedList = FACET_FINDER[facetKey] === 'adTargetingFacet';
        const req = closedList ? facetEntities(o.cfg, facet) : typeahead(o.cfg, facet, name);
        const res = await o.executor.execute(req);
        const elements = ((res.body as { elements?: Entity[] }).elements ?? []).filter((e) => e.urn);
        const exact = elements.find((e) => e.name.toLowerCase() === name.toLowerCase());
        urn = (exact ?? (closedList ? undefined : elements[0]))?.urn ?? null;
        await o.cache.set(key, urn);
      }
      if (urn && !urns.includes(urn)) urns.push(urn);
    }
    if (names.length && !urns.length) {
      throw new PlatformError(
        'linkedin',
        'targeting',
        `LinkedIn found none of these ${facetKey}: ${names.join(', ')}.`,
        {
          draftField: 'audience',
        },
      );
    }
    return urns;
  };
}
