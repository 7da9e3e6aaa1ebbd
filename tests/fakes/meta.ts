import { Hono, type Context } from 'hono';

type Env = { Variables: { body: Body; scopes: string[] } };
type Ctx = Context<Env>;
import {
  bearer,
  ISO_WITH_OFFSET,
  isSha256Hex,
  Ledger,
  readBody,
  type InjectedResponse,
  type JsonBody as Body,
} from './common.ts';
import { Delivery } from './delivery.ts';
import { metaReportingRoutes, type MetaReportingOptions } from './meta-insights.ts';

/**
 * Contract fake of the parts of Meta's Graph / Marketing API Wireboost uses, validated the way the docs
 * (and PLATFORMS.md) describe, plus Wireboost's own invariant: nothing but PAUSED is ever accepted.
 * Errors use Meta's envelope {error: {message, type, code, error_subcode, error_user_title,
 * error_user_msg, error_data, fbtrace_id}}; throttling is a body code (17, 613, 80000–80014), not 429.
 */
export interface MetaFakeOptions {
  appId?: string;
  appSecret?: string;
  /** token → granted scopes (and whether it has expired). */
  tokens?: Record<string, { scopes: string[]; expired?: boolean }>;
  /** Scopes the login dialog grants regardless of what was asked (to simulate a user declining some). */
  grantScopes?: string[];
  /** The fake's clock (insights default to the last 30 days before it). */
  now?: () => Date;
  reporting?: MetaReportingOptions;
}

export const META_FAKE_TOKEN = 'meta-test-token';
export const META_ALL_SCOPES = [
  'ads_management',
  'pages_read_engagement',
  'pages_show_list',
  'business_management',
  'ads_read',
];

/** The targeting search catalogue: names → stable fake ids. */
export const META_TARGETING: Record<'adinterest' | 'adworkposition', { id: string; name: string }[]> = {
  adinterest: [
    { id: '6003020834693', name: 'Journalism' },
    { id: '6003107902433', name: 'Blogging' },
    { id: '6003397425735', name: 'Politics' },
    { id: '6003123456789', name: 'News' },
    { id: '6003654321987', name: 'Public policy' },
  ],
  adworkposition: [
    { id: '108230999197539', name: 'Journalist' },
    { id: '105720006132658', name: 'Reporter' },
    { id: '106159356083435', name: 'Editor' },
    { id: '110239245663546', name: 'Correspondent' },
    { id: '109542932398298', name: 'Blogger' },
    { id: '108084865886937', name: 'Analyst' },
    { id: '112263988795022', name: 'Commentator' },
  ],
};

const OBJECTIVES = [
  'OUTCOME_AWARENESS',
  'OUTCOME_TRAFFIC',
  'OUTCOME_ENGAGEMENT',
  'OUTCOME_LEADS',
  'OUTCOME_SALES',
  'OUTCOME_APP_PROMOTION',
];
const CTA_TYPES = [
  'LEARN_MORE',
  'DOWNLOAD',
  'SIGN_UP',
  'SUBSCRIBE',
  'SEE_MORE',
  'CONTACT_US',
  'WATCH_MORE',
  'APPLY_NOW',
  'GET_QUOTE',
  'NO_BUTTON',
];
export const META_MAX_USERS = 10_000;

