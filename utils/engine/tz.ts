/**
 * Time-zone arithmetic with nothing but Intl: the offset of a zone at an instant (DST-aware), and an ISO
 * string in that zone's wall-clock time with its offset, as Meta's start_time expects.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC for `timeZone` at instant `ms` (e.g. -240 for New York in summer). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** "2026-03-08T03:00:00-04:00": the instant as the zone's wall clock, with the offset in force then. */
export function toZonedIso(ms: number, timeZone: string): string {
  const off = offsetMinutes(ms, timeZone);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}
