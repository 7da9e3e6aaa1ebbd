import { describe, expect, it } from 'vitest';
import { AT_RISK_MARGIN_HOURS, computeClock, minorDigits, statusAt } from '@/utils/engine/clock';
import { offsetMinutes, toZonedIso } from '@/utils/engine/tz';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('time zones', () => {
  it.each([
    ['America/New_York', '2026-03-08T06:59:00Z', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', -240],
    ['Europe/London', '2026-03-29T00:59:00Z', 0],
    ['Europe/London', '2026-03-29T01:00:00Z', 60],
    ['Australia/Sydney', '2026-04-04T15:59:00Z', 660],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 600],
    ['Asia/Kolkata', '2026-07-01T00:00:00Z', 330],
    ['UTC', '2026-07-01T00:00:00Z', 0],
    ['America/St_Johns', '2026-07-01T00:00:00Z', -150],
  ])('%s at %s is %i min', (tz, iso, off) => expect(offsetMinutes(at(iso), tz)).toBe(off));

  it('formats wall time with the offset in force', () => {
    expect(toZonedIso(at('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(toZonedIso(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30');
  });
});

describe('72-hour clock', () => {
  const published = '2026-11-20T09:00:00-05:00';
  it('deadline is +72 h and submit-by subtracts the review lead time', () => {
    const c = computeClock(published, { now: at('2026-11-20T15:00:00Z'), timeZone: 'UTC', reviewLeadHours: 12 });
    expect(c.deadline).toBe('2026-11-23T14:00:00+00:00');
    expect(c.submitBy).toBe('2026-11-23T02:00:00+00:00');
    expect(c.hoursSincePublished).toBe(1);
    expect(c.hoursLeft).toBe(71);
    expect(c.status).toBe('on-track');
  });

  it('status thresholds: on-track, at-risk within the margin of submit-by, missed after the deadline', () => {
    const p = at(published);
    const submitBy = p + 48 * H;
    const deadline = p + 72 * H;
    expect(statusAt(submitBy - AT_RISK_MARGIN_HOURS * H - 1, submitBy, deadline)).toBe('on-track');
    expect(statusAt(submitBy - AT_RISK_MARGIN_HOURS * H, submitBy, deadline)).toBe('at-risk');
    expect(statusAt(submitBy + H, submitBy, deadline)).toBe('at-risk');
    expect(statusAt(deadline, submitBy, deadline)).toBe('missed');
    expect(computeClock(published, { now: deadline + H }).explanation).toMatch(/window closed 1 h ago/);
    expect(computeClock(published, { now: submitBy + H }).explanation).toMatch(/past the submit-by time/);
  });

  it('a scheduled (future) release is on track', () => {
    expect(computeClock(published, { now: at(published) - 5 * H }).explanation).toMatch(/Scheduled/);
  });

  it('unknown publication time says so', () => {
    expect(computeClock(null, { now: 0 }).status).toBe('unknown');
    expect(computeClock('not a date', { now: 0 }).status).toBe('unknown');
  });

  it('deadline across the US spring-forward change keeps 72 real hours', () => {
    // Published Friday 6 March 2026 12:00 EST; DST starts Sunday 8 March: the wall clock shows 13:00 EDT.
    const c = computeClock('2026-03-06T12:00:00-05:00', {
      now: at('2026-03-06T18:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(c.deadline).toBe('2026-03-09T13:00:00-04:00');
    expect(Date.parse(c.deadline!) - at('2026-03-06T12:00:00-05:00')).toBe(72 * H);
  });

  it('deadline across the European autumn change in London and Berlin', () => {
    const opts = { now: at('2026-10-23T09:00:00Z') };
    expect(computeClock('2026-10-23T10:00:00+01:00', { ...opts, timeZone: 'Europe/London' }).deadline).toBe(
      '2026-10-26T09:00:00+00:00',
    );
    expect(computeClock('2026-10-23T10:00:00+01:00', { ...opts, timeZone: 'Europe/Berlin' }).deadline).toBe(
      '2026-10-26T10:00:00+01:00',
    );
  });

  it('the flight starts now (next quarter hour) and ends 7 days later at the same wall time across DST', () => {
    const c = computeClock('2026-03-06T12:00:00-05:00', {
      now: at('2026-03-06T18:07:00Z'),
      timeZone: 'America/New_York',
    });
    expect(c.flight.start).toBe('2026-03-06T13:15:00-05:00');
    expect(c.flight.end).toBe('2026-03-13T13:15:00-04:00');
    const syd = computeClock('2026-04-01T09:00:00+11:00', {
      now: at('2026-04-01T00:00:00Z'),
      timeZone: 'Australia/Sydney',
      flightDays: 7,
    });
    expect(syd.flight.start).toBe('2026-04-01T11:00:00+11:00');
    expect(syd.flight.end).toBe('2026-04-08T11:00:00+10:00');
  });

  it('splits the daily budget across variants, in minor units for the currency', () => {
    const c = computeClock('2026-11-20T09:00:00-05:00', { now: 0, dailyBudget: 50, variants: 6, currency: 'USD' });
    expect(c.flight.perVariantMinor).toBe(833);
    expect(c.flight.perVariant).toBe(8.33);
    expect(minorDigits('JPY')).toBe(0);
    expect(computeClock(null, { now: 0, dailyBudget: 5000, variants: 3, currency: 'JPY' }).flight.perVariantMinor).toBe(
      1666,
    );
  });
});
