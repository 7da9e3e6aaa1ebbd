import { lazy, Suspense, useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { Metrics, PlatformResult } from '@/utils/contract/results';
import { ago, ANGLE_NAMES, count, METRIC_COLUMNS, percent, STATE_NAMES } from '@/utils/engine/results/format';
import { exportCsv, exportHtml } from '@/utils/results/download';
import { useResults } from '@/utils/results/store';
import { useNow } from '@/utils/editor/use-now';

// The chart library (uPlot) loads in its own chunk, only when a report with figures is on screen.
const DailyChart = lazy(() => import('./DailyChart'));

/**
 * The release's results report in the workspace: per platform its state in words, the figures, inside vs.
 * after the 72-hour window, the variants (which angle won), a daily chart and LinkedIn's media audience
 * with its caveat; Refresh, the two exports and a client link. Renders the results store only.
 */
export function ReleaseResults({ releaseId }: { releaseId: string }) {
  const s = useResults((st) => st.byRelease[releaseId]);
  const now = useNow();
  useEffect(() => {
    void useResults.getState().load(releaseId);
  }, [releaseId]);
  const report = s?.report;
  return (
    <section className="results" aria-labelledby="results-title" data-testid="results-report">
      <header className="results-head">
        <h2 id="results-title" className="ws-h2">
          Results: did the boost reach the press?
        </h2>
        <div className="row">
          <button
            type="button"
            className="secondary"
            disabled={!!s?.busy}
            onClick={() => void useResults.getState().refresh(releaseId)}
            data-testid="results-refresh"
          >
            {s?.busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!report}
            onClick={() => report && exportHtml(report)}
            data-testid="results-export-html"
          >
            Export HTML / PDF
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!report}
            onClick={() => report && exportCsv(report)}
            data-testid="results-export-csv"
          >
            Export CSV
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!!s?.busy}
            onClick={() => void useResults.getState().share(releaseId)}
            data-testid="results-share"
          >
            {s?.busy === 'share' ? 'Creating link…' : 'Share with a client'}
          </button>
        </div>
      </header>
      {s?.share && (
        <p className="hint-text">
          Read-only link with the results (30 days):{' '}
          <a href={s.share.url} target="_blank" rel="noreferrer" data-testid="results-share-url">
            {s.share.url}
          </a>
        </p>
      )}
      {s?.note && (
        <p className="muted" role="status" data-testid="results-note">
          {s.note}
        </p>
      )}
      {s?.error && (
        <p className="error-text" role="alert" data-testid="results-error">
          {s.error.message}{' '}
          {(s.error.action === 'reconnect' || s.error.action === 'sign-in') && (
            <button type="button" className="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
              Open Options
            </button>
          )}
        </p>
      )}
      {!report && !s?.error && (
        <p className="muted" aria-busy="true">
          Loading results…
        </p>
      )}
      {report && (
        <>
          <p className="muted" data-testid="results-window">
            {report.window.publishedAt
              ? `Published ${new Date(report.window.publishedAt).toLocaleString()}; the 72-hour window ${Date.parse(report.window.closesAt!) < now ? 'closed' : 'closes'} ${new Date(report.window.closesAt!).toLocaleString()}.`
              : 'The release has no publication time, so the 72-hour window cannot be placed.'}
          </p>
          {report.platforms.map((p) => (
            <PlatformBlock key={p.platform} p={p} now={now} />
          ))}
        </>
      )}
    </section>
  );
}

function MetricsRow({
  label,
  m,
  currency,
  testId,
}: {
  label: string;
  m: Metrics;
  currency: string | null;
  testId?: string;
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      {METRIC_COLUMNS.map((c) => (
        <td key={c.key}>{c.show(m, currency)}</td>
      ))}
    </tr>
  );
}

