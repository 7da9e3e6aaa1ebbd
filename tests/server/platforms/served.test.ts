import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendDraft } from '../../../server/platforms/send.ts';
import { configFromEnv } from '../../../server/platforms/config.ts';
import { MemorySendStore, MemoryTargetingCache } from '../../../server/platforms/store.ts';
import {
  LINKEDIN_FAKE_TOKEN,
  META_FAKE_TOKEN,
  metaErrors,
  startPlatformFakes,
  type RunningPlatformFakes,
} from '../../fakes/index.ts';
import { hashes, linkedInDraft, metaDraft, NOW, settings } from './helpers.ts';

/**
 * The same library over real HTTP: both fakes on 127.0.0.1 (as the lead's e2e runs them), the library
 * configured from the environment the start function hands back, the global fetch, no in-process shortcut.
 */
describe('send over HTTP to the fakes on 127.0.0.1', () => {
  let fakes: RunningPlatformFakes;
  beforeAll(async () => {
    fakes = await startPlatformFakes();
  });
  afterAll(() => fakes.close());

  test('both platforms end to end, a mid-way failure and a retry, objects exactly once', async () => {
    const cfg = configFromEnv(fakes.env);
    expect(cfg.meta.graphBase).toBe(fakes.meta.url);
    const store = new MemorySendStore();
    const deps = {
      meta: cfg.meta,
      linkedin: cfg.linkedin,
      clock: () => NOW,
      cache: new MemoryTargetingCache(),
      retry: { sleep: async () => {} },
    };

    fakes.meta.inject({ method: 'POST', path: /\/ads$/, respond: metaErrors.server() });
    const meta = {
      orgId: 'org-e2e',
      draft: metaDraft(),
      settings: settings(),
      token: META_FAKE_TOKEN,
      store,
      deps,
      mediaList: { name: 'L', hashes: hashes(10) },
    };
    await expect(sendDraft(meta)).rejects.toMatchObject({ details: { step: 'ad' } });
    await sendDraft(meta);
    expect(fakes.meta.counts()).toEqual({
      customAudience: 1,
      audienceUsersBatch: 1,
      campaign: 1,
      adset: 1,
      creative: 1,
      ad: 1,
    });

    const li = {
      orgId: 'org-e2e',
      draft: linkedInDraft(),
      settings: settings({ countries: ['United States'] }),
      token: LINKEDIN_FAKE_TOKEN,
      store,
      deps,
    };
    await sendDraft(li);
    await sendDraft(li);
    expect(fakes.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
  });
});
