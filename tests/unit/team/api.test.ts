import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOrganisation, fetchMe, normaliseServerUrl, signIn, signUp, TeamError } from '../../../utils/team/api';
import { startTestServer, type TestServer } from '../../server/harness';

/** Account calls against the real server app (in-memory PGlite). */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(async () => {
  await s.close();
});

const BASE = 'http://127.0.0.1:8787';
let ip = 0;
const appFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('x-test-ip', `10.9.0.${++ip}`);
  return s.app.request(String(input).replace(BASE, ''), { ...(init as RequestInit), headers });
};

test('create account → token; sign in again; /api/me; create an organisation and see it listed', async () => {
  const email = `ann-${Date.now()}@example.test`;
  const up = await signUp(appFetch, BASE, 'Ann', email, 'correct horse battery');
  expect(up.token).toBeTruthy();
  expect(up.user.email).toBe(email);
  const again = await signIn(appFetch, BASE, email, 'correct horse battery');
  expect(again.user.id).toBe(up.user.id);
  expect((await fetchMe(appFetch, BASE, again.token)).organizations).toEqual([]);
  const org = await createOrganisation(appFetch, BASE, again.token, 'Acme PR');
  const me = await fetchMe(appFetch, BASE, again.token);
  expect(me.organizations).toEqual([expect.objectContaining({ id: org.id, name: 'Acme PR', role: 'owner' })]);
});

test('plain errors: wrong password, existing account, dead server, bad address', async () => {
  const email = `bob-${Date.now()}@example.test`;
  await signUp(appFetch, BASE, 'Bob', email, 'correct horse battery');
  await expect(signIn(appFetch, BASE, email, 'wrong password!!')).rejects.toThrow('Wrong e-mail or password.');
  await expect(signIn(appFetch, BASE, 'nobody@example.test', 'wrong password!!')).rejects.toThrow(
    'Wrong e-mail or password.',
  );
  // Sign-up does not reveal an existing account: with its password it signs in, with another it says so.
  expect((await signUp(appFetch, BASE, 'Bob', email, 'correct horse battery')).user.email).toBe(email);
  await expect(signUp(appFetch, BASE, 'Bob', email, 'another horse battery')).rejects.toThrow(/may already have one/);
  await expect(signUp(appFetch, BASE, 'Bob', 'short@example.test', 'short')).rejects.toThrow(/at least 10/);
  const dead: typeof fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  await expect(signIn(dead, 'http://127.0.0.1:1', email, 'x')).rejects.toThrow(
    'Cannot reach the team server at http://127.0.0.1:1',
  );
  await expect(fetchMe(appFetch, BASE, 'not-a-token')).rejects.toThrow(/sign in again/);
  expect(() => normaliseServerUrl('not a url')).toThrow(TeamError);
  expect(normaliseServerUrl(' http://127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
});
