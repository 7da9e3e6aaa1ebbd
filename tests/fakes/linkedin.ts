import { Hono, type Context } from 'hono';
import { bearer, isSha256Hex, Ledger, readBody, type InjectedResponse, type JsonBody as Body } from './common.ts';
import { Delivery } from './delivery.ts';
import { Demographics, linkedInReportingRoutes, type LinkedInReportingOptions } from './linkedin-analytics.ts';

type Env = { Variables: { body: Body; scopes: string[] } };
type Ctx = Context<Env>;

/**
 * Contract fake of LinkedIn's versioned Marketing REST API as Wireboost uses it. Every /rest call needs
 * LinkedIn-Version (YYYYMM) and X-Restli-Protocol-Version 2.0.0; creates answer 201 with the id in
 * x-restli-id; errors are {status, serviceErrorCode, code, message}; throttling is HTTP 429 with no
 * headers. Wireboost's invariant is enforced too: only DRAFT campaign groups, campaigns and creatives.
 */
export interface LinkedInFakeOptions {
  clientId?: string;
  clientSecret?: string;
  tokens?: Record<string, { scopes: string[]; expired?: boolean }>;
  /** Scopes the consent screen grants regardless of the request (e.g. without rw_dmp_segments). */
  grantScopes?: string[];
  /** The fake's clock: demographics become visible 12–24 h after delivery by it. */
  now?: () => Date;
  reporting?: LinkedInReportingOptions;
}

export const LINKEDIN_FAKE_TOKEN = 'linkedin-test-token';
export const LINKEDIN_ALL_SCOPES = ['rw_ads', 'w_organization_social', 'rw_dmp_segments', 'r_ads_reporting'];
/** Wireboost's own per-request bound for DMP users (LinkedIn's streaming API is rate-limited per minute). */
export const LINKEDIN_MAX_USERS = 5_000;

const F = {
  locations: 'urn:li:adTargetingFacet:locations',
  titles: 'urn:li:adTargetingFacet:titles',
  functions: 'urn:li:adTargetingFacet:jobFunctions',
  seniorities: 'urn:li:adTargetingFacet:seniorities',
  segments: 'urn:li:adTargetingFacet:audienceMatchingSegments',
};

/** The targeting catalogue (URNs as LinkedIn shapes them; numbers are fake except where PLATFORMS.md reports one). */
export const LINKEDIN_ENTITIES: Record<string, { urn: string; name: string }[]> = {
  [F.locations]: [
    { urn: 'urn:li:geo:103644278', name: 'United States' },
    { urn: 'urn:li:geo:101165590', name: 'United Kingdom' },
    { urn: 'urn:li:geo:101174742', name: 'Canada' },
  ],
  [F.titles]: [
    { urn: 'urn:li:title:1573', name: 'Journalist' },
    { urn: 'urn:li:title:2105', name: 'Reporter' },
    { urn: 'urn:li:title:266', name: 'Editor' },
    { urn: 'urn:li:title:3960', name: 'Correspondent' },
    { urn: 'urn:li:title:5411', name: 'Columnist' },
    { urn: 'urn:li:title:9217', name: 'Blogger' },
    { urn: 'urn:li:title:25194', name: 'Content Creator' },
  ],
  [F.functions]: [
    { urn: 'urn:li:function:16', name: 'Media and Communication' },
    { urn: 'urn:li:function:22', name: 'Research' },
    { urn: 'urn:li:function:26', name: 'Consulting' },
  ],
  [F.seniorities]: [
    { urn: 'urn:li:seniority:4', name: 'Senior' },
    { urn: 'urn:li:seniority:5', name: 'Manager' },
    { urn: 'urn:li:seniority:6', name: 'Director' },
    { urn: 'urn:li:seniority:7', name: 'VP' },
  ],
};

/**
 * Names of member values the demographic pivots return (titles, functions, industries), for the
 * `q=urns` look-up. Industry ids follow LinkedIn's industry codes (V2 names); the rest are fake ids.
 */