function PlatformBlock({ p, now }: { p: PlatformResult; now: number }) {
  const c = p.currency;
  return (
    <div className="results-platform" data-testid={`results-platform-${p.platform}`} data-state={p.state}>
      <h3>
        <span className={`plat plat-${p.platform}`}>{p.label}</span>{' '}
        <span className={`results-badge results-${p.state}`}>{STATE_NAMES[p.state]}</span>
      </h3>
      <p
        className={p.state === 'permission' || p.state === 'error' ? 'error-text' : 'hint-text'}
        data-testid={`results-state-${p.platform}`}
      >
        {p.message}{' '}
        {p.action === 'reconnect' && (
          <button type="button" className="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
            Open Options
          </button>
        )}
      </p>
      {p.state !== 'not_sent' && (
        <p className="muted small">
          Updated {ago(p.lastPulledAt, now)}
          {p.nextPullAt
            ? ` · next pull ${new Date(p.nextPullAt).toLocaleString()}`
            : ' · no more pulls: the campaign is over'}
        </p>
      )}
      {p.variants.length > 0 && (
        <>
          <dl className="results-kpis">
            {METRIC_COLUMNS.map((col) => (
              <div key={col.key} data-testid={`results-kpi-${p.platform}-${col.key}`}>
                <dt>{col.label}</dt>
                <dd>{col.show(p.totals, c)}</dd>
              </div>
            ))}
          </dl>
          <table className="results-table">
            <thead>
              <tr>
                <th />
                {METRIC_COLUMNS.map((col) => (
                  <th key={col.key} scope="col">
                    {col.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <MetricsRow
                label={`Inside the 72 h (to ${p.windowCloseDay ?? '—'})`}
                m={p.inside}
                currency={c}
                testId={`results-inside-${p.platform}`}
              />
              <MetricsRow label="After" m={p.after} currency={c} testId={`results-after-${p.platform}`} />
            </tbody>
            <tbody>
              {p.variants.map((v) => (
                <tr
                  key={v.draftId}
                  data-testid="results-variant"
                  data-draft-id={v.draftId}
                  data-winner={v.winner ? 'true' : 'false'}
                  className={v.winner ? 'winner' : undefined}
                >
                  <th scope="row">
                    {ANGLE_NAMES[v.angle] ?? v.angle} {v.winner && <span className="results-win">★ best CTR</span>}
                    <span className="muted small"> {v.delivery ?? ''}</span>
                  </th>
                  {METRIC_COLUMNS.map((col) => (
                    <td key={col.key}>{col.show(v.totals, c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Suspense fallback={<div className="results-chart" aria-busy="true" />}>
            <DailyChart platform={p} />
          </Suspense>
        </>
      )}
      {p.media && <MediaAudience p={p} />}
    </div>
  );
}

function MediaAudience({ p }: { p: PlatformResult }) {
  const m = p.media!;
  return (
    <div className="results-media" data-testid="results-media" data-available={m.available ? 'true' : 'false'}>
      <h4>How much of the audience was media (approximate)</h4>
      {m.available ? (
        <>
          <p data-testid="results-media-summary">
            <strong>
              At least {count(m.mediaImpressions)} impressions{m.share !== null ? ` (${percent(m.share, 1)})` : ''} and{' '}
              {count(m.mediaClicks)} clicks
            </strong>{' '}
            came from journalists, editors, reporters and media organisations.
          </p>
          <ul className="results-dims">
            {m.dimensions.map((d) => (
              <li key={d.pivot} data-testid={`results-dim-${d.pivot}`}>
                <b>{d.label}:</b> {count(d.mediaImpressions)} impressions, {count(d.mediaClicks)} clicks
                {d.rows.some((r) => r.media) && (
                  <span className="muted">
                    {' '}
                    —{' '}
                    {d.rows
                      .filter((r) => r.media)
                      .slice(0, 4)
                      .map((r) => `${r.name} (${count(r.impressions)})`)
                      .join(', ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint-text" data-testid="results-media-waiting">
          No data yet: LinkedIn demographics arrive after 12–24 h.
        </p>
      )}
      <p className="muted small" data-testid="results-media-caveat">
        {m.caveat}
      </p>
    </div>
  );
}

export default ReleaseResults;
