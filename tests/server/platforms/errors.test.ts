import { describe, expect, test } from 'vitest';
import {
  draftFieldForMetaParam,
  isMetaThrottle,
  metaError,
  metaRetryAfterMs,
} from '../../../server/platforms/meta/errors.ts';
import {
  draftFieldForLinkedInPath,
  linkedInError,
  linkedInThrottleWaitMs,
} from '../../../server/platforms/linkedin/errors.ts';
import { assertStatus } from '../../../server/platforms/http.ts';
import { toMajorString, toMinorUnits } from '../../../server/platforms/money.ts';
import { chunk, hashEmail } from '../../../server/platforms/hash.ts';
import { toCtaEnum } from '../../../server/platforms/cta.ts';

describe('Meta error table', () => {
  test.each([
    [17, true],
    [613, true],
    [80000, true],
    [80007, true],
    [80014, true],
    [80015, false],
    [4, false],
    [100, false],
    [190, false],
  ])('code %i throttling=%s', (code, yes) => {
    expect(isMetaThrottle({ code })).toBe(yes);
  });

  test('usage headers: the longest wait wins (BUC minutes vs ad-account seconds)', () => {
    const h = new Headers({
      'X-Business-Use-Case-Usage': JSON.stringify({
        '1': [{ estimated_time_to_regain_access: 3 }],
        '2': [{ estimated_time_to_regain_access: 1 }],
      }),
      'X-Ad-Account-Usage': JSON.stringify({ acc_id_util_pct: 99, reset_time_duration: 30 }),
    });
    expect(metaRetryAfterMs(h)).toBe(180_000);
    expect(metaRetryAfterMs(new Headers({ 'X-Ad-Account-Usage': '{"reset_time_duration":45}' }))).toBe(45_000);
    expect(metaRetryAfterMs(new Headers({ 'X-Ad-Account-Usage': 'not json' }))).toBeUndefined();
  });

  test.each([
    ['object_story_spec.link_data.message', 'primaryText'],
    ['object_story_spec.link_data.name', 'headline'],
    ['object_story_spec.link_data.call_to_action.type', 'cta'],
    ['object_story_spec.link_data.call_to_action.value.link', 'url'],
    ['object_story_spec.link_data.link', 'url'],
    ['daily_budget', 'dailyBudget'],
    ['targeting.flexible_spec[0].interests', 'audience'],
    ['targeting.custom_audiences', 'mediaList'],
    ['end_time', 'schedule'],
    ['payload.data', 'mediaList'],
    ['something_else', undefined],
  ])('param %s → draft field %s', (path, field) => {
    expect(draftFieldForMetaParam(path)).toBe(field);
  });

  test('"param <name>" in the message is used when there is no blame spec', () => {
    const e = metaError(400, { error: { code: 100, message: '(#100) param daily_budget must be an integer' } });
    expect(e.details.draftField).toBe('dailyBudget');
    expect(e.message).toBe('Meta rejected the daily budget: (#100) param daily_budget must be an integer');
  });

  test('error_user_msg is preferred over the developer message', () => {
    const e = metaError(400, {
      error: {
        code: 100,
        message: 'Invalid parameter',
        error_user_msg: 'Your headline is too long.',
        error_data: { blame_field_specs: [['name']] },
      },
    });
    expect(e.message).toBe('Meta rejected the name: Your headline is too long.');
  });

  test('unknown errors still read as a sentence', () => {
    expect(metaError(500, 'Bad gateway').message).toBe('Meta refused: Bad gateway');
  });
});

describe('LinkedIn error table', () => {
  test.each([
    [401, {}, 'auth'],
    [403, { message: 'Not enough permissions to access: adCampaigns.CREATE.20260301' }, 'permission'],
    [422, { message: 'ERROR :: /commentary :: is too long' }, 'field'],
    [400, { message: 'ERROR :: /dailyBudget/amount :: must be positive' }, 'field'],
    [500, { message: 'oops' }, 'unknown'],
  ])('HTTP %i → %s', (status, body, kind) => {
    expect(linkedInError(status, body).kind).toBe(kind);
  });

  test.each([
    ['adCampaigns', 'rw_ads'],
    ['creatives', 'rw_ads'],
    ['posts', 'w_organization_social'],
    ['dmpSegments', 'rw_dmp_segments'],
  ])('403 on %s names %s', (resource, permission) => {
    const e = linkedInError(403, { message: `Not enough permissions to access: ${resource}.CREATE.20260301` });
    expect(e.details.permission).toBe(permission);
  });

  test.each([
    ['/commentary', 'introText'],
    ['/content/article/title', 'headline'],
    ['/content/article/source', 'url'],
    ['/dailyBudget/amount', 'dailyBudget'],
    ['/targetingCriteria/include/and/0', 'audience'],
    ['/elements/3/userIds', 'mediaList'],
  ])('path %s → draft field %s', (path, field) => {
    expect(draftFieldForLinkedInPath(path)).toBe(field);
  });

  test('only 429 is throttling; Retry-After honoured when present', () => {
    expect(linkedInThrottleWaitMs(500, new Headers())).toBe(false);
    expect(linkedInThrottleWaitMs(429, new Headers())).toBeUndefined();
    expect(linkedInThrottleWaitMs(429, new Headers({ 'Retry-After': '7' }))).toBe(7_000);
  });
});

describe('small invariants', () => {
  test('builders refuse anything but PAUSED / DRAFT', () => {
    expect(() => assertStatus('ACTIVE', 'PAUSED', 'a Meta ad')).toThrow(
      /Refusing to send a Meta ad with status ACTIVE/,
    );
    expect(() => assertStatus('DRAFT', 'DRAFT', 'a LinkedIn campaign')).not.toThrow();
  });

  test.each([
    [50, 'USD', 5000, '50.00'],
    [12.345, 'EUR', 1235, '12.35'],
    [5000, 'JPY', 5000, '5000'],
  ])('%d %s → %i minor / "%s" major', (amount, currency, minor, major) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
    expect(toMajorString(amount, currency)).toBe(major);
  });

  test('e-mails are trimmed and lower-cased before SHA-256', () => {
    expect(hashEmail('  Jane.Doe@Example.COM ')).toBe(hashEmail('jane.doe@example.com'));
    expect(hashEmail('jane.doe@example.com')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 10_000)).toEqual([]);
  });

  test.each([
    ['Learn more', 'LEARN_MORE'],
    ['LEARN_MORE', 'LEARN_MORE'],
    ['sign-up', 'SIGN_UP'],
  ])('CTA %s → %s', (input, out) => {
    expect(toCtaEnum(input)).toBe(out);
  });
});
