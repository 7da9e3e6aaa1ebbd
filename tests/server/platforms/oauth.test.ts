import { describe, expect, test } from 'vitest';
import { parseScopeList } from '../../../server/platforms/oauth.ts';
import { metaAuthorizeUrl, metaOAuth } from '../../../server/platforms/meta/oauth.ts';
import { linkedInAuthorizeUrl, linkedInOAuth } from '../../../server/platforms/linkedin/oauth.ts';
import { scopeReport } from '../../../server/platforms/registry.ts';
import { PlatformError } from '../../../server/platforms/errors.ts';
import { createLinkedInFake, createMetaFake, inProcessFetch, startPlatformFakes } from '../../fakes/index.ts';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

/** Follows the fake's consent redirect the way launchWebAuthFlow hands the final URL back. */
async function consent(
  app: { request: (url: string) => Response | Promise<Response> },
  authorizeUrl: string,
): Promise<URL> {
  const res = await app.request(authorizeUrl);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('authorize URLs', () => {
  test('Meta: versioned dialog, code by default, comma-separated scopes', () => {
    const url = new URL(metaAuthorizeUrl({ clientId: 'app', redirectUri: REDIRECT, state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app',
      redirect_uri: REDIRECT,
      state: 's1',
      response_type: 'code',
      scope: 'ads_management,pages_read_engagement,pages_show_list,business_management,ads_read',
    });
  });

  test('Meta: token flow for the extension-only path', () => {
    const url = new URL(
      metaAuthorizeUrl({ clientId: 'app', redirectUri: REDIRECT, state: 's', responseType: 'token' }),
    );
    expect(url.searchParams.get('response_type')).toBe('token');
  });

  test('LinkedIn: authorization code with the three marketing scopes, space-separated', () => {
    const url = new URL(linkedInAuthorizeUrl({ clientId: 'cid', redirectUri: REDIRECT, state: 's2' }));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/oauth/v2/authorization');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')).toBe('rw_ads w_organization_social rw_dmp_segments r_ads_reporting');
    expect(url.searchParams.get('client_secret')).toBeNull();
  });
});

describe('Meta OAuth against the fake', () => {
  test('code → token → long-lived token → granted scopes', async () => {
    const fake = createMetaFake();
    const config = { meta: { dialogBase: 'http://meta.fake', graphBase: 'http://meta.fake' } };
    const oauth = metaOAuth({
      credentials: { clientId: fake.appId, clientSecret: fake.appSecret },
      fetch: inProcessFetch(fake.app),
      config: config.meta,
    });
    const back = await consent(
      fake.app,
      metaAuthorizeUrl({ clientId: fake.appId, redirectUri: REDIRECT, state: 'xyz', config: config.meta }),
    );
    expect(back.searchParams.get('state')).toBe('xyz');

    const short = await oauth.exchangeCode(back.searchParams.get('code')!, REDIRECT);
    const long = await oauth.longLived(short.accessToken);
    expect(long.accessToken).not.toBe(short.accessToken);
    expect(long.expiresIn).toBeGreaterThan(5_000_000);

    const granted = await oauth.grantedScopes(long.accessToken);
    expect(scopeReport('meta', granted).missing).toEqual([]);
    // The secret went to the token endpoint only, never to the dialog.
    const dialog = fake.ledger.requests.find((r) => r.path.endsWith('/dialog/oauth'))!;
    expect(JSON.stringify(dialog)).not.toContain(fake.appSecret);
  });

  test('declined permissions are reported as missing', async () => {
    const fake = createMetaFake({ grantScopes: ['pages_show_list'] });
    const config = { meta: { dialogBase: 'http://meta.fake', graphBase: 'http://meta.fake' } };
    const oauth = metaOAuth({
      credentials: { clientId: fake.appId, clientSecret: fake.appSecret },
      fetch: inProcessFetch(fake.app),
      config: config.meta,
    });
    const back = await consent(
      fake.app,
      metaAuthorizeUrl({ clientId: fake.appId, redirectUri: REDIRECT, state: 's', config: config.meta }),
    );
    const token = await oauth.exchangeCode(back.searchParams.get('code')!, REDIRECT);
    const report = scopeReport('meta', await oauth.grantedScopes(token.accessToken));
    expect(report.missing).toEqual(['ads_management', 'pages_read_engagement', 'business_management', 'ads_read']);
  });

  test('a wrong app secret fails with a connect message', async () => {
    const fake = createMetaFake();
    const oauth = metaOAuth({
      credentials: { clientId: fake.appId, clientSecret: 'wrong' },
      fetch: inProcessFetch(fake.app),
      config: { graphBase: 'http://meta.fake' },
    });
    await expect(oauth.exchangeCode('meta-code-1', REDIRECT)).rejects.toThrow(/Connecting Meta failed/);
  });
});

