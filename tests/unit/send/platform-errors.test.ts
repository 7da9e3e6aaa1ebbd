import { describe, expect, test } from 'vitest';
import { describeFailure, httpFailure, type ErrorBody } from '../../../utils/send/platform-errors';

/** Every error body the send and connect routes answer → the sentence and the action the UI offers. */
const rows: {
  name: string;
  status: number;
  body: ErrorBody | null;
  platform: 'meta' | 'linkedin' | null;
  message: RegExp;
  action: string;
}[] = [
  {
    name: 'expired token',
    status: 409,
    body: { error: 'auth', message: 'The Meta sign-in has expired: reconnect Meta.' },
    platform: 'meta',
    message: /reconnect Meta in Options/,
    action: 'reconnect',
  },
  {
    name: 'missing permission (named)',
    status: 409,
    body: { error: 'permission', message: 'x', permission: 'rw_dmp_segments' },
    platform: 'linkedin',
    message: /LinkedIn has not granted the “rw_dmp_segments” permission: reconnect LinkedIn in Options/,
    action: 'reconnect',
  },
  {
    name: 'missing permission (unnamed)',
    status: 409,
    body: { error: 'permission', message: 'x' },
    platform: 'meta',
    message: /lacks a permission or a role/,
    action: 'reconnect',
  },
  {
    name: 'invalid field',
    status: 422,
    body: { error: 'field', message: 'Meta rejected the headline: too long', draftField: 'headline', step: 'creative' },
    platform: 'meta',
    message: /^Fix the draft’s Headline: Meta rejected the headline: too long$/,
    action: 'fix-field',
  },
  {
    name: 'targeting without field',
    status: 422,
    body: { error: 'targeting', message: 'LinkedIn needs a location.' },
    platform: 'linkedin',
    message: /^LinkedIn needs a location\.$/,
    action: 'fix-field',
  },
  {
    name: 'not approved',
    status: 403,
    body: { error: 'not_approved', message: 'This draft needs approval before it can be sent.' },
    platform: 'meta',
    message: /needs approval.*ask a reviewer/,
    action: 'approve',
  },
  {
    name: 'role cannot send',
    status: 403,
    body: { error: 'forbidden', message: 'only owners, admins and editors send drafts to the ad platforms' },
    platform: 'meta',
    message: /^Not allowed: only owners/,
    action: 'server',
  },
  {
    name: 'throttled',
    status: 429,
    body: { error: 'throttled', message: 'slow down' },
    platform: 'linkedin',
    message: /LinkedIn is limiting requests right now\. Nothing was duplicated: try again in about 2 minutes/,
    action: 'retry-later',
  },
  {
    name: 'not connected',
    status: 409,
    body: { error: 'not_connected', message: 'Connect Meta first.' },
    platform: 'meta',
    message: /Meta is not connected: connect it in Options/,
    action: 'reconnect',
  },
  {
    name: 'busy',
    status: 409,
    body: { error: 'busy', message: 'Another send of this release to Meta is still running: try again in a minute.' },
    platform: 'meta',
    message: /still running/,
    action: 'retry-later',
  },
  {
    name: 'platform error at a step',
    status: 502,
    body: { error: 'unknown', message: 'An unknown error occurred', step: 'adset' },
    platform: 'meta',
    message: /Meta returned an error at the ad set step: An unknown error occurred\. Sending again resumes/,
    action: 'retry',
  },
  {
    name: 'app not configured',
    status: 501,
    body: { error: 'not_configured', message: 'linkedin is not configured on this server' },
    platform: 'linkedin',
    message: /no LinkedIn app set up.*LINKEDIN_CLIENT_ID/,
    action: 'server',
  },
  {
    name: 'session ended',
    status: 401,
    body: null,
    platform: null,
    message: /sign in again in Options/,
    action: 'sign-in',
  },
  {
    name: 'server crashed',
    status: 500,
    body: null,
    platform: 'meta',
    message: /team server had a problem \(500\)/,
    action: 'retry',
  },
  {
    name: 'draft not on server',
    status: 404,
    body: { error: 'not_found', message: 'no such draft' },
    platform: 'meta',
    message: /does not have this draft yet/,
    action: 'retry',
  },
];

describe('describeFailure', () => {
  test.each(rows)('$name', ({ status, body, platform, message, action }) => {
    const f = describeFailure(
      status,
      body,
      platform,
      'Could not send',
      status === 429 ? 'in about 2 minutes' : undefined,
    );
    expect(f.message).toMatch(message);
    expect(f.action).toBe(action);
  });
});

test('httpFailure reads the body and Retry-After from a Response', async () => {
  const res = new Response(JSON.stringify({ error: 'throttled', message: 'x' }), {
    status: 429,
    headers: { 'retry-after': '30' },
  });
  expect((await httpFailure(res, 'meta', 'Could not send')).message).toMatch(/try again in about 30 seconds/);
  const html = new Response('<h1>Bad gateway</h1>', { status: 503 });
  expect((await httpFailure(html, null, 'x')).message).toMatch(/team server had a problem \(503\)/);
  const field = new Response(JSON.stringify({ error: 'field', message: 'too long', draftField: 'introText' }), {
    status: 422,
  });
  const f = await httpFailure(field, 'linkedin', 'x');
  expect(f.details.draftField).toBe('introText');
  expect(f.message).toBe('Fix the draft’s Introductory text: too long');
});