export const LINKEDIN_MEMBER_VALUES: { urn: string; name: string; facetUrn: string }[] = [
  ...Object.entries(LINKEDIN_ENTITIES).flatMap(([facetUrn, list]) => list.map((e) => ({ ...e, facetUrn }))),
  { urn: 'urn:li:title:100', name: 'Software Engineer', facetUrn: F.titles },
  { urn: 'urn:li:title:101', name: 'Marketing Manager', facetUrn: F.titles },
  { urn: 'urn:li:title:102', name: 'Managing Editor', facetUrn: F.titles },
  { urn: 'urn:li:function:4', name: 'Business Development', facetUrn: F.functions },
  { urn: 'urn:li:function:8', name: 'Engineering', facetUrn: F.functions },
  { urn: 'urn:li:industry:81', name: 'Newspaper Publishing', facetUrn: 'urn:li:adTargetingFacet:industries' },
  {
    urn: 'urn:li:industry:36',
    name: 'Broadcast Media Production and Distribution',
    facetUrn: 'urn:li:adTargetingFacet:industries',
  },
  { urn: 'urn:li:industry:113', name: 'Online Audio and Video Media', facetUrn: 'urn:li:adTargetingFacet:industries' },
  { urn: 'urn:li:industry:4', name: 'Software Development', facetUrn: 'urn:li:adTargetingFacet:industries' },
  { urn: 'urn:li:industry:43', name: 'Financial Services', facetUrn: 'urn:li:adTargetingFacet:industries' },
];

const OBJECTIVES = [
  'BRAND_AWARENESS',
  'WEBSITE_VISIT',
  'ENGAGEMENT',
  'VIDEO_VIEW',
  'LEAD_GENERATION',
  'WEBSITE_CONVERSION',
  'JOB_APPLICANT',
];
const CTA_LABELS = [
  'LEARN_MORE',
  'DOWNLOAD',
  'REGISTER',
  'SUBSCRIBE',
  'SIGN_UP',
  'APPLY',
  'VIEW_QUOTE',
  'JOIN',
  'ATTEND',
  'REQUEST_DEMO',
];

export const linkedInErrors = {
  throttle: (): InjectedResponse => ({
    status: 429,
    body: {
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Resource level throttle limit for calls to this resource is reached.',
    },
  }),
  expiredToken: (): InjectedResponse => ({
    status: 401,
    body: {
      status: 401,
      serviceErrorCode: 65601,
      code: 'REVOKED_ACCESS_TOKEN',
      message: 'The token used in the request has been revoked by the user',
    },
  }),
  missingPermission: (resource = 'dmpSegments', method = 'CREATE'): InjectedResponse => ({
    status: 403,
    body: {
      status: 403,
      serviceErrorCode: 100,
      code: 'ACCESS_DENIED',
      message: `Not enough permissions to access: ${resource}.${method}.20260301`,
    },
  }),
  invalidField: (path: string, description: string): InjectedResponse => ({
    status: 422,
    body: {
      status: 422,
      code: 'UNPROCESSABLE_ENTITY',
      message: `ERROR :: ${path} :: ${description}`,
      errorDetails: {
        inputErrors: [{ description, input: { inputPath: { fieldPath: path } }, code: 'INVALID_VALUE' }],
      },
    },
  }),
  server: (): InjectedResponse => ({ status: 500, body: { status: 500, message: 'Internal Server Error' } }),
};

