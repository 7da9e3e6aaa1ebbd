import type { Platform } from '../../contract/platform-ids';
import type { PlatformResult, ResultsReport } from '../../contract/results';
import { ANGLE_NAMES, count, METRIC_COLUMNS, money, percent, STATE_NAMES } from './format';

/**
 * The report as one self-contained HTML page: inline styles, inline SVG charts, no script, no external
 * file, so it opens anywhere, mails as an attachment and prints to PDF (A4, sections kept whole). The
 * workspace downloads it; the team server serves it on a reviewer link that includes results. Every value
 * from the report is escaped.
 */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

const STYLE = `
:root{--ink:#17202a;--muted:#5d6d7e;--line:#d5dbe1;--meta:#1877f2;--li:#0a66c2;--ok:#1e8449;--warn:#b9770e}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;padding:32px;max-width:960px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}.muted{color:var(--muted)}.small{font-size:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:right;padding:5px 8px;border-bottom:1px solid var(--line);white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal}th{font-size:12px;color:var(--muted);font-weight:600}
.kpis{display:grid;grid-template-columns:repeat(6,1fr);gap:8px;margin:8px 0}.kpi{border:1px solid var(--line);border-radius:6px;padding:8px}
.kpi b{display:block;font-size:17px}.kpi span{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.state{padding:8px 10px;border-radius:6px;background:#f4f6f7;border-left:4px solid var(--muted);margin:6px 0}
.state-ok{border-color:var(--ok)}.state-paused,.state-waiting{border-color:var(--warn)}.state-permission,.state-error{border-color:#c0392b;background:#fdedec}
.winner{font-weight:600}.winner td:first-child::after{content:" ★ best CTR";color:var(--ok);font-size:12px}
.caveat{font-size:12px;color:var(--muted);border-left:3px solid var(--line);padding-left:8px}
section.platform{break-inside:avoid-page}svg{max-width:100%;height:auto}
@page{size:A4;margin:14mm}@media print{body{padding:0}h2{break-after:avoid}table,.kpis,svg{break-inside:avoid}}
`;

export interface ExportOptions {
  /** A line under the title, e.g. "Shared with you by Acme's team". */
  subtitle?: string;
  /** Only the report's sections (for embedding in another page), without <html> and styles. */
  embedded?: boolean;
}

export function reportHtml(report: ResultsReport, o: ExportOptions = {}): string {
  const body = [
    `<header><h1>${esc(report.headline)}</h1>`,
    `<p class="muted">${esc(report.company)}${report.company ? ' · ' : ''}Paid amplification results · generated ${esc(dateTime(report.generatedAt))}</p>`,
    o.subtitle ? `<p class="muted small">${esc(o.subtitle)}</p>` : '',
    `<p>${windowLine(report)}</p></header>`,
    ...report.platforms.map(platformSection),
    `<footer class="muted small"><p>Spend in each ad account's currency. CTR = clicks ÷ impressions; CPC = spend ÷ clicks. Days are in the ad account's time zone (LinkedIn: UTC); the day the 72-hour window closes counts inside it. Reach adds the variants' reach, so someone who saw two variants counts twice.</p></footer>`,
  ].join('\n');
  if (o.embedded) return `<div class="wb-report">${body}</div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(`Results · ${report.headline}`)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The export's styles, for a page that embeds the report (the reviewer page). */
export const REPORT_STYLE = STYLE.replace(
  /body\{[^}]*\}/,
  '.wb-report{font:14px/1.45 system-ui,sans-serif;color:var(--ink)}',
);

function windowLine(r: ResultsReport): string {
  if (!r.window.publishedAt) return 'The release has no publication time, so the 72-hour window cannot be placed.';
  return `Published ${esc(dateTime(r.window.publishedAt))}; the ${r.window.hours}-hour window closed ${esc(dateTime(r.window.closesAt))}.`;
}

function dateTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function platformSection(p: PlatformResult): string {
  const c = p.currency;
  const kpis = METRIC_COLUMNS.map(
    (m) => `<div class="kpi"><span>${m.label}</span><b>${esc(m.show(p.totals, c))}</b></div>`,
  ).join('');
  const head = `<tr><th></th>${METRIC_COLUMNS.map((m) => `<th>${m.label}</th>`).join('')}</tr>`;
  const row = (label: string, m: PlatformResult['totals'], cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td>${label}</td>${METRIC_COLUMNS.map((col) => `<td>${esc(col.show(m, c))}</td>`).join('')}</tr>`;
  const parts = [
    `<section class="platform" data-platform="${esc(p.platform)}"><h2>${esc(p.label)}</h2>`,
    `<p class="state state-${esc(p.state)}"><strong>${esc(STATE_NAMES[p.state])}.</strong> ${esc(p.message)}</p>`,
  ];
  if (p.variants.length) {
    parts.push(`<div class="kpis">${kpis}</div>`);
    parts.push(`<h3>Inside vs. after the 72-hour window</h3><table>${head}`);
    parts.push(row(`Inside (to ${esc(p.windowCloseDay ?? '—')})`, p.inside), row('After', p.after), '</table>');
    parts.push(`<h3>Variants: which angle won</h3><table>${head}`);
    for (const v of p.variants) {
      parts.push(
        row(`${esc(ANGLE_NAMES[v.angle] ?? v.angle)} — ${esc(v.headline)}`, v.totals, v.winner ? 'winner' : ''),
      );
    }
    parts.push('</table>', dailyChart(p));
  }
  if (p.media) parts.push(mediaSection(p));
  parts.push('</section>');
  return parts.join('\n');
}

