import type { Metrics, ResultsReport } from '../../contract/results';
import { ANGLE_NAMES } from './format';

/**
 * The report as one CSV table (a spreadsheet's pivot-friendly long form): a row per variant and day, the
 * totals per variant, platform and window half, and LinkedIn's audience rows. `row_type` says which.
 */
const COLUMNS = [
  'row_type',
  'platform',
  'variant',
  'draft_id',
  'date',
  'window',
  'dimension',
  'value',
  'media',
  'impressions',
  'reach',
  'clicks',
  'link_clicks',
  'spend',
  'currency',
  'ctr',
  'cpc',
  'approximate',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | null>>;

const metricCells = (m: Metrics): Row => ({
  impressions: m.impressions,
  reach: m.reach,
  clicks: m.clicks,
  link_clicks: m.linkClicks,
  spend: m.spend.toFixed(2),
  ctr: m.ctr === null ? null : m.ctr.toFixed(6),
  cpc: m.cpc === null ? null : m.cpc.toFixed(4),
});

export function reportCsv(report: ResultsReport): string {
  const rows: Row[] = [];
  for (const p of report.platforms) {
    const base = { platform: p.label, currency: p.currency };
    const closeDay = p.windowCloseDay;
    for (const v of p.variants) {
      const variant = ANGLE_NAMES[v.angle] ?? v.angle;
      for (const d of v.daily) {
        rows.push({
          ...base,
          row_type: 'day',
          variant,
          draft_id: v.draftId,
          date: d.date,
          window: closeDay ? (d.date <= closeDay ? 'inside_72h' : 'after_72h') : null,
          impressions: d.impressions,
          clicks: d.clicks,
          link_clicks: d.linkClicks,
          spend: d.spend.toFixed(2),
          ctr: d.impressions ? (d.clicks / d.impressions).toFixed(6) : null,
          cpc: d.clicks ? (d.spend / d.clicks).toFixed(4) : null,
        });
      }
      rows.push({
        ...base,
        row_type: 'variant_total',
        variant,
        draft_id: v.draftId,
        value: v.winner ? 'winner' : null,
        ...metricCells(v.totals),
      });
    }
    if (!p.variants.length) continue;
    rows.push({ ...base, row_type: 'platform_total', ...metricCells(p.totals) });
    rows.push({ ...base, row_type: 'window_total', window: 'inside_72h', ...metricCells(p.inside) });
    rows.push({ ...base, row_type: 'window_total', window: 'after_72h', ...metricCells(p.after) });
    for (const dim of p.media?.dimensions ?? []) {
      for (const r of dim.rows) {
        rows.push({
          ...base,
          row_type: 'audience',
          dimension: dim.pivot,
          value: r.name,
          media: r.media,
          impressions: r.impressions,
          clicks: r.clicks,
          approximate: true,
        });
      }
    }
  }
  return (
    [COLUMNS as readonly unknown[], ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ''))].map(csvLine).join('\n') + '\n'
  );
}

/**
 * One RFC 4180 line: fields with a comma, quote or line break are quoted, quotes doubled. Written here
 * rather than with papaparse (used by the exports in engine/ui/heavy) so the library stays in one chunk:
 * a second user would split it out and lengthen the popup's preload list.
 */
function csvLine(cells: readonly unknown[]): string {
  return cells
    .map((v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
