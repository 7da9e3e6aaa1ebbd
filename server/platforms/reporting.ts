import type { PlatformConfigOverrides } from './config.ts';
import type { Executor } from './pipeline.ts';

/**
 * Pulling results back (issue 18): what a platform's reporting half takes and gives. Each platform's folder
 * has a reporting.ts (meta/reporting.ts, linkedin/reporting.ts) behind its adapter's `reporting`; the
 * schedule, storage and report live in server/results. Reads only: nothing here changes an ad object.
 */
export interface ReportTarget {
  adAccountId: string;
  /** The ad account's zone: Meta's days are in it; LinkedIn reports in UTC. */
  timeZone: string;
  /** draft.remote: the ids the send recorded (campaign, ad set, ad / creative…). */
  remote: Record<string, string>;
}

export interface PulledDay {
  /** YYYY-MM-DD */
  date: string;
  impressions: number;
  clicks: number;
  linkClicks: number | null;
  /** Spend in micro-units of the account currency (decimal strings kept exactly). */
  spendMicros: number;
}

export interface PulledVariant {
  /** The platform's delivery status (ACTIVE, PAUSED, CAMPAIGN_PAUSED, DRAFT…). */
  delivery: string | null;
  /** Whether that status means the ads can spend now. */
  canSpend: boolean;
  flightStart: string | null;
  flightEnd: string | null;
  days: PulledDay[];
  /** Unique people over the flight (not additive across days). */
  reach: number | null;
}

export interface BreakdownRow {
  value: string;
  impressions: number;
  clicks: number;
}

export interface PlatformReporting {
  /** Where the team turns the campaign on (states say so when it is paused). */
  manager: string;
  /** How late the platform's figures arrive, for "no data yet". */
  delay: string;
  /** The zone the platform's days are in, given the ad account's (Meta: the account's; LinkedIn: UTC). */
  zone(accountZone: string | null): string;
  /** The remote key naming the campaign (demographics and the report group by it). */
  campaignOf(remote: Record<string, string>): string | undefined;
  /** The variant's daily figures, delivery status and flight, from `since` (or the flight's start) to `until`. */
  pull(o: {
    executor: Executor;
    config: PlatformConfigOverrides;
    target: ReportTarget;
    /** The pull's clock: the last day asked for is today in the report's zone. */
    now: Date;
  }): Promise<PulledVariant>;
  /** Audience dimensions for a campaign (LinkedIn's MEMBER_* pivots); absent where the platform has none used. */
  breakdowns?(o: {
    executor: Executor;
    config: PlatformConfigOverrides;
    target: ReportTarget;
    since: string;
    until: string;
  }): Promise<{ dimension: string; rows: BreakdownRow[] }[]>;
  /** Names of URNs the breakdowns return. */
  names?(o: { executor: Executor; config: PlatformConfigOverrides; urns: string[] }): Promise<Record<string, string>>;
}

/** "12.345678" → 12345678 micro-units, exactly (no float rounding of money). */
export function decimalToMicros(value: unknown): number {
  const s = String(value ?? '0').trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) return 0;
  const frac = (m[3] ?? '').padEnd(6, '0').slice(0, 6);
  const micros = Number(m[2] || '0') * 1_000_000 + Number(frac || '0');
  return m[1] ? -micros : micros;
}

/** A date (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date | number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days to ask for: the flight's first day (or 30 days back) to today, capped at the flight's last day. */
export function reportRange(
  flightStart: string | null,
  flightEnd: string | null,
  timeZone: string,
  today: string,
): { since: string; until: string } | null {
  const since = flightStart ? dayIn(new Date(flightStart), timeZone) : addDays(today, -29);
  const end = flightEnd ? dayIn(new Date(flightEnd), timeZone) : today;
  const until = end < today ? end : today;
  return since <= until ? { since, until } : null;
}