/** Ready-made error bodies for injection. */
export const metaErrors = {
  throttle: (code = 17, regainMinutes = 0): InjectedResponse => ({
    status: 400,
    body: {
      error: {
        message: '(#17) User request limit reached',
        type: 'OAuthException',
        code,
        error_subcode: 2446079,
        fbtrace_id: 'fake',
      },
    },
    headers: {
      'X-Business-Use-Case-Usage': JSON.stringify({
        '1234': [
          {
            type: 'ads_management',
            call_count: 100,
            total_cputime: 40,
            total_time: 40,
            estimated_time_to_regain_access: regainMinutes,
          },
        ],
      }),
    },
  }),
  expiredToken: (): InjectedResponse => ({
    status: 400,
    body: {
      error: {
        message: 'Error validating access token: Session has expired on Monday, 23-Nov-26 09:00:00 PST.',
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        fbtrace_id: 'fake',
      },
    },
  }),
  missingPermission: (permission = 'ads_management'): InjectedResponse => ({
    status: 403,
    body: {
      error: {
        message: `(#200) Requires ${permission} permission to manage the object`,
        type: 'OAuthException',
        code: 200,
        fbtrace_id: 'fake',
      },
    },
  }),
  invalidField: (path: string[], userMsg: string): InjectedResponse => ({
    status: 400,
    body: {
      error: {
        message: 'Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_subcode: 1487390,
        error_user_title: 'Invalid value',
        error_user_msg: userMsg,
        error_data: JSON.stringify({ blame_field_specs: [path] }),
        fbtrace_id: 'fake',
      },
    },
  }),
  server: (): InjectedResponse => ({
    status: 500,
    body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, fbtrace_id: 'fake' } },
  }),
};

