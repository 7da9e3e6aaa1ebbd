import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signUp, startTestServer, type TestServer } from './harness.ts';

/**
 * Issue 15, finding 5: sign-in limits per client address (the proxy's X-Forwarded-For trusted only when
 * configured) and per account. The harness's `x-test-ip` header plays the socket's peer address.
 */
const PROXY = '198.51.100.1';
/** Smaller than the default (20 per 10 min) so the test needs fewer slow password checks. */
const ACCOUNT = { window: 600, max: 6 };
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    authRateLimit: { enabled: true, window: 60, max: 100 },
    trustedProxies: [PROXY, '2001:db8::/32'],
    signInAccountLimit: ACCOUNT,
  });
});
afterAll(async () => {
  await s.close();
});

let n = 0;
const signIn = (email: string, headers: Record<string, string>, password = 'wrong password!!') =>
  s.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
const fresh = () => `nobody-${++n}-${Date.now()}@example.test`;

describe('per client address', () => {
  test('behind a trusted proxy, people at different addresses do not share one bucket', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const res = await signIn(fresh(), { 'x-test-ip': PROXY, 'x-forwarded-for': `192.0.2.${i}` });
      statuses.push(res.status);
    }
    expect(statuses).not.toContain(429);
  });

  test('one address behind the proxy is still limited (better-auth: 3 per 10 s per address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await signIn(fresh(), { 'x-test-ip': PROXY, 'x-forwarded-for': '192.0.2.200, 198.51.100.1' });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  test('X-Forwarded-For from a peer that is not a configured proxy is ignored', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await signIn(fresh(), { 'x-test-ip': '203.0.113.99', 'x-forwarded-for': `192.0.2.${100 + i}` });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  test('IPv6 proxies by prefix; the client is the first address from the right that is not a proxy', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await signIn(fresh(), {
        'x-test-ip': '2001:db8::5',
        'x-forwarded-for': `203.0.113.${i}, 2001:db8::9`,
      });
      statuses.push(res.status);
    }
    expect(statuses).not.toContain(429);
  });
});

describe('per account', () => {
  test('guessing one account from many addresses is stopped; other accounts still sign in', async () => {
    const victim = await signUp(s, 'victim');
    const other = await signUp(s, 'bystander');
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT.max + 2; i++) {
      // A new address every time: the per-address limit never applies.
      const res = await signIn(victim.email, { 'x-test-ip': `10.77.${Math.floor(i / 250)}.${i % 250}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, ACCOUNT.max).every((st) => st === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const res = await signIn(victim.email, { 'x-test-ip': '10.78.0.1' }, 'correct horse battery');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const ok = await signIn(other.email, { 'x-test-ip': '10.78.0.2' }, 'correct horse battery');
    expect(ok.status).toBe(200);
  });

  test('successful sign-ins do not use up the account budget', async () => {
    const u = await signUp(s, 'regular');
    for (let i = 0; i < ACCOUNT.max + 2; i++) {
      const res = await signIn(
        u.email,
        { 'x-test-ip': `10.79.${Math.floor(i / 250)}.${i % 250}` },
        'correct horse battery',
      );
      expect(res.status).toBe(200);
    }
  });
});