/** Each platform's colour in the charts. */
const CHART_COLOR: Record<Platform, string> = { meta: 'var(--meta)', linkedin: 'var(--li)' };

/** Daily impressions (bars) and clicks (line) across the platform's variants, as inline SVG. */
export function dailyChart(p: PlatformResult): string {
  const byDay = new Map<string, { impressions: number; clicks: number }>();
  for (const v of p.variants)
    for (const d of v.daily) {
      const cur = byDay.get(d.date) ?? { impressions: 0, clicks: 0 };
      byDay.set(d.date, { impressions: cur.impressions + d.impressions, clicks: cur.clicks + d.clicks });
    }
  const days = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (!days.length) return '';
  const W = 880;
  const H = 180;
  const pad = 28;
  const maxI = Math.max(...days.map(([, d]) => d.impressions), 1);
  const maxC = Math.max(...days.map(([, d]) => d.clicks), 1);
  const step = (W - pad * 2) / days.length;
  const color = CHART_COLOR[p.platform];
  const bars = days
    .map(([date, d], i) => {
      const h = ((H - pad * 2) * d.impressions) / maxI;
      const inside = p.windowCloseDay ? date <= p.windowCloseDay : true;
      return `<rect x="${(pad + i * step + step * 0.15).toFixed(1)}" y="${(H - pad - h).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}" opacity="${inside ? 0.85 : 0.4}"><title>${esc(date)}: ${esc(count(d.impressions))} impressions, ${esc(count(d.clicks))} clicks</title></rect>`;
    })
    .join('');
  const line = days
    .map(
      ([, d], i) =>
        `${(pad + i * step + step / 2).toFixed(1)},${(H - pad - ((H - pad * 2) * d.clicks) / maxC).toFixed(1)}`,
    )
    .join(' ');
  const first = days[0]![0];
  const last = days[days.length - 1]![0];
  return `<figure><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(p.label)} daily impressions and clicks"><line x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}" stroke="#999"/>${bars}<polyline points="${line}" fill="none" stroke="#e67e22" stroke-width="2"/><text x="${pad}" y="${H - 8}" font-size="11" fill="#5d6d7e">${esc(first)}</text><text x="${W - pad}" y="${H - 8}" font-size="11" fill="#5d6d7e" text-anchor="end">${esc(last)}</text><text x="${pad}" y="14" font-size="11" fill="#5d6d7e">max ${esc(count(maxI))} impressions / ${esc(count(maxC))} clicks a day</text></svg><figcaption class="muted small">Bars: impressions per day (pale after the 72-hour window). Line: clicks.</figcaption></figure>`;
}

function mediaSection(p: PlatformResult): string {
  const m = p.media!;
  const parts = ['<h3>How much of the audience was media (LinkedIn, approximate)</h3>'];
  if (!m.available) {
    parts.push(
      `<p class="state state-waiting">No demographics yet: LinkedIn reports them 12–24 h after the impressions${p.totals.impressions ? '' : ', and only once there are some'}.</p>`,
    );
  } else {
    parts.push(
      `<p><strong>At least ${esc(count(m.mediaImpressions))} impressions${m.share !== null ? ` (${esc(percent(m.share, 1))} of ${esc(count(p.totals.impressions))})` : ''} and ${esc(count(m.mediaClicks))} clicks came from media professionals.</strong></p>`,
    );
    parts.push(
      '<table><tr><th>View</th><th>Media impressions</th><th>Media clicks</th><th>Reported impressions</th><th>Top media values</th></tr>',
    );
    for (const d of m.dimensions) {
      const top = d.rows
        .filter((r) => r.media)
        .slice(0, 4)
        .map((r) => `${esc(r.name)} (${esc(count(r.impressions))})`)
        .join(', ');
      parts.push(
        `<tr><td>${esc(d.label)}</td><td>${esc(count(d.mediaImpressions))}</td><td>${esc(count(d.mediaClicks))}</td><td>${esc(count(d.reportedImpressions))}</td><td style="text-align:left;white-space:normal">${top || '—'}</td></tr>`,
      );
    }
    parts.push('</table>');
  }
  parts.push(`<p class="caveat">${esc(m.caveat)}</p>`);
  return parts.join('\n');
}

/** Money in the platform's currency, for one-line summaries. */
export const spendLine = (p: PlatformResult) =>
  `${money(p.totals.spend, p.currency)} · ${count(p.totals.impressions)} impressions · ${count(p.totals.clicks)} clicks`;
