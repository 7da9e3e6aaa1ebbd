/**
 * Dates as the page prints them → ISO 8601 with the page's own offset. Never Date.parse on free text:
 * its reading of non-ISO strings is engine-specific, and "4/6/2016" is a different day in different
 * countries. Only ISO values and English month-name dates are read; a printed time needs a zone (from the
 * text, else the wire's house zone) or only its day is kept.
 */

/**
 * Standard offsets in hours. The two-letter North American zones (ET, CT, MT, PT) are local time: they
 * follow US/Canada daylight saving. Long names are keyed by initials: "Eastern Daylight Time" → EDT.
 */
const ZONES: Record<string, number> = {
  ET: -5,
  EST: -5,
  EDT: -4,
  CT: -6,
  CST: -6,
  CDT: -5,
  MT: -7,
  MST: -7,
  MDT: -6,
  PT: -8,
  PST: -8,
  PDT: -7,
  GMT: 0,
  UTC: 0,
  BST: 1,
  CET: 1,
  CEST: 2,
  IST: 5.5,
  JST: 9,
};

const pad = (n: number) => `${n < 10 ? '0' : ''}${n}`;

/** Day of the year's first Sunday on or after day `from` of month `m` (0-based), as month*31+day. */
const sunday = (y: number, m: number, from: number) =>
  m * 31 + from + ((7 - new Date(Date.UTC(y, m, from)).getUTCDay()) % 7);

/** US/Canada daylight saving (rules since 2007): 2nd Sunday of March to 1st Sunday of November, 2:00 local. */
export const usDaylight = (y: number, mo: number, d: number, h: number) =>
  (mo * 31 + d) * 24 + h >= sunday(y, 2, 8) * 24 + 2 && (mo * 31 + d) * 24 + h < sunday(y, 10, 1) * 24 + 2;

// ISO: "2016-04-25T03:39:00-04:00", "2017-07-09T23:17:52.000Z", "2024-03-12 08:00+0100"
const ISO = /(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?[.\d]*(Z|[+-]\d\d:?\d\d)?)?/;
/**
 * Printed: "25 Apr, 2016, 03:39 ET", "Jun 11, 2020, 16:25 ET", "April 06, 2016 12:00 ET",
 * "March 14, 2024 09:00 AM Eastern Daylight Time". Groups: day-first, month, day, year, hour, minute,
 * AM/PM, zone. Case-sensitive: months and zones are capitalised in datelines.
 */
export const DATE_TEXT =
  /(\d\d?\.? )?([JFMASOND][a-z]{2})[a-z]*[.,]? (\d\d?)?,? ?(\d{4}),? ?(?:(\d\d?):(\d\d)(?::\d\d)? ?([AP]M)? ?((?:[A-Z][a-z]+ ){1,3}Time|[A-Z]{1,4}T\b|UTC)?)?/;

/**
 * One printed or machine date → "YYYY-MM-DDTHH:MM:SS±HH:MM" when the time and its zone are known, else
 * "YYYY-MM-DD" when the day is, else null. `houseZone` is the zone a wire prints times in without saying.
 */
export function parseDate(raw: string | null | undefined, houseZone?: string): string | null {
  const iso = ISO.exec(raw ?? '');
  // machine-written: kept as given, offset normalised to ±HH:MM
  if (iso) return iso[4] ? `${iso[1]}T${iso[2]}${iso[3] ?? ':00'}${iso[4].replace(/(\d\d)(\d\d)$/, '$1:$2')}` : iso[1]!;
  const m = DATE_TEXT.exec(raw ?? '');
  if (!m) return null;
  const [, dayFirst, mon, dayAfter, y, h, mi, ampm, zone = houseZone ?? ''] = m;
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(mon!) / 3;
  const d = parseInt(dayFirst ?? dayAfter!);
  const hour = (+h! % (ampm ? 12 : 24)) + (ampm === 'PM' ? 12 : 0);
  if (new Date(Date.UTC(+y!, month, d)).getUTCDate() !== d || month < 0 || hour > 23 || +mi! > 59) return null;
  const day = `${y}-${pad(month + 1)}-${pad(d)}`;
  const base = ZONES[/ /.test(zone) ? zone.replace(/(\w)\w* ?/g, '$1') : zone];
  if (!h || base == null) return day;
  const min = (base + (zone.length === 2 && usDaylight(+y!, month, d, hour) ? 1 : 0)) * 60;
  return `${day}T${pad(hour)}:${mi}:00${min < 0 ? '-' : '+'}${pad((Math.abs(min) / 60) | 0)}:${pad(Math.abs(min) % 60)}`;
}
