import { describe, expect, test } from 'vitest';
import { sendDraft } from '../../../server/platforms/send.ts';
import { PlatformError } from '../../../server/platforms/errors.ts';
import { metaErrors, META_TARGETING } from '../../fakes/index.ts';
import type { JsonBody } from '../../fakes/common.ts';
import { harness, hashes, metaDraft, posted, settings } from './helpers.ts';

const catchErr = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as PlatformError,
  );

describe('Meta send against the contract fake', () => {
  test('happy path: audience, campaign, ad set, creative, ad — all PAUSED, exactly once', async () => {
    const h = harness();
    const res = await sendDraft(h.metaInput({ mediaList: { name: 'Tech reporters', hashes: hashes(150) } }));

    expect(h.meta.counts()).toEqual({
      customAudience: 1,
      audienceUsersBatch: 1,
      campaign: 1,
      adset: 1,
      creative: 1,
      ad: 1,
    });
    expect(res.created).toEqual(['audience', 'audienceUsers', 'campaign', 'adset', 'creative', 'ad']);

    const [campaign] = posted(h.meta.ledger, '/campaigns');
    expect(campaign).toMatchObject({
      objective: 'OUTCOME_TRAFFIC',
      special_ad_categories: [],
      is_adset_budget_sharing_enabled: false,
      status: 'PAUSED',
    });

    const [adset] = posted(h.meta.ledger, '/adsets');
    expect(adset!.daily_budget).toBe(5000);
    expect(adset).toMatchObject({
      campaign_id: res.ids.campaign,
      start_time: '2026-11-24T09:00:00-05:00',
      end_time: '2026-11-26T09:00:00-05:00',
      billing_event: 'IMPRESSIONS',
      optimization_goal: 'LINK_CLICKS',
      bid_strategy: 'LOWEST_COST_WITHOUT_CAP',
      status: 'PAUSED',
    });
    const journalism = META_TARGETING.adinterest.find((e) => e.name === 'Journalism')!;
    expect(adset!.targeting).toMatchObject({
      geo_locations: { countries: ['US'] },
      targeting_automation: { advantage_audience: 0 },
      custom_audiences: [{ id: res.ids.audience }],
    });
    expect(adset!.targeting.flexible_spec[0].interests).toEqual([journalism]);
    expect(adset!.targeting.flexible_spec[0].work_positions.map((w: { name: string }) => w.name)).toEqual([
      'Journalist',
      'Reporter',
      'Editor',
    ]);

    const [creative] = posted(h.meta.ledger, '/adcreatives');
    const ld = creative!.object_story_spec.link_data;
    expect(creative!.object_story_spec.page_id).toBe('998877');
    expect(ld).toMatchObject({
      message: metaDraft().primaryText,
      name: metaDraft().headline,
      description: metaDraft().description,
      link: metaDraft().url,
      picture: metaDraft().imageUrl,
      call_to_action: { type: 'LEARN_MORE', value: { link: metaDraft().url } },
    });

    const [ad] = posted(h.meta.ledger, '/ads');
    expect(ad).toMatchObject({
      adset_id: res.ids.adset,
      creative: { creative_id: res.ids.creative },
      status: 'PAUSED',
    });

    const [users] = posted(h.meta.ledger, '/users');
    expect(users!.payload.schema).toBe('EMAIL_SHA256');
    expect(h.meta.audienceUsers.get(res.ids.audience!)).toHaveLength(150);

    expect(res.remote.link).toBe(
      `https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1234567890&selected_campaign_ids=${res.ids.campaign}`,
    );
    // The token travels in the Authorization header only, never in a URL.
    expect(h.meta.ledger.requests.every((r) => r.headers.authorization === 'Bearer meta-test-token')).toBe(true);
    expect(h.meta.ledger.requests.some((r) => JSON.stringify(r.query).includes('meta-test-token'))).toBe(false);
  });

  test('sending twice never duplicates; targeting look-ups are cached per org', async () => {
    const h = harness();
    const first = await sendDraft(h.metaInput());
    const searches = h.meta.searches.length;
    const second = await sendDraft(h.metaInput());
    expect(h.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 1, ad: 1 });
    expect(second.created).toEqual([]);
    expect(second.skipped).toEqual(['campaign', 'adset', 'creative', 'ad']);
    expect(second.ids).toEqual(first.ids);
    expect(h.meta.searches.length).toBe(searches);
  });

  test('a second variant of the same release shares campaign and ad set, adds its own creative and ad', async () => {
    const h = harness();
    await sendDraft(h.metaInput());
    const quote = await sendDraft(
      h.metaInput({ draft: metaDraft({ id: 'draft-meta-2', angle: 'quote', headline: 'What the CEO said' }) }),
    );
    expect(quote.created).toEqual(['creative', 'ad']);
    expect(h.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 2, ad: 2 });
  });

  test('two variants sent at the same time still share one campaign and one ad set', async () => {
    const h = harness();
    await Promise.all([
      sendDraft(h.metaInput()),
      sendDraft(h.metaInput({ draft: metaDraft({ id: 'draft-meta-2', angle: 'quote' }) })),
      sendDraft(h.metaInput()),
    ]);
    expect(h.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 2, ad: 2 });
  });

  test.each([
    ['campaign', /\/campaigns$/, []],
    ['adset', /\/adsets$/, ['campaign']],
    ['creative', /\/adcreatives$/, ['campaign', 'adset']],
    ['ad', /\/ads$/, ['campaign', 'adset', 'creative']],
  ])('failure at %s, then resume: every object exists exactly once', async (step, path, before) => {
    const h = harness();
    h.meta.inject({ method: 'POST', path, respond: metaErrors.server() });
    const err = await catchErr(sendDraft(h.metaInput()));
    expect(err).toBeInstanceOf(PlatformError);
    expect(err.details.step).toBe(step);
    expect(Object.keys(h.meta.counts())).toEqual(before);

    const resumed = await sendDraft(h.metaInput());
    expect(resumed.skipped).toEqual(before);
    expect(h.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 1, ad: 1 });
  });

  test('failure in the middle of audience batches resumes with the missing batches only', async () => {
    const h = harness();
    h.meta.inject({ method: 'POST', path: /\/users$/, times: 1, respond: metaErrors.server() });
    // First batch fails → nothing uploaded; then make the 2nd batch fail on the retry.
    await catchErr(sendDraft(h.metaInput({ mediaList: { name: 'List', hashes: hashes(25_001) } })));
    expect(h.meta.counts()).toEqual({ customAudience: 1 });
    let calls = 0;
    const origFetch = h.deps.fetch!;
    const flaky = {
      ...h.deps,
      fetch: (url: string, init: RequestInit) => {
        if (url.endsWith('/users') && ++calls === 2)
          return Promise.resolve(new Response(JSON.stringify(metaErrors.server().body), { status: 500 }));
        return origFetch(url, init);
      },
    };
    await catchErr(sendDraft(h.metaInput({ deps: flaky, mediaList: { name: 'List', hashes: hashes(25_001) } })));
    expect(h.meta.counts()).toEqual({ customAudience: 1, audienceUsersBatch: 1 });
    await sendDraft(h.metaInput({ mediaList: { name: 'List', hashes: hashes(25_001) } }));
    expect(h.meta.counts()).toMatchObject({ customAudience: 1, audienceUsersBatch: 3, campaign: 1, ad: 1 });
    expect(h.meta.audienceUsers.get([...h.meta.audienceUsers.keys()][0]!)).toHaveLength(25_001);
  });

  test('custom-audience users go in batches of at most 10,000', async () => {
    const h = harness();
    await sendDraft(h.metaInput({ mediaList: { name: 'Big list', hashes: hashes(25_001) } }));
    const sizes = posted(h.meta.ledger, '/users').map((b) => b.payload.data.length);
    expect(sizes).toEqual([10_000, 10_000, 5_001]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10_000);
  });

  test('the fake itself refuses a batch over 10,000 rows', async () => {
    const h = harness();
    const audience = await h.meta.app.request('http://meta.fake/v25.0/act_1/customaudiences', {
      method: 'POST',
      headers: { Authorization: 'Bearer meta-test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' }),
    });
    const { id } = (await audience.json()) as { id: string };
    const res = await h.meta.app.request(`http://meta.fake/v25.0/${id}/users`, {
      method: 'POST',
      headers: { Authorization: 'Bearer meta-test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ payload: { schema: 'EMAIL_SHA256', data: hashes(10_001) } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  test('throttling (code 17 with X-Business-Use-Case-Usage) backs off for the time Meta asks, then succeeds', async () => {
    const h = harness();
    h.meta.inject({ method: 'POST', path: /\/adsets$/, times: 2, respond: metaErrors.throttle(17, 2) });
    const res = await sendDraft(h.metaInput());
    expect(res.created).toContain('adset');
    expect(h.sleeps).toEqual([120_000, 120_000]);
    expect(h.meta.counts()).toEqual({ campaign: 1, adset: 1, creative: 1, ad: 1 });
  });

  test.each([613, 80000, 80004, 80014])('code %i counts as throttling', async (code) => {
    const h = harness();
    h.meta.inject({ method: 'POST', path: /\/campaigns$/, respond: metaErrors.throttle(code) });
    await sendDraft(h.metaInput());
    expect(h.sleeps).toEqual([100]);
  });

  test('throttling beyond the retry budget stops with a human message and resumes later', async () => {
    const h = harness();
    h.meta.inject({
      method: 'POST',
      path: /\/creatives$|\/adcreatives$/,
      times: 10,
      respond: metaErrors.throttle(80004),
    });
    const err = await catchErr(
      sendDraft(h.metaInput({ deps: { ...h.deps, retry: { ...h.deps.retry, maxRetries: 2 } } })),
    );
    expect(err.kind).toBe('throttled');
    expect(err.message).toMatch(/Meta is rate-limiting.*resumes where it stopped/);
    expect(h.sleeps).toHaveLength(2);
  });

  test('expired token (code 190) → reconnect Meta', async () => {
    const h = harness();
    h.meta.tokens.set('stale', { scopes: ['ads_management'], expired: true });
    const err = await catchErr(sendDraft(h.metaInput({ token: 'stale' })));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/reconnect Meta/);
    expect(h.meta.counts()).toEqual({});
  });

  test('missing permission names it', async () => {
    const h = harness();
    h.meta.tokens.set('readonly', { scopes: ['ads_read'] });
    const err = await catchErr(sendDraft(h.metaInput({ token: 'readonly' })));
    expect(err.kind).toBe('permission');
    expect(err.details.permission).toBe('ads_management');
    expect(err.message).toContain('"ads_management"');
  });

  test.each([
    [['object_story_spec', 'link_data', 'name'], 'headline', 'headline'],
    [['object_story_spec', 'link_data', 'message'], 'primaryText', 'primary text'],
    [['object_story_spec', 'link_data', 'description'], 'description', 'description'],
    [['object_story_spec', 'link_data', 'picture'], 'imageUrl', 'image'],
  ])('invalid field %j → names the draft field %s', async (path, field, label) => {
    const h = harness();
    h.meta.inject({
      method: 'POST',
      path: /\/adcreatives$/,
      respond: metaErrors.invalidField(path, 'Text contains a banned word.'),
    });
    const err = await catchErr(sendDraft(h.metaInput()));
    expect(err.kind).toBe('field');
    expect(err.details.draftField).toBe(field);
    expect(err.message).toBe(`Meta rejected the ${label}: Text contains a banned word.`);
  });

  test('the fake’s own validation: an unsupported CTA is reported on the call to action', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.metaInput({ draft: metaDraft({ cta: 'Book now' }) })));
    expect(err.details.draftField).toBe('cta');
    expect(err.message).toMatch(/^Meta rejected the call to action: Call to action BOOK_NOW/);
  });

  test('dry run returns the exact requests without the token and creates nothing', async () => {
    const h = harness();
    const res = await sendDraft(h.metaInput({ dryRun: true, mediaList: { name: 'List', hashes: hashes(3) } }));
    expect(h.meta.counts()).toEqual({});
    expect(res.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(
      [
        'POST /v25.0/act_1234567890/customaudiences',
        'POST /v25.0/{{audience.id}}/users',
        'POST /v25.0/act_1234567890/campaigns',
        'POST /v25.0/act_1234567890/adsets',
        'POST /v25.0/act_1234567890/adcreatives',
        'POST /v25.0/act_1234567890/ads',
      ].map((s) => s.replace('{{audience.id}}', encodeURI('{{audience.id}}'))),
    );
    for (const r of res.requests) {
      expect(JSON.stringify(r)).not.toContain('meta-test-token');
      expect(Object.keys(r.headers).map((k) => k.toLowerCase())).not.toContain('authorization');
    }
    const adset = res.requests.find((r) => r.step === 'adset')!.body as JsonBody;
    expect(adset.campaign_id).toBe('{{campaign.id}}');
    expect(adset.targeting.flexible_spec[0].interests[0].id).toBe(META_TARGETING.adinterest[0]!.id);
    expect(res.remote.link).toBeUndefined();
  });

  test('dry run after a partial send shows only what is left', async () => {
    const h = harness();
    h.meta.inject({ method: 'POST', path: /\/adcreatives$/, respond: metaErrors.server() });
    await catchErr(sendDraft(h.metaInput()));
    const dry = await sendDraft(h.metaInput({ dryRun: true }));
    expect(dry.skipped).toEqual(['campaign', 'adset']);
    expect(dry.requests.map((r) => r.step)).toEqual(['creative', 'ad']);
  });

  test('Graph version and base URL are configurable', async () => {
    const h = harness();
    const res = await sendDraft(
      h.metaInput({ dryRun: true, deps: { ...h.deps, meta: { ...h.deps.meta, graphVersion: 'v26.0' } } }),
    );
    expect(res.requests.every((r) => r.url.startsWith('http://meta.fake/v26.0/'))).toBe(true);
  });

  test('budgets are integers in minor units, zero-decimal currencies included', async () => {
    const h = harness();
    const res = await sendDraft(
      h.metaInput({ dryRun: true, settings: settings({ currency: 'JPY', dailyBudget: 5000 }) }),
    );
    expect((res.requests.find((r) => r.step === 'adset')!.body as { daily_budget: number }).daily_budget).toBe(5000);
    const usd = await sendDraft(h.metaInput({ dryRun: true, settings: settings({ dailyBudget: 49.99 }) }));
    expect((usd.requests.find((r) => r.step === 'adset')!.body as { daily_budget: number }).daily_budget).toBe(4999);
  });

  test.each([
    ['no offset', { startTime: '2026-11-24T09:00:00', endTime: '2026-11-26T09:00:00-05:00' }],
    ['end before start', { startTime: '2026-11-26T09:00:00-05:00', endTime: '2026-11-24T09:00:00-05:00' }],
    ['already over', { startTime: '2026-11-01T09:00:00Z', endTime: '2026-11-02T09:00:00Z' }],
  ])('schedule refused locally: %s', async (_why, times) => {
    const h = harness();
    const err = await catchErr(sendDraft(h.metaInput({ settings: settings(times) })));
    expect(err.details.draftField).toBe('schedule');
    expect(h.meta.ledger.requests).toHaveLength(0);
  });

  test('approvals on: an unapproved draft is refused before any request', async () => {
    const h = harness();
    const err = await catchErr(
      sendDraft(h.metaInput({ approvalsRequired: true, draft: metaDraft({ status: 'in_review' }) })),
    );
    expect(err.kind).toBe('not_approved');
    expect(h.meta.ledger.requests).toHaveLength(0);
  });

  test('raw e-mails are refused: only hashes leave the server', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.metaInput({ mediaList: { name: 'Oops', hashes: ['jane@example.com'] } })));
    expect(err.details.draftField).toBe('mediaList');
    expect(h.meta.ledger.requests).toHaveLength(0);
  });
});
