/**
 * Dates as the page prints them → ISO 8601 with the page's own offset. Never Date.parse on free text:
 * its reading of non-ISO strings is engine-specific, and "4/6/2016" is a different day in different
 * countries. Only ISO values and month-name dates (English, and French for CNW's Québec releases) are
 * read, day-month or month-day; a printed time needs a zone (from the text, else the wire's house zone)
 * or only its day is kept: a date-only release gives "YYYY-MM-DD", never an invented time.
 */

/**
 * Standard offsets in hours. The two-letter North American zones (ET, CT, MT, PT, and CNW's French HE)
 * are local time: they follow US/Canada daylight saving. Long names are keyed by initials: "Eastern
 * Daylight Time" → EDT. HAE / HNE: heure avancée / normale de l'Est.
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
  HE: -5,
  HAE: -4,
  HNE: -5,
};

/** Month names by their opening letters, January first: English, French ("mars", "juil.") and German ("März"). */
const MONTHS = 'ja,f,m[aä]r,a[pv],ma[iy],jui?n,jui?l,a[uo],s,o,n,d'.split(',').map((m) => RegExp(`^${m}`));

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
 * Printed: "25 Apr, 2016, 03:39 ET", "Jun 11, 2020, 16:25 ET", "Jan. 8, 2008", "7 April 2017",
 * "March 14, 2024 09:00 AM Eastern Daylight Time", "le 12 mars 2024, 08 h 00 HAE", "1er juin 2017".
 * Groups: day-first, month, day, year, hour, minute, AM/PM, zone. Zones are capitalised in datelines.
 */
const DATES =
  /(?:(\d\d?)(?:er)?\.? )?([JFMASONDjfmasond][a-zäéû]{2,8})\.?,? (?:(\d\d?)(?:st|nd|rd|th)?,? ?)?(\d{4}),? ?(?:(?:at |à )?(\d\d?)(?::| ?h ?)(\d\d)(?::\d\d)? ?([AP]\.?M)?\.? ?((?:[A-Z][a-z]+ ){1,3}Time|[A-Z]{1,4}T\b|UTC|H[AN]?E\b)?)?/g;

/**
 * One printed or machine date → "YYYY-MM-DDTHH:MM:SS±HH:MM" when the time and its zone are known, else
 * "YYYY-MM-DD" when the day is, else null. `houseZone` is the zone a wire prints times in without saying.
 */
export const parseDate = (raw: string | null | undefined, houseZone?: string) => findDate(raw, houseZone)?.[0] ?? null;

/** The first real date in a text, with where it starts: words that only look like months are passed over. */
export function findDate(raw: string | null | undefined, houseZone?: string): [string, number] | null {
  const iso = ISO.exec(raw ?? '');
  // machine-written: kept as given, offset normalised to ±HH:MM
  if (iso)
    return [
      iso[4] ? `${iso[1]}T${iso[2]}${iso[3] ?? ':00'}${iso[4].replace(/(\d\d)(\d\d)$/, '$1:$2')}` : iso[1]!,
      iso.index,
    ];
  for (const m of (raw ?? '').matchAll(DATES)) {
    const [, dayFirst, mon, dayAfter, y, h, mi, ampm, zone = houseZone ?? ''] = m;
    const month = MONTHS.findIndex((x) => x.test(mon!.toLowerCase()));
    const d = parseInt(dayFirst ?? dayAfter!);
    const hour = (+h! % (ampm ? 12 : 24)) + (ampm?.[0] === 'P' ? 12 : 0);
    if (new Date(Date.UTC(+y!, month, d)).getUTCDate() !== d || month < 0 || hour > 23 || +mi! > 59) continue;
    const day = `${y}-${pad(month + 1)}-${pad(d)}`;
    const base = ZONES[/ /.test(zone) ? zone.replace(/(\w)\w* ?/g, '$1') : zone];
    if (!h || base == null) return [day, m.index];
    const min = (base + (zone.length === 2 && usDaylight(+y!, month, d, hour) ? 1 : 0)) * 60;
    // the offset as ±HH:MM, read off a UTC clock set to its length
    return [
      `${day}T${pad(hour)}:${mi}:00${min < 0 ? '-' : '+'}${new Date(Math.abs(min) * 6e4).toISOString().slice(11, 16)}`,
      m.index,
    ];
  }
  return null;
}

/**
 * The release's date from the page's metadata and what it prints (a wire's printed date, the dateline's,
 * one standing alone by the story): the metadata when it agrees with the printed date (the same instant,
 * or the same day when one has no time), keeping the more precise; the printed date when they disagree.
 */
export function chooseDate(machine: string | null | undefined, printed: string[]): string | null {
  const said = printed.find((d) => d[10]) ?? printed[0];
  const agree =
    !said ||
    (machine?.[10] && said[10]
      ? Date.parse(machine) === Date.parse(said)
      : machine?.slice(0, 10) === said.slice(0, 10));
  return (machine && agree && (machine[10] || !said) ? machine : said) ?? null;
}