export function createLinkedInFake(options: LinkedInFakeOptions = {}) {
  const clientId = options.clientId ?? 'linkedin-client-id';
  const clientSecret = options.clientSecret ?? 'linkedin-client-secret';
  const tokens = new Map(Object.entries(options.tokens ?? { [LINKEDIN_FAKE_TOKEN]: { scopes: LINKEDIN_ALL_SCOPES } }));
  const codes = new Map<string, { scopes: string[]; redirectUri: string }>();
  const ledger = new Ledger(700000000);
  const segmentUsers = new Map<string, string[]>();
  const lookups: { q: string; facet: string; query?: string }[] = [];
  const delivery = new Delivery();
  const demographics = new Demographics();
  const now = options.now ?? (() => new Date());
  let issued = 0;

  const err = (c: Ctx, status: number, message: string, extra: Record<string, unknown> = {}) =>
    c.json({ status, message, ...extra }, status as 400);
  const invalid = (c: Ctx, path: string, description: string) =>
    c.json(
      {
        status: 422,
        code: 'UNPROCESSABLE_ENTITY',
        message: `ERROR :: ${path} :: ${description}`,
        errorDetails: {
          inputErrors: [{ description, input: { inputPath: { fieldPath: path } }, code: 'INVALID_VALUE' }],
        },
      },
      422,
    );
  const draftOnly = (c: Ctx, status: unknown, path: string, what: string) =>
    status === 'DRAFT'
      ? undefined
      : invalid(c, path, `Contract: Wireboost may only create ${what} as DRAFT (got ${String(status)}).`);
  const created = (c: Ctx, kind: string, body: Body, id: string) => {
    ledger.create(kind, body, id);
    c.header('x-restli-id', id);
    return c.body(null, 201);
  };

  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const body = c.req.method === 'POST' ? await readBody(c) : undefined;
    ledger.requests.push({
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      headers: Object.fromEntries(c.req.raw.headers.entries()),
      body,
    });
    c.set('body', body ?? {});
    const injected = ledger.takeInjection(c.req.method, c.req.path);
    if (injected) return c.json(injected.body as object, injected.status as 400, injected.headers);
    await next();
  });

  // --- OAuth: https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
  app.get('/oauth/v2/authorization', (c) => {
    const q = c.req.query();
    if (q.response_type !== 'code')
      return c.text('LinkedIn Marketing APIs only support the authorization code flow', 400);
    if (q.client_id !== clientId || !q.redirect_uri) return c.text('Invalid client_id or redirect_uri', 400);
    const requested = (q.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const code = `li-code-${++issued}`;
    codes.set(code, { scopes: options.grantScopes ?? requested, redirectUri: q.redirect_uri });
    const target = new URL(q.redirect_uri);
    target.searchParams.set('code', code);
    if (q.state) target.searchParams.set('state', q.state);
    return c.redirect(target.toString());
  });

  app.post('/oauth/v2/accessToken', (c) => {
    const b = c.get('body');
    if (b.client_id !== clientId || b.client_secret !== clientSecret) {
      return c.json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
    }
    if (b.grant_type === 'refresh_token') {
      const t = tokens.get(String(b.refresh_token));
      if (!t) return c.json({ error: 'invalid_grant', error_description: 'Invalid refresh token' }, 400);
      return c.json(grant(t.scopes));
    }
    const g = codes.get(String(b.code));
    if (b.grant_type !== 'authorization_code' || !g || g.redirectUri !== b.redirect_uri) {
      return c.json(
        {
          error: 'invalid_request',
          error_description: 'Unable to retrieve access token: authorization code not found',
        },
        400,
      );
    }
    codes.delete(String(b.code));
    return c.json(grant(g.scopes));
  });

  function grant(scopes: string[]) {
    const access = `li-token-${++issued}`;
    const refresh = `li-refresh-${issued}`;
    tokens.set(access, { scopes });
    tokens.set(refresh, { scopes });
    return {
      access_token: access,
      expires_in: 5183999,
      refresh_token: refresh,
      refresh_token_expires_in: 31535999,
      scope: scopes.join(','),
    };
  }

  // --- /rest needs the version headers and a live token.
  app.use('/rest/*', async (c, next) => {
    if (!/^\d{6}$/.test(c.req.header('linkedin-version') ?? '')) {
      return err(c, 400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', {
        code: 'VERSION_MISSING',
      });
    }
    if (c.req.header('x-restli-protocol-version') !== '2.0.0')
      return err(c, 400, 'X-Restli-Protocol-Version 2.0.0 is required');
    const t = tokens.get(bearer(c) ?? '');
    if (!t || t.expired) {
      return err(c, 401, 'Invalid access token', { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });
    }
    c.set('scopes', t.scopes);
    await next();
  });

  const need = (c: Ctx, scope: string, resource: string) =>
    c.get('scopes').includes(scope)
      ? undefined
      : err(c, 403, `Not enough permissions to access: ${resource}.CREATE.20260301`, {
          serviceErrorCode: 100,
          code: 'ACCESS_DENIED',
        });

  // https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/advertising-targeting/ads-targeting
  app.get('/rest/adTargetingEntities', (c) => {
    const { q, facet = '', query } = c.req.query();
    lookups.push({ q: q ?? '', facet, query });
    if (q === 'urns') {
      // Names of URNs (what the demographic pivots return): q=urns&urns=List(urn%3Ali%3Atitle%3A1,…).
      const urns = /^List\((.*)\)$/.exec(c.req.url.split('urns=')[1]?.split('&')[0] ?? '')?.[1];
      if (!urns) return err(c, 400, 'q=urns needs urns=List(…)');
      const wanted = urns.split(',').map(decodeURIComponent);
      return c.json({ elements: LINKEDIN_MEMBER_VALUES.filter((e) => wanted.includes(e.urn)) });
    }
    const all = LINKEDIN_ENTITIES[facet];
    if (!all) return err(c, 400, `Unknown facet ${facet}`);
    if (q === 'adTargetingFacet') return c.json({ elements: all.map((e) => ({ ...e, facetUrn: facet })) });
    if (q !== 'typeahead' || !query) return err(c, 400, 'q=typeahead needs facet and query');
    const hits = all.filter((e) => e.name.toLowerCase().includes(query.toLowerCase()));
    return c.json({ elements: hits.map((e) => ({ ...e, facetUrn: facet })) });
  });

  app.get('/rest/adAccounts', (c) =>
    c.req.query('q') === 'search'
      ? c.json({
          elements: [{ id: 1234567890, name: 'Acme Ads', currency: 'USD', status: 'ACTIVE', type: 'BUSINESS' }],
        })
      : err(c, 400, 'q=search is required'),
  );
  app.get('/rest/organizationAcls', (c) =>
    c.json({ elements: [{ organization: 'urn:li:organization:5515715', role: 'ADMINISTRATOR', state: 'APPROVED' }] }),
  );

  const account = (c: Ctx) => c.req.param('account');

  // Reading campaigns and their analytics (linkedin-analytics.ts).
  const reporting = linkedInReportingRoutes(app, {
    ledger,
    delivery,
    demographics,
    now,
    err,
    options: options.reporting ?? {},
  });

  app.post('/rest/adAccounts/:account/adCampaignGroups', (c) => {
    const b = c.get('body');
    const denied = need(c, 'rw_ads', 'adCampaignGroups');
    if (denied) return denied;
    if (b.account !== `urn:li:sponsoredAccount:${account(c)}`)
      return invalid(c, '/account', 'must be the ad account in the path');
    if (!b.name) return invalid(c, '/name', 'is required but missing');
    const d = draftOnly(c, b.status, '/status', 'campaign groups');
    if (d) return d;
    return created(c, 'campaignGroup', b, ledger.nextId());
  });

  // https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns
  app.post('/rest/adAccounts/:account/adCampaigns', (c) => {
    const b = c.get('body');
    const denied = need(c, 'rw_ads', 'adCampaigns');
    if (denied) return denied;
    const groupId = /^urn:li:sponsoredCampaignGroup:(\d+)$/.exec(b.campaignGroup ?? '')?.[1];
    if (!groupId || !ledger.find('campaignGroup', groupId))
      return invalid(c, '/campaignGroup', 'unknown campaign group');
    if (b.type !== 'SPONSORED_UPDATES') return invalid(c, '/type', 'must be SPONSORED_UPDATES for single image ads');
    if (!OBJECTIVES.includes(b.objectiveType))
      return invalid(c, '/objectiveType', `${b.objectiveType} is not a valid objective`);
    if (!b.costType) return invalid(c, '/costType', 'is required but missing');
    if (
      typeof b.dailyBudget?.amount !== 'string' ||
      !/^\d+(\.\d{1,2})?$/.test(b.dailyBudget.amount) ||
      !b.dailyBudget.currencyCode
    ) {
      return invalid(c, '/dailyBudget/amount', 'must be a decimal string in major units with a currencyCode');
    }
    if (!b.locale?.country || !b.locale?.language) return invalid(c, '/locale', 'is required but missing');
    const facets = new Map<string, string[]>();
    for (const clause of (b.targetingCriteria?.include?.and ?? []) as { or: Record<string, string[]> }[]) {
      for (const [facet, urns] of Object.entries(clause.or ?? {})) facets.set(facet, urns);
    }
    if (!facets.get(F.locations)?.length) return invalid(c, '/targetingCriteria', 'a location facet is required');
    if (facets.get(F.titles)?.length && (facets.get(F.functions)?.length || facets.get(F.seniorities)?.length)) {
      return invalid(c, '/targetingCriteria', 'job titles cannot be combined with job functions or seniorities');
    }
    for (const [facet, urns] of facets) {
      const known = LINKEDIN_ENTITIES[facet];
      const bad = known && urns.find((u) => !known.some((e) => e.urn === u));
      if (bad) return invalid(c, '/targetingCriteria', `unknown entity ${bad} for ${facet}`);
    }
    const d = draftOnly(c, b.status, '/status', 'campaigns');
    if (d) return d;
    return created(c, 'campaign', b, ledger.nextId());
  });

  // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
  app.post('/rest/posts', (c) => {
    const b = c.get('body');
    const denied = need(c, 'w_organization_social', 'posts');
    if (denied) return denied;
    if (!/^urn:li:organization:\d+$/.test(b.author ?? '')) return invalid(c, '/author', 'must be an organization URN');
    if (!b.commentary) return invalid(c, '/commentary', 'is required but missing');
    if (b.distribution?.feedDistribution !== 'NONE')
      return invalid(c, '/distribution/feedDistribution', 'dark posts need NONE');
    if (!/^urn:li:sponsoredAccount:\d+$/.test(b.adContext?.dscAdAccount ?? ''))
      return invalid(c, '/adContext/dscAdAccount', 'is required for dark posts');
    const article = b.content?.article;
    if (!article?.source || !/^https?:\/\//.test(article.source))
      return invalid(c, '/content/article/source', 'must be a URL');
    if (!article.title) return invalid(c, '/content/article/title', 'is required but missing');
    if (b.contentCallToActionLabel && !CTA_LABELS.includes(b.contentCallToActionLabel)) {
      return invalid(c, '/contentCallToActionLabel', `${b.contentCallToActionLabel} is not a valid label`);
    }
    return created(c, 'post', b, `urn:li:share:${ledger.nextId()}`);
  });

  // https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-creatives-new
  app.post('/rest/adAccounts/:account/creatives', (c) => {
    const b = c.get('body');
    const denied = need(c, 'rw_ads', 'creatives');
    if (denied) return denied;
    const campaignId = /^urn:li:sponsoredCampaign:(\d+)$/.exec(b.campaign ?? '')?.[1];
    if (!campaignId || !ledger.find('campaign', campaignId)) return invalid(c, '/campaign', 'unknown campaign');
    if (!ledger.find('post', String(b.content?.reference))) return invalid(c, '/content/reference', 'unknown post');
    const d = draftOnly(c, b.intendedStatus, '/intendedStatus', 'creatives');
    if (d) return d;
    return created(c, 'creative', b, `urn:li:sponsoredCreative:${ledger.nextId()}`);
  });

  // https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segments
  app.post('/rest/dmpSegments', (c) => {
    const b = c.get('body');
    const denied = need(c, 'rw_dmp_segments', 'dmpSegments');
    if (denied) return denied;
    for (const f of ['name', 'account', 'type', 'sourcePlatform'])
      if (!b[f]) return invalid(c, `/${f}`, 'is required but missing');
    if (!Array.isArray(b.destinations) || !b.destinations.length)
      return invalid(c, '/destinations', 'is required but missing');
    const id = ledger.nextId();
    segmentUsers.set(id, []);
    return created(c, 'segment', b, id);
  });

  // https://learn.microsoft.com/en-us/linkedin/marketing/matched-audiences/create-and-manage-segment-users
  app.post('/rest/dmpSegments/:id/users', (c) => {
    const denied = need(c, 'rw_dmp_segments', 'dmpSegments');
    if (denied) return denied;
    const rows = segmentUsers.get(c.req.param('id'));
    if (!rows) return err(c, 404, 'Segment not found');
    if (c.req.header('x-restli-method')?.toUpperCase() !== 'BATCH_CREATE')
      return err(c, 400, 'X-RestLi-Method BATCH_CREATE is required');
    const elements = c.get('body').elements as
      { action?: string; userIds?: { idType?: string; idValue?: string }[] }[] | undefined;
    if (!Array.isArray(elements) || !elements.length) return invalid(c, '/elements', 'is required but missing');
    if (elements.length > LINKEDIN_MAX_USERS)
      return invalid(c, '/elements', `at most ${LINKEDIN_MAX_USERS} per request`);
    for (const e of elements) {
      const id = e.userIds?.[0];
      if (e.action !== 'ADD' || id?.idType !== 'SHA256_EMAIL' || !isSha256Hex(id.idValue)) {
        return invalid(c, '/elements', 'each element needs action ADD and a SHA256_EMAIL userId');
      }
      rows.push(id.idValue!);
    }
    ledger.create('segmentUsersBatch', { segmentId: c.req.param('id'), count: elements.length });
    return c.json({ elements: elements.map(() => ({ status: 201 })) });
  });

  /** Turns a campaign on or off as a person would in Campaign Manager. */
  const setStatus = (campaignId: string, status: 'ACTIVE' | 'PAUSED' | 'DRAFT') => {
    const obj = ledger.find('campaign', campaignId);
    if (!obj) throw new Error(`no LinkedIn campaign ${campaignId}`);
    obj.body.status = status;
  };

  /** A campaign with one creative created directly (the benchmark's sent drafts), with its run schedule. */
  const seedCreative = (o: { start: string; end: string; status?: 'ACTIVE' | 'PAUSED' | 'DRAFT' }) => {
    const campaign = ledger.create('campaign', {
      status: o.status ?? 'ACTIVE',
      runSchedule: { start: Date.parse(o.start), end: Date.parse(o.end) },
    });
    const creative = ledger.create(
      'creative',
      { campaign: `urn:li:sponsoredCampaign:${campaign.id}`, intendedStatus: 'ACTIVE' },
      `urn:li:sponsoredCreative:${ledger.nextId()}`,
    );
    return { campaign: campaign.id, creative: creative.id };
  };

  return {
    app,
    ledger,
    delivery,
    demographics,
    setStatus,
    seedCreative,
    analyticsCalls: reporting.analyticsCalls,
    segmentUsers,
    lookups,
    tokens,
    counts: () => ledger.counts(),
    inject: ledger.inject.bind(ledger),
    clientId,
    clientSecret,
  };
}

export type LinkedInFake = ReturnType<typeof createLinkedInFake>;