describe('LinkedIn OAuth against the fake (served on 127.0.0.1)', () => {
  test('code → token with the client secret; scopes parsed from the response', async () => {
    const fakes = await startPlatformFakes();
    try {
      const config = { linkedin: { oauthBase: fakes.linkedin.url } };
      const oauth = linkedInOAuth({
        credentials: { clientId: fakes.linkedin.clientId, clientSecret: fakes.linkedin.clientSecret },
        config: config.linkedin,
      });
      const authorize = linkedInAuthorizeUrl({
        clientId: fakes.linkedin.clientId,
        redirectUri: REDIRECT,
        state: 'st',
        config: config.linkedin,
      });
      const res = await fetch(authorize, { redirect: 'manual' });
      const back = new URL(res.headers.get('location')!);
      expect(back.searchParams.get('state')).toBe('st');
      const grant = await oauth.exchangeCode(back.searchParams.get('code')!, REDIRECT);
      expect(grant.scopes).toEqual(['rw_ads', 'w_organization_social', 'rw_dmp_segments', 'r_ads_reporting']);
      expect(grant.refreshToken).toBeDefined();
      expect(scopeReport('linkedin', grant.scopes!).missing).toEqual([]);
      const refreshed = await oauth.refresh(grant.refreshToken!);
      expect(refreshed.accessToken).not.toBe(grant.accessToken);
    } finally {
      await fakes.close();
    }
  });

  test('the separate matched-audience permission shows as missing when not granted', async () => {
    const fake = createLinkedInFake({ grantScopes: ['rw_ads', 'w_organization_social'] });
    const config = { linkedin: { oauthBase: 'http://li.fake' } };
    const oauth = linkedInOAuth({
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
      fetch: inProcessFetch(fake.app),
      config: config.linkedin,
    });
    const back = await consent(
      fake.app,
      linkedInAuthorizeUrl({ clientId: fake.clientId, redirectUri: REDIRECT, state: 's', config: config.linkedin }),
    );
    const grant = await oauth.exchangeCode(back.searchParams.get('code')!, REDIRECT);
    expect(scopeReport('linkedin', grant.scopes!)).toEqual({
      platform: 'linkedin',
      granted: ['rw_ads', 'w_organization_social'],
      // Reporting (results) asks for r_ads_reporting with the rest: missing too.
      missing: ['rw_dmp_segments', 'r_ads_reporting'],
    });
  });

  test('exchange without the right secret, or with another redirect URI, is refused', async () => {
    const fake = createLinkedInFake();
    const config = { linkedin: { oauthBase: 'http://li.fake' } };
    const back = await consent(
      fake.app,
      linkedInAuthorizeUrl({ clientId: fake.clientId, redirectUri: REDIRECT, state: 's', config: config.linkedin }),
    );
    const code = back.searchParams.get('code')!;
    const bad = linkedInOAuth({
      credentials: { clientId: fake.clientId, clientSecret: 'nope' },
      fetch: inProcessFetch(fake.app),
      config: config.linkedin,
    });
    await expect(bad.exchangeCode(code, REDIRECT)).rejects.toBeInstanceOf(PlatformError);
    const good = linkedInOAuth({
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
      fetch: inProcessFetch(fake.app),
      config: config.linkedin,
    });
    await expect(good.exchangeCode(code, 'https://elsewhere.example/')).rejects.toThrow(/Connecting LinkedIn failed/);
  });

  test('the fake refuses the implicit flow for LinkedIn', async () => {
    const fake = createLinkedInFake();
    const res = await fake.app.request(
      `http://li.fake/oauth/v2/authorization?response_type=token&client_id=${fake.clientId}&redirect_uri=${REDIRECT}`,
    );
    expect(res.status).toBe(400);
  });

  test.each([
    ['rw_ads,w_organization_social', ['rw_ads', 'w_organization_social']],
    ['rw_ads w_organization_social', ['rw_ads', 'w_organization_social']],
    ['', []],
  ])('parseScopeList(%j)', (input, expected) => {
    expect(parseScopeList(input)).toEqual(expected);
  });

  test('no credentials configured → a clear server error', async () => {
    await expect(linkedInOAuth({}).exchangeCode('c', REDIRECT)).rejects.toThrow(/not configured/);
  });
});
