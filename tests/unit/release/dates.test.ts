import { describe, expect, test } from 'vitest';
import { parseDate, usDaylight } from '@/utils/release/dates';

describe('parseDate: the page’s own offset', () => {
  test.each([
    // the manifest's printed dates
    ['25 Apr, 2016, 03:39 ET', undefined, '2016-04-25T03:39:00-04:00'],
    ['Jun 11, 2020, 16:25 ET', undefined, '2020-06-11T16:25:00-04:00'],
    ['April 06, 2016 12:00 ET', undefined, '2016-04-06T12:00:00-04:00'],
    // ET in November is standard time
    ['Nov 14, 2024, 08:00 ET', undefined, '2024-11-14T08:00:00-05:00'],
    ['January 9, 2024 10:30 AM PT', undefined, '2024-01-09T10:30:00-08:00'],
    ['July 9, 2024 10:30 PM CT', undefined, '2024-07-09T22:30:00-05:00'],
    ['Dec 1, 2024 12:05 AM MT', undefined, '2024-12-01T00:05:00-07:00'],
    // explicit daylight/standard abbreviations and long names are taken as written
    ['March 14, 2024 09:00 AM Eastern Daylight Time', undefined, '2024-03-14T09:00:00-04:00'],
    ['November 5, 2024 08:00 AM Eastern Standard Time', undefined, '2024-11-05T08:00:00-05:00'],
    ['Feb 2, 2024 9:00 EST', undefined, '2024-02-02T09:00:00-05:00'],
    ['Jun 3, 2024, 09:15 BST', undefined, '2024-06-03T09:15:00+01:00'],
    ['Jun 3, 2024, 09:15 CEST', undefined, '2024-06-03T09:15:00+02:00'],
    ['Jan 3, 2024, 09:15 CET', undefined, '2024-01-03T09:15:00+01:00'],
    ['March 12, 2024, 08:00 GMT', undefined, '2024-03-12T08:00:00+00:00'],
    // a printed time without a zone takes the wire's house zone, and without one keeps only the day
    ['March 12, 2024 8:00 AM', 'ET', '2024-03-12T08:00:00-04:00'],
    ['March 12, 2024 8:00 AM', undefined, '2024-03-12'],
    // ISO values keep their own offset
    ['2016-04-06T16:00:00Z', 'ET', '2016-04-06T16:00:00Z'],
    ['2017-07-09T23:17:52.000Z', undefined, '2017-07-09T23:17:52Z'],
    ['2024-03-12T08:00:00+0100', undefined, '2024-03-12T08:00:00+01:00'],
    ['2024-03-12', undefined, '2024-03-12'],
    // day only
    ['April 25, 2016', 'ET', '2016-04-25'],
    ['Monday, March 11, 2024', undefined, '2024-03-11'],
    // never guessed: US numeric dates are ambiguous, non-dates and impossible days are null
    ['4/6/2016 4:00:00 PM', 'ET', null],
    ['Feb 30, 2024', undefined, null],
    ['not a date', undefined, null],
    ['', undefined, null],
    [null, undefined, null],
  ])('%s (house zone %s) → %s', (raw, zone, expected) => expect(parseDate(raw, zone)).toBe(expected));
});

describe('US/Canada daylight saving', () => {
  test.each([
    [2024, 2, 10, 1, false], // 2nd Sunday of March 2024 is the 10th: DST starts at 02:00
    [2024, 2, 10, 3, true],
    [2024, 10, 3, 0, true], // 1st Sunday of November 2024 is the 3rd: DST ends at 02:00
    [2024, 10, 3, 3, false],
    [2016, 3, 25, 3, true],
    [2016, 0, 15, 12, false],
  ])('%i-%i-%i %i:00 → %s', (y, m, d, h, dst) => expect(usDaylight(y, m, d, h)).toBe(dst));
});
