import { describe, expect, test } from 'vitest';
import { sendDraft } from '../../../server/platforms/send.ts';
import { PlatformError } from '../../../server/platforms/errors.ts';
import { DEFAULT_AUDIENCES } from '../../../server/platforms/audiences.ts';
import { validateLinkedInTargeting } from '../../../server/platforms/linkedin/targeting.ts';
import { linkedInErrors, LINKEDIN_ENTITIES } from '../../fakes/index.ts';
import { harness, hashes, linkedInDraft, posted, settings } from './helpers.ts';

const catchErr = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as PlatformError,
  );
const urn = (facet: string, name: string) => LINKEDIN_ENTITIES[facet]!.find((e) => e.name === name)!.urn;

describe('LinkedIn send against the contract fake', () => {
  test('happy path: segment, campaign group, campaign, dark post, creative — all DRAFT, exactly once', async () => {
    const h = harness();
    const res = await sendDraft(h.linkedInInput({ mediaList: { name: 'Tech reporters', hashes: hashes(400) } }));

    expect(h.linkedin.counts()).toEqual({
      segment: 1,
      segmentUsersBatch: 1,
      campaignGroup: 1,
      campaign: 1,
      post: 1,
      creative: 1,
    });
    expect(res.created).toEqual(['segment', 'segmentUsers', 'campaignGroup', 'campaign', 'post', 'creative']);

    for (const r of h.linkedin.ledger.requests) {
      expect(r.headers['linkedin-version']).toBe('202603');
      expect(r.headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(r.headers.authorization).toBe('Bearer linkedin-test-token');
    }

    const [group] = posted(h.linkedin.ledger, '/adCampaignGroups');
    expect(group).toMatchObject({ account: 'urn:li:sponsoredAccount:1234567890', status: 'DRAFT' });

    const [campaign] = posted(h.linkedin.ledger, '/adCampaigns');
    expect(campaign).toMatchObject({
      campaignGroup: `urn:li:sponsoredCampaignGroup:${res.ids.campaignGroup}`,
      type: 'SPONSORED_UPDATES',
      objectiveType: 'WEBSITE_VISIT',
      costType: 'CPM',
      dailyBudget: { amount: '50.00', currencyCode: 'USD' },
      locale: { country: 'US', language: 'en' },
      status: 'DRAFT',
    });
    const titles = DEFAULT_AUDIENCES.journalists.linkedin.titles!.map((t) => urn('urn:li:adTargetingFacet:titles', t));
    expect(campaign!.targetingCriteria).toEqual({
      include: {
        and: [
          { or: { 'urn:li:adTargetingFacet:locations': ['urn:li:geo:103644278'] } },
          { or: { 'urn:li:adTargetingFacet:titles': titles } },
        ],
      },
    });

    const [post] = posted(h.linkedin.ledger, '/posts');
    expect(post).toMatchObject({
      author: 'urn:li:organization:5515715',
      commentary: linkedInDraft().introText,
      distribution: { feedDistribution: 'NONE' },
      content: {
        article: {
          source: linkedInDraft().url,
          title: linkedInDraft().headline,
          description: linkedInDraft().description,
        },
      },
      contentLandingPage: linkedInDraft().url,
      contentCallToActionLabel: 'LEARN_MORE',
      adContext: { dscAdAccount: 'urn:li:sponsoredAccount:1234567890' },
    });

    const [creative] = posted(h.linkedin.ledger, '/creatives');
    expect(creative).toEqual({
      campaign: `urn:li:sponsoredCampaign:${res.ids.campaign}`,
      content: { reference: res.ids.post },
      intendedStatus: 'DRAFT',
    });
    expect(res.ids.post).toMatch(/^urn:li:share:\d+$/);

    const [users] = posted(h.linkedin.ledger, '/users');
    expect(users!.elements[0]).toEqual({ action: 'ADD', userIds: [{ idType: 'SHA256_EMAIL', idValue: hashes(1)[0] }] });
    const batch = h.linkedin.ledger.requests.find((r) => r.path.endsWith('/users'))!;
    expect(batch.headers['x-restli-method']).toBe('BATCH_CREATE');

    expect(res.remote.link).toBe(
      `https://www.linkedin.com/campaignmanager/accounts/1234567890/campaigns/${res.ids.campaign}/details`,
    );
  });

  test('sending twice never duplicates', async () => {
    const h = harness();
    const first = await sendDraft(h.linkedInInput());
    const lookups = h.linkedin.lookups.length;
    const second = await sendDraft(h.linkedInInput());
    expect(second.created).toEqual([]);
    expect(second.ids).toEqual(first.ids);
    expect(h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
    expect(h.linkedin.lookups.length).toBe(lookups);
  });

  test('each variant gets its own dark post and DRAFT creative in the shared campaign', async () => {
    const h = harness();
    await sendDraft(h.linkedInInput());
    await sendDraft(h.linkedInInput({ draft: linkedInDraft({ id: 'draft-li-2', angle: 'quote' }) }));
    expect(h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 2, creative: 2 });
  });

  test.each([
    ['campaignGroup', /\/adCampaignGroups$/, []],
    ['campaign', /\/adCampaigns$/, ['campaignGroup']],
    ['post', /\/posts$/, ['campaignGroup', 'campaign']],
    ['creative', /\/creatives$/, ['campaignGroup', 'campaign', 'post']],
  ])('failure at %s, then resume: every object exists exactly once', async (step, path, before) => {
    const h = harness();
    h.linkedin.inject({ method: 'POST', path, respond: linkedInErrors.server() });
    const err = await catchErr(sendDraft(h.linkedInInput()));
    expect(err.details.step).toBe(step);
    expect(Object.keys(h.linkedin.counts())).toEqual(before);
    const resumed = await sendDraft(h.linkedInInput());
    expect(resumed.skipped).toEqual(before);
    expect(h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
  });

  test('HTTP 429 → backoff, then success', async () => {
    const h = harness();
    h.linkedin.inject({ method: 'POST', path: /\/posts$/, times: 3, respond: linkedInErrors.throttle() });
    const res = await sendDraft(h.linkedInInput());
    expect(res.created).toContain('post');
    expect(h.sleeps).toEqual([100, 200, 400]);
    expect(h.linkedin.counts()).toEqual({ campaignGroup: 1, campaign: 1, post: 1, creative: 1 });
  });

  test('HTTP 429 past the retry budget → a human message', async () => {
    const h = harness();
    h.linkedin.inject({ method: 'POST', path: /\/adCampaigns$/, times: 99, respond: linkedInErrors.throttle() });
    const err = await catchErr(sendDraft(h.linkedInInput()));
    expect(err.kind).toBe('throttled');
    expect(err.message).toMatch(/^LinkedIn is rate-limiting/);
    expect(h.sleeps).toHaveLength(4);
  });

  test('expired token → reconnect LinkedIn', async () => {
    const h = harness();
    h.linkedin.inject({ path: /adTargetingEntities|adCampaignGroups/, respond: linkedInErrors.expiredToken() });
    const err = await catchErr(sendDraft(h.linkedInInput()));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/reconnect LinkedIn/);
  });

  test('an unknown token is an auth error too', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.linkedInInput({ token: 'nope' })));
    expect(err.kind).toBe('auth');
  });

  test('missing rw_dmp_segments → names the permission, nothing created', async () => {
    const h = harness();
    h.linkedin.tokens.set('no-dmp', { scopes: ['rw_ads', 'w_organization_social'] });
    const err = await catchErr(
      sendDraft(h.linkedInInput({ token: 'no-dmp', mediaList: { name: 'List', hashes: hashes(5) } })),
    );
    expect(err.kind).toBe('permission');
    expect(err.details.permission).toBe('rw_dmp_segments');
    expect(err.message).toContain('"rw_dmp_segments"');
    expect(h.linkedin.counts()).toEqual({});
  });

  test('missing w_organization_social stops at the dark post', async () => {
    const h = harness();
    h.linkedin.tokens.set('no-posts', { scopes: ['rw_ads'] });
    const err = await catchErr(sendDraft(h.linkedInInput({ token: 'no-posts' })));
    expect(err.details).toMatchObject({ permission: 'w_organization_social', step: 'post' });
  });

  test.each([
    ['/commentary', 'introText', 'intro text'],
    ['/content/article/title', 'headline', 'headline'],
    ['/content/article/description', 'description', 'description'],
    ['/contentLandingPage', 'url', 'link'],
  ])('invalid field %s → names the draft field %s', async (path, field, label) => {
    const h = harness();
    h.linkedin.inject({ method: 'POST', path: /\/posts$/, respond: linkedInErrors.invalidField(path, 'is too long') });
    const err = await catchErr(sendDraft(h.linkedInInput()));
    expect(err.details.draftField).toBe(field);
    expect(err.message).toBe(`LinkedIn rejected the ${label}: is too long`);
  });

  test('the fake’s own validation: an unknown CTA label is reported on the call to action', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.linkedInInput({ draft: linkedInDraft({ cta: 'Book now' }) })));
    expect(err.details.draftField).toBe('cta');
  });

  test('matched-audience users go in bounded batches', async () => {
    const h = harness();
    await sendDraft(h.linkedInInput({ mediaList: { name: 'List', hashes: hashes(12_001) } }));
    expect(posted(h.linkedin.ledger, '/users').map((b) => b.elements.length)).toEqual([5_000, 5_000, 2_001]);
    expect([...h.linkedin.segmentUsers.values()][0]).toHaveLength(12_001);
  });

  test('dry run: exact requests with headers minus the token, nothing created', async () => {
    const h = harness();
    const res = await sendDraft(h.linkedInInput({ dryRun: true }));
    expect(h.linkedin.counts()).toEqual({});
    expect(res.requests.map((r) => r.step)).toEqual(['campaignGroup', 'campaign', 'post', 'creative']);
    for (const r of res.requests) {
      expect(r.headers).toEqual({ 'LinkedIn-Version': '202603', 'X-Restli-Protocol-Version': '2.0.0' });
      expect(JSON.stringify(r)).not.toContain('linkedin-test-token');
    }
    expect(res.requests.at(-1)!.body).toEqual({
      campaign: 'urn:li:sponsoredCampaign:{{campaign.id}}',
      content: { reference: '{{post.id}}' },
      intendedStatus: 'DRAFT',
    });
  });

  test('LinkedIn-Version is configurable', async () => {
    const h = harness();
    await sendDraft(h.linkedInInput({ deps: { ...h.deps, linkedin: { ...h.deps.linkedin, version: '202606' } } }));
    expect(new Set(h.linkedin.ledger.requests.map((r) => r.headers['linkedin-version']))).toEqual(new Set(['202606']));
  });

  test('pundits: function + seniority (closed lists) resolve and pass', async () => {
    const h = harness();
    const res = await sendDraft(h.linkedInInput({ draft: linkedInDraft({ audience: 'pundits' }) }));
    const [campaign] = posted(h.linkedin.ledger, '/adCampaigns');
    expect(campaign!.targetingCriteria.include.and).toEqual([
      { or: { 'urn:li:adTargetingFacet:locations': ['urn:li:geo:103644278'] } },
      { or: { 'urn:li:adTargetingFacet:jobFunctions': ['urn:li:function:16'] } },
      { or: { 'urn:li:adTargetingFacet:seniorities': ['urn:li:seniority:4', 'urn:li:seniority:6'] } },
    ]);
    expect(res.created).toContain('creative');
  });
});

