import type { LinkedInDraft, MetaDraft } from '../../../utils/contract/draft.ts';
import { hashEmail } from '../../../server/platforms/hash.ts';
import { MemorySendStore, MemoryTargetingCache } from '../../../server/platforms/store.ts';
import type { SendDeps, SendDraftInput } from '../../../server/platforms/send.ts';
import type { SendSettings } from '../../../server/platforms/types.ts';
import type { JsonBody } from '../../fakes/common.ts';
import {
  createLinkedInFake,
  createMetaFake,
  inProcessFetch,
  LINKEDIN_FAKE_TOKEN,
  META_FAKE_TOKEN,
} from '../../fakes/index.ts';

export const META_BASE = 'http://meta.fake';
export const LINKEDIN_BASE = 'http://linkedin.fake';
export const NOW = new Date('2026-11-23T12:00:00Z');

const base = {
  releaseId: 'rel-1',
  angle: 'news' as const,
  rationale: 'Lead with the news.',
  status: 'approved' as const,
  destination: 'https://example.com/news/launch',
  utm: { source: 'facebook', medium: 'paid_social', campaign: 'launch', content: 'news' },
  url: 'https://example.com/news/launch?utm_source=facebook&utm_medium=paid_social',
  imageUrl: 'https://example.com/img/launch.jpg',
  audience: 'journalists' as const,
  mediaListId: null,
  createdAt: '2026-11-23T10:00:00Z',
  updatedAt: '2026-11-23T10:00:00Z',
  remote: {},
};

export function metaDraft(over: Partial<MetaDraft> = {}): MetaDraft {
  return {
    ...base,
    id: 'draft-meta-1',
    platform: 'meta',
    primaryText: 'Acme launches the first solar-powered newsroom.',
    headline: 'Acme powers newsrooms with sunlight',
    description: 'Read the announcement',
    cta: 'Learn more',
    ...over,
  };
}

export function linkedInDraft(over: Partial<LinkedInDraft> = {}): LinkedInDraft {
  return {
    ...base,
    id: 'draft-li-1',
    platform: 'linkedin',
    introText: 'Acme launches the first solar-powered newsroom.',
    headline: 'Acme powers newsrooms with sunlight',
    description: 'Read the announcement',
    cta: 'LEARN_MORE',
    ...over,
  };
}

export function settings(over: Partial<SendSettings> = {}): SendSettings {
  return {
    adAccountId: '1234567890',
    currency: 'USD',
    dailyBudget: 50,
    startTime: '2026-11-24T09:00:00-05:00',
    endTime: '2026-11-26T09:00:00-05:00',
    campaignName: 'Acme launch',
    countries: ['US'],
    meta: { pageId: '998877', objective: 'OUTCOME_TRAFFIC' },
    linkedin: { organizationId: '5515715', objectiveType: 'WEBSITE_VISIT', costType: 'CPM' },
    ...over,
  };
}

export const hashes = (n: number, prefix = 'reporter') =>
  Array.from({ length: n }, (_, i) => hashEmail(`${prefix}${i}@example.com`));

/** One fake of each platform, in-process, plus deps that point the library at them with a recording sleep. */
export function harness() {
  const meta = createMetaFake();
  const linkedin = createLinkedInFake();
  const sleeps: number[] = [];
  const metaFetch = inProcessFetch(meta.app);
  const liFetch = inProcessFetch(linkedin.app);
  const deps: SendDeps = {
    // One fetch for both hosts, as the real server has.
    fetch: (url, init) => (url.startsWith(META_BASE) ? metaFetch(url, init) : liFetch(url, init)),
    retry: { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 100 },
    clock: () => NOW,
    cache: new MemoryTargetingCache(),
    meta: { graphBase: META_BASE, dialogBase: META_BASE },
    linkedin: { apiBase: LINKEDIN_BASE, oauthBase: LINKEDIN_BASE },
  };
  const store = new MemorySendStore();
  const metaInput = (over: Partial<SendDraftInput> = {}): SendDraftInput => ({
    orgId: 'org-1',
    draft: metaDraft(),
    settings: settings(),
    token: META_FAKE_TOKEN,
    store,
    deps,
    ...over,
  });
  const linkedInInput = (over: Partial<SendDraftInput> = {}): SendDraftInput => ({
    orgId: 'org-1',
    draft: linkedInDraft(),
    settings: settings({ countries: ['United States'] }),
    token: LINKEDIN_FAKE_TOKEN,
    store,
    deps,
    ...over,
  });
  return { meta, linkedin, deps, store, sleeps, metaInput, linkedInInput };
}

/** Bodies of POSTs whose path ends with `suffix`, as the fake received them. */
export function posted(ledger: { requests: { method: string; path: string; body: unknown }[] }, suffix: string) {
  return ledger.requests.filter((r) => r.method === 'POST' && r.path.endsWith(suffix)).map((r) => r.body as JsonBody);
}
