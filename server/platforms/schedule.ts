import { PlatformError } from './errors.ts';
import type { Platform } from '../../utils/contract/draft.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks the flight before anything is sent: ISO 8601 with an explicit offset (Meta reads a bare time in
 * the account's zone, which silently shifts the plan), end after start, and not already over.
 */
export function checkSchedule(platform: Platform, start: string, end: string, now: Date): void {
  const fail = (why: string) =>
    new PlatformError(platform, 'field', `The schedule can't be sent: ${why}.`, { draftField: 'schedule' });
  if (!ISO_WITH_OFFSET.test(start) || !ISO_WITH_OFFSET.test(end)) {
    throw fail('start and end need a date, a time and a UTC offset (e.g. 2026-11-24T09:00:00-05:00)');
  }
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!(e > s)) throw fail('the end is not after the start');
  if (e <= now.getTime()) throw fail('the flight has already ended');
}