describe('LinkedIn targeting rules (refused locally, before any request)', () => {
  const mixed = {
    ...DEFAULT_AUDIENCES,
    journalists: { ...DEFAULT_AUDIENCES.journalists, linkedin: { titles: ['Journalist'], seniorities: ['Senior'] } },
  };

  test('titles + seniorities is refused with a clear message and no request', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.linkedInInput({ audiences: mixed })));
    expect(err.kind).toBe('targeting');
    expect(err.details.draftField).toBe('audience');
    expect(err.message).toBe(
      'LinkedIn does not allow job titles together with job functions or seniorities: target titles alone, or a function with seniorities.',
    );
    expect(h.linkedin.ledger.requests).toHaveLength(0);
  });

  test('no location is refused', async () => {
    const h = harness();
    const err = await catchErr(sendDraft(h.linkedInInput({ settings: settings({ countries: [] }) })));
    expect(err.message).toMatch(/LinkedIn needs at least one location/);
    expect(h.linkedin.ledger.requests).toHaveLength(0);
  });

  test('names that resolve to nothing are refused rather than widened', async () => {
    const h = harness();
    const odd = {
      ...DEFAULT_AUDIENCES,
      journalists: { ...DEFAULT_AUDIENCES.journalists, linkedin: { titles: ['Chief Vibes Officer'] } },
    };
    const err = await catchErr(sendDraft(h.linkedInInput({ audiences: odd })));
    expect(err.kind).toBe('targeting');
    expect(h.linkedin.counts()).toEqual({});
  });

  test.each([
    [{ locations: ['urn:li:geo:1'], titles: ['urn:li:title:1'] }, true],
    [{ locations: ['urn:li:geo:1'], functions: ['urn:li:function:16'], seniorities: ['urn:li:seniority:4'] }, true],
    [{ locations: ['urn:li:geo:1'], titles: ['urn:li:title:1'], functions: ['urn:li:function:16'] }, false],
    [{ locations: ['urn:li:geo:1'], titles: ['urn:li:title:1'], seniorities: ['urn:li:seniority:4'] }, false],
    [{ locations: [], titles: ['urn:li:title:1'] }, false],
  ])('validateLinkedInTargeting(%j) ok=%s', (t, ok) => {
    if (ok) expect(() => validateLinkedInTargeting(t)).not.toThrow();
    else expect(() => validateLinkedInTargeting(t)).toThrow(PlatformError);
  });

  test('the fake enforces the same rules if a client skipped them', async () => {
    const h = harness();
    const headers = {
      Authorization: 'Bearer linkedin-test-token',
      'LinkedIn-Version': '202603',
      'X-Restli-Protocol-Version': '2.0.0',
      'Content-Type': 'application/json',
    };
    const g = await h.linkedin.app.request('http://linkedin.fake/rest/adAccounts/1/adCampaignGroups', {
      method: 'POST',
      headers,
      body: JSON.stringify({ account: 'urn:li:sponsoredAccount:1', name: 'g', status: 'DRAFT' }),
    });
    const groupId = g.headers.get('x-restli-id');
    const res = await h.linkedin.app.request('http://linkedin.fake/rest/adAccounts/1/adCampaigns', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        account: 'urn:li:sponsoredAccount:1',
        campaignGroup: `urn:li:sponsoredCampaignGroup:${groupId}`,
        name: 'c',
        type: 'SPONSORED_UPDATES',
        objectiveType: 'WEBSITE_VISIT',
        costType: 'CPM',
        dailyBudget: { amount: '50.00', currencyCode: 'USD' },
        locale: { country: 'US', language: 'en' },
        status: 'ACTIVE',
        targetingCriteria: {
          include: { and: [{ or: { 'urn:li:adTargetingFacet:locations': ['urn:li:geo:103644278'] } }] },
        },
      }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/only create campaigns as DRAFT/);
  });
});
