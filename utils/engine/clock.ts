import { offsetMinutes, toZonedIso } from './tz';

/**
 * The 72-hour clock. A release gets its pickup in the first three days; paid social has to be live inside
 * that window, and the platforms need time to review an ad before it serves.
 */
export const WINDOW_HOURS = 72;
export const DEFAULT_REVIEW_LEAD_HOURS = 24;
/** At risk once fewer than this many hours remain before "submit by". */
export const AT_RISK_MARGIN_HOURS = 12;

export type ClockStatus = 'on-track' | 'at-risk' | 'missed' | 'unknown';

export interface FlightPlan {
  start: string;
  end: string;
  timeZone: string;
  days: number;
  currency: string;
  /** Total per day, split evenly across the variants (in major units, and minor units for Meta). */
  dailyBudget: number;
  perVariant: number;
  perVariantMinor: number;
  variants: number;
}

export interface Clock {
  publishedAt: string | null;
  deadline: string | null;
  submitBy: string | null;
  status: ClockStatus;
  hoursSincePublished: number | null;
  hoursLeft: number | null;
  reviewLeadHours: number;
  /** One line a person can read: "hit the wire 5 h ago · 43 h to submit · on track". */
  explanation: string;
  flight: FlightPlan;
}

export interface ClockOptions {
  now: number;
  reviewLeadHours?: number;
  timeZone?: string;
  flightDays?: number;
  dailyBudget?: number;
  currency?: string;
  variants?: number;
}

const H = 3_600_000;
const QUARTER = 15 * 60_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Digits after the decimal point for a currency (JPY 0, USD 2), for budgets in minor units. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function statusAt(now: number, submitBy: number, deadline: number): ClockStatus {
  if (now >= deadline) return 'missed';
  if (now >= submitBy - AT_RISK_MARGIN_HOURS * H) return 'at-risk';
  return 'on-track';
}

export function computeClock(publishedAt: string | null, opts: ClockOptions): Clock {
  const lead = opts.reviewLeadHours ?? DEFAULT_REVIEW_LEAD_HOURS;
  const tz = opts.timeZone ?? 'UTC';
  const published = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  const flight = planFlight(opts);
  if (Number.isNaN(published)) {
    return {
      publishedAt,
      deadline: null,
      submitBy: null,
      status: 'unknown',
      hoursSincePublished: null,
      hoursLeft: null,
      reviewLeadHours: lead,
      flight,
      explanation: 'Publication time unknown: the 72-hour window cannot be timed. Check the release date by hand.',
    };
  }
  const deadline = published + WINDOW_HOURS * H;
  const submitBy = deadline - lead * H;
  const status = statusAt(opts.now, submitBy, deadline);
  const since = (opts.now - published) / H;
  const left = (deadline - opts.now) / H;
  const toSubmit = (submitBy - opts.now) / H;
  const explanation =
    status === 'missed'
      ? `Hit the wire ${Math.round(since)} h ago: the 72-hour window closed ${Math.round(-left)} h ago.`
      : status === 'at-risk'
        ? toSubmit > 0
          ? `Hit the wire ${Math.round(since)} h ago · ${Math.round(left)} h left · ${Math.round(toSubmit)} h to submit for ${lead} h of ad review · at risk.`
          : `Hit the wire ${Math.round(since)} h ago · past the submit-by time: ads may not clear review before the window closes in ${Math.round(left)} h.`
        : since < 0
          ? `Scheduled: goes out in ${Math.round(-since)} h · ${Math.round(toSubmit)} h to submit · on track.`
          : `Hit the wire ${Math.round(since)} h ago · ${Math.round(left)} h left · ${Math.round(toSubmit)} h to submit · on track.`;
  return {
    publishedAt,
    deadline: toZonedIso(deadline, tz),
    submitBy: toZonedIso(submitBy, tz),
    status,
    hoursSincePublished: round1(since),
    hoursLeft: round1(left),
    reviewLeadHours: lead,
    explanation,
    flight,
  };
}

/**
 * Start now (late ads still help; the clock says when it is late), rounded up to the next quarter hour (every
 * zone's offset is a multiple of 15 min, so the local start is a round time too), run `flightDays`, split the daily budget across the variants.
 */
function planFlight(opts: ClockOptions): FlightPlan {
  const tz = opts.timeZone ?? 'UTC';
  const days = opts.flightDays ?? 7;
  const currency = opts.currency ?? 'USD';
  const daily = opts.dailyBudget ?? 50;
  const variants = Math.max(1, opts.variants ?? 1);
  const digits = minorDigits(currency);
  const perVariantMinor = Math.floor((daily * 10 ** digits) / variants);
  const start = Math.ceil(opts.now / QUARTER) * QUARTER;
  // "7 days" ends at the same wall-clock time, even when a DST change falls inside the flight.
  const naiveEnd = start + days * 24 * H;
  const end = naiveEnd - (offsetMinutes(naiveEnd, tz) - offsetMinutes(start, tz)) * 60_000;
  return {
    start: toZonedIso(start, tz),
    end: toZonedIso(end, tz),
    timeZone: tz,
    days,
    currency,
    dailyBudget: daily,
    perVariant: perVariantMinor / 10 ** digits,
    perVariantMinor,
    variants,
  };
}