export function createMetaFake(options: MetaFakeOptions = {}) {
  const appId = options.appId ?? 'meta-app-id';
  const appSecret = options.appSecret ?? 'meta-app-secret';
  const tokens = new Map(Object.entries(options.tokens ?? { [META_FAKE_TOKEN]: { scopes: META_ALL_SCOPES } }));
  const codes = new Map<string, { scopes: string[]; redirectUri: string }>();
  const ledger = new Ledger(120000000000);
  const audienceUsers = new Map<string, string[]>();
  const searches: { type: string; q: string }[] = [];
  const delivery = new Delivery();
  let issued = 0;

  const err = (c: Ctx, status: number, e: Record<string, unknown>) =>
    c.json({ error: { type: 'OAuthException', fbtrace_id: `fake${ledger.requests.length}`, ...e } }, status as 400);
  const invalid = (c: Ctx, path: string[], userMsg: string) =>
    err(c, 400, {
      message: `(#100) Invalid parameter ${path.join('.')}`,
      code: 100,
      error_user_title: 'Invalid parameter',
      error_user_msg: userMsg,
      error_data: JSON.stringify({ blame_field_specs: [path] }),
    });
  const paused = (c: Ctx, status: unknown, what: string) =>
    status === 'PAUSED'
      ? undefined
      : invalid(
          c,
          ['status'],
          `Contract: Wireboost may only create ${what} with status PAUSED (got ${String(status)}).`,
        );

  const app = new Hono<Env>();

  // Log, then let injected failures pre-empt the real handler (after logging so tests see the attempt).
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

  // --- OAuth: https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow
  app.get('/:version/dialog/oauth', (c) => {
    const q = c.req.query();
    if (q.client_id !== appId || !q.redirect_uri) return c.text('Invalid app id or redirect_uri', 400);
    const requested = (q.scope ?? '').split(/[,\s]+/).filter(Boolean);
    const scopes = options.grantScopes ?? requested;
    const target = new URL(q.redirect_uri);
    if (q.response_type === 'token') {
      const token = issueToken(scopes);
      const frag = new URLSearchParams({ access_token: token, expires_in: '5400', state: q.state ?? '' });
      if (q.return_scopes === 'true') frag.set('granted_scopes', scopes.join(','));
      return c.redirect(`${target.toString()}#${frag}`);
    }
    const code = `meta-code-${++issued}`;
    codes.set(code, { scopes, redirectUri: q.redirect_uri });
    target.searchParams.set('code', code);
    if (q.state) target.searchParams.set('state', q.state);
    return c.redirect(target.toString());
  });

  app.get('/:version/oauth/access_token', (c) => {
    const q = c.req.query();
    if (q.client_id !== appId || q.client_secret !== appSecret) {
      return err(c, 400, { message: 'Error validating client secret.', code: 1 });
    }
    if (q.grant_type === 'fb_exchange_token') {
      // https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
      const short = tokens.get(q.fb_exchange_token ?? '');
      if (!short || short.expired) return err(c, 400, { message: 'Error validating access token', code: 190 });
      return c.json({ access_token: issueToken(short.scopes, 'long'), token_type: 'bearer', expires_in: 5183944 });
    }
    const grant = codes.get(q.code ?? '');
    if (!grant || grant.redirectUri !== q.redirect_uri) {
      return err(c, 400, { message: 'Invalid verification code format.', code: 100, error_subcode: 36007 });
    }
    codes.delete(q.code!);
    return c.json({ access_token: issueToken(grant.scopes), token_type: 'bearer', expires_in: 5183944 });
  });

  function issueToken(scopes: string[], kind = 'short'): string {
    const token = `meta-${kind}-${++issued}`;
    tokens.set(token, { scopes });
    return token;
  }

  // --- Everything below needs a valid token.
  app.use('/:version/*', async (c, next) => {
    const t = tokens.get(bearer(c) ?? c.req.query('access_token') ?? '');
    if (!t) return err(c, 400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    if (t.expired)
      return err(c, 400, {
        message: 'Error validating access token: Session has expired',
        code: 190,
        error_subcode: 463,
      });
    c.set('scopes', t.scopes);
    await next();
  });

  app.get('/:version/me/permissions', (c) => {
    const scopes = c.get('scopes');
    return c.json({
      data: [
        ...scopes.map((permission) => ({ permission, status: 'granted' })),
        { permission: 'public_profile', status: 'granted' },
      ],
    });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/user/adaccounts/
  app.get('/:version/me/adaccounts', (c) =>
    c.json({
      data: [
        {
          id: 'act_1234567890',
          account_id: '1234567890',
          name: 'Acme Ads',
          currency: 'USD',
          timezone_name: 'America/New_York',
        },
      ],
    }),
  );
  // https://developers.facebook.com/docs/graph-api/reference/user/accounts/
  app.get('/:version/me/accounts', (c) => c.json({ data: [{ id: '998877', name: 'Acme Corp' }] }));

  // Targeting search: https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search
  app.get('/:version/search', (c) => {
    const type = c.req.query('type') as keyof typeof META_TARGETING;
    const q = (c.req.query('q') ?? '').toLowerCase();
    if (!META_TARGETING[type]) return invalid(c, ['type'], `Unsupported search type ${type}`);
    searches.push({ type, q });
    const data = META_TARGETING[type]
      .filter((e) => e.name.toLowerCase().includes(q))
      .map((e) => ({ ...e, audience_size_lower_bound: 100000, audience_size_upper_bound: 200000, path: [e.name] }));
    return c.json({ data });
  });

  // Reading objects and their insights (meta-insights.ts).
  const reporting = metaReportingRoutes(app, {
    ledger,
    delivery,
    now: options.now ?? (() => new Date()),
    err,
    options: options.reporting ?? {},
  });

  // Writes need ads_management.
  app.post('/:version/*', async (c, next) => {
    const scopes = c.get('scopes');
    if (!scopes.includes('ads_management')) {
      return err(c, 403, { message: '(#200) Requires ads_management permission to manage the object', code: 200 });
    }
    await next();
  });

  const body = (c: Ctx) => c.get('body');

  // https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/
  app.post('/:version/:account{act_[0-9]+}/campaigns', (c) => {
    const b = body(c);
    if (!b.name) return invalid(c, ['name'], 'A campaign name is required.');
    if (!OBJECTIVES.includes(b.objective))
      return invalid(c, ['objective'], `Objective ${b.objective} is not valid (legacy objectives are rejected).`);
    if (!Array.isArray(b.special_ad_categories))
      return invalid(c, ['special_ad_categories'], 'special_ad_categories is required ([] when none).');
    if (
      b.daily_budget === undefined &&
      b.lifetime_budget === undefined &&
      typeof b.is_adset_budget_sharing_enabled !== 'boolean'
    ) {
      return invalid(
        c,
        ['is_adset_budget_sharing_enabled'],
        'Set is_adset_budget_sharing_enabled when the budget is on the ad set.',
      );
    }
    const p = paused(c, b.status, 'campaigns');
    if (p) return p;
    return c.json({ id: ledger.create('campaign', { ...b, account: c.req.param('account') }).id });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/ (ad set)
  app.post('/:version/:account{act_[0-9]+}/adsets', (c) => {
    const b = body(c);
    if (!ledger.find('campaign', String(b.campaign_id))) return invalid(c, ['campaign_id'], 'Unknown campaign.');
    if (!b.name) return invalid(c, ['name'], 'An ad set name is required.');
    const budget = Number(b.daily_budget);
    if (
      !Number.isInteger(budget) ||
      budget <= 0 ||
      (typeof b.daily_budget === 'string' && !/^\d+$/.test(b.daily_budget))
    ) {
      return invalid(
        c,
        ['daily_budget'],
        'The daily budget must be a positive integer in the currency’s smallest unit.',
      );
    }
    for (const f of ['start_time', 'end_time'] as const) {
      if (typeof b[f] !== 'string' || !ISO_WITH_OFFSET.test(b[f]))
        return invalid(c, [f], `${f} must be ISO 8601 with an offset.`);
    }
    if (Date.parse(b.end_time) <= Date.parse(b.start_time))
      return invalid(c, ['end_time'], 'The end time must be after the start time.');
    if (!b.billing_event || !b.optimization_goal)
      return invalid(c, ['billing_event'], 'billing_event and optimization_goal are required.');
    const t = b.targeting as Body | undefined;
    if (!t?.geo_locations) return invalid(c, ['targeting', 'geo_locations'], 'Targeting needs geo_locations.');
    const aa = t.targeting_automation?.advantage_audience;
    if (aa !== 0 && aa !== 1) {
      return invalid(
        c,
        ['targeting', 'targeting_automation', 'advantage_audience'],
        'targeting_automation.advantage_audience (0 or 1) is required.',
      );
    }
    for (const spec of (t.flexible_spec ?? []) as Record<string, { id: string }[]>[]) {
      for (const [facet, type] of [
        ['interests', 'adinterest'],
        ['work_positions', 'adworkposition'],
      ] as const) {
        for (const e of spec[facet] ?? []) {
          if (!META_TARGETING[type].some((k) => k.id === String(e.id))) {
            return invalid(
              c,
              ['targeting', 'flexible_spec', facet],
              `Unknown ${facet} id ${e.id}: look ids up with /search.`,
            );
          }
        }
      }
    }
    for (const a of (t.custom_audiences ?? []) as { id: string }[]) {
      if (!ledger.find('customAudience', String(a.id)))
        return invalid(c, ['targeting', 'custom_audiences'], `Unknown custom audience ${a.id}.`);
    }
    const p = paused(c, b.status, 'ad sets');
    if (p) return p;
    return c.json({ id: ledger.create('adset', b).id });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/ad-creative/
  app.post('/:version/:account{act_[0-9]+}/adcreatives', (c) => {
    const b = body(c);
    const spec = b.object_story_spec as Body | undefined;
    if (!spec?.page_id) return invalid(c, ['object_story_spec', 'page_id'], 'A Facebook page is required.');
    const ld = spec.link_data as Body | undefined;
    if (!ld?.link || !/^https?:\/\//.test(ld.link))
      return invalid(c, ['object_story_spec', 'link_data', 'link'], 'The link must be a valid URL.');
    if (!ld.message) return invalid(c, ['object_story_spec', 'link_data', 'message'], 'The primary text is empty.');
    const cta = ld.call_to_action as { type?: string; value?: { link?: string } } | undefined;
    if (cta) {
      if (!CTA_TYPES.includes(cta.type ?? '')) {
        return invalid(
          c,
          ['object_story_spec', 'link_data', 'call_to_action', 'type'],
          `Call to action ${cta.type} is not supported.`,
        );
      }
      // https://developers.facebook.com/docs/marketing-api/reference/ad-creative-link-data-call-to-action/
      if (cta.value?.link !== ld.link) {
        return invalid(
          c,
          ['object_story_spec', 'link_data', 'call_to_action', 'value', 'link'],
          'The call-to-action link must be the same as the link.',
        );
      }
    }
    return c.json({ id: ledger.create('creative', b).id });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/adgroup/
  app.post('/:version/:account{act_[0-9]+}/ads', (c) => {
    const b = body(c);
    if (!ledger.find('adset', String(b.adset_id))) return invalid(c, ['adset_id'], 'Unknown ad set.');
    if (!ledger.find('creative', String(b.creative?.creative_id))) return invalid(c, ['creative'], 'Unknown creative.');
    const p = paused(c, b.status, 'ads');
    if (p) return p;
    return c.json({ id: ledger.create('ad', b).id });
  });

  // https://developers.facebook.com/docs/marketing-api/custom-audience-api
  app.post('/:version/:account{act_[0-9]+}/customaudiences', (c) => {
    const b = body(c);
    if (!b.name) return invalid(c, ['name'], 'An audience name is required.');
    if (b.subtype !== 'CUSTOM') return invalid(c, ['subtype'], 'Customer-list audiences use subtype CUSTOM.');
    if (
      !['USER_PROVIDED_ONLY', 'PARTNER_PROVIDED_ONLY', 'BOTH_USER_AND_PARTNER_PROVIDED'].includes(
        b.customer_file_source,
      )
    ) {
      return invalid(c, ['customer_file_source'], 'customer_file_source is required.');
    }
    const obj = ledger.create('customAudience', b);
    audienceUsers.set(obj.id, []);
    return c.json({ id: obj.id });
  });

  // https://developers.facebook.com/docs/marketing-api/reference/custom-audience/users/
  app.post('/:version/:audienceId{[0-9]+}/users', (c) => {
    const id = c.req.param('audienceId');
    const rows = audienceUsers.get(id);
    if (!rows)
      return err(c, 400, {
        message: `(#100) Unsupported post request. Object with ID '${id}' does not exist`,
        code: 100,
        error_subcode: 33,
      });
    const payload = body(c).payload as { schema?: unknown; data?: unknown } | undefined;
    if (payload?.schema !== 'EMAIL_SHA256') return invalid(c, ['payload', 'schema'], 'schema must be EMAIL_SHA256.');
    if (!Array.isArray(payload.data) || payload.data.length === 0)
      return invalid(c, ['payload', 'data'], 'No users in the payload.');
    if (payload.data.length > META_MAX_USERS) {
      return invalid(
        c,
        ['payload', 'data'],
        `At most ${META_MAX_USERS} users per request (got ${payload.data.length}).`,
      );
    }
    const valid = payload.data.filter(isSha256Hex) as string[];
    rows.push(...valid);
    ledger.create('audienceUsersBatch', { audienceId: id, count: payload.data.length });
    return c.json({
      audience_id: id,
      session_id: ledger.nextId(),
      num_received: payload.data.length,
      num_invalid_entries: payload.data.length - valid.length,
      invalid_entry_samples: {},
    });
  });

  /** Turns objects on or off as a person would in Ads Manager. */
  const setStatus = (id: string, status: 'ACTIVE' | 'PAUSED') => {
    const obj = ['campaign', 'adset', 'ad'].map((k) => ledger.find(k, id)).find(Boolean);
    if (!obj) throw new Error(`no Meta object ${id}`);
    obj.body.status = status;
  };

  /** A campaign → ad set → ad created directly (the benchmark's sent drafts), with its flight. */
  const seedAd = (o: { start: string; end: string; status?: 'ACTIVE' | 'PAUSED' }) => {
    const status = o.status ?? 'ACTIVE';
    const campaign = ledger.create('campaign', { name: 'seeded', status });
    const adset = ledger.create('adset', { campaign_id: campaign.id, start_time: o.start, end_time: o.end, status });
    const ad = ledger.create('ad', { adset_id: adset.id, status });
    return { campaign: campaign.id, adset: adset.id, ad: ad.id };
  };

  return {
    app,
    ledger,
    delivery,
    setStatus,
    seedAd,
    insightsCalls: reporting.insightsCalls,
    audienceUsers,
    searches,
    tokens,
    /** Creation counts per kind: {campaign: 1, adset: 1, creative: 2, ad: 2}. */
    counts: () => ledger.counts(),
    inject: ledger.inject.bind(ledger),
    appId,
    appSecret,
  };
}

export type MetaFake = ReturnType<typeof createMetaFake>;
