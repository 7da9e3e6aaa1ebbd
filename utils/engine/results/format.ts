import type { Metrics, ResultsState } from '../../contract/results';

/**
 * Numbers as the report shows them, the same in the workspace, the popup line and the exports. Pure: no
 * DOM, no browser API, so the team server renders the HTML export with it too.
 */
const intFmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : intFmt.format(n));

export function money(n: number | null | undefined, currency: string | null): string {
  if (n === null || n === undefined) return '—';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency ?? 'USD' }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

export const percent = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? '—' : `${(n * 100).toFixed(digits)} %`;

export const ANGLE_NAMES: Record<string, string> = {
  news: 'News',
  quote: 'Quote',
  insight: 'Insight',
  custom: 'Custom',
};

export const STATE_NAMES: Record<ResultsState, string> = {
  not_sent: 'Not sent',
  waiting: 'No data yet',
  paused: 'Paused',
  permission: 'Reconnect needed',
  error: 'Refresh failed',
  ok: 'Live figures',
};

/** The metric columns every table shows, in order: label and how to print it. */
export const METRIC_COLUMNS: {
  key: keyof Metrics;
  label: string;
  show: (m: Metrics, currency: string | null) => string;
}[] = [
  { key: 'spend', label: 'Spend', show: (m, c) => money(m.spend, c) },
  { key: 'impressions', label: 'Impressions', show: (m) => count(m.impressions) },
  { key: 'reach', label: 'Reach', show: (m) => count(m.reach) },
  { key: 'clicks', label: 'Clicks', show: (m) => count(m.clicks) },
  { key: 'ctr', label: 'CTR', show: (m) => percent(m.ctr) },
  { key: 'cpc', label: 'CPC', show: (m, c) => money(m.cpc, c) },
];

/** "3 h ago" style age of a timestamp, for "updated …". */
export function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const min = Math.round((now - Date.parse(iso)) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}
