import { lazy, Suspense, useEffect } from 'react';
import { browser } from 'wxt/browser';
import { selectDraft, useDrafts } from '@/utils/editor/store';
import { useSend } from '@/utils/send/store';
import { useSyncStatus } from '@/utils/sync/use-sync-status';
import { sendAvailability } from '@/utils/send/send-rules';
import { fieldLabel } from '@/utils/send/platform-errors';
import { platformLabel } from '@/utils/engine/ui/light';
import { PLATFORM_SEND, stepLabel, stepRank } from '@/utils/platforms/send-registry';

// The results line (and the results store it shares with the workspace's report) in its own chunk.
const ResultsLine = lazy(() => import('../results/ResultsLine').then((m) => ({ default: m.ResultsLine })));

/**
 * "Send to Meta / LinkedIn" for one draft (workspace and popup): the buttons with why they are off, a
 * dry run listing the exact requests, the error in words, and the remote ids + deep link once sent.
 * Loaded lazily by the popup, so none of this weighs on its first paint.
 */
export function SendPanel({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const s = useSend((st) => st.byDraft[draftId]);
  const platform = draft?.platform;
  const status = draft?.status;
  // Sync progress (pushed, pulled, approved elsewhere) changes what is allowed.
  const sync = useSyncStatus();
  useEffect(() => {
    if (platform) void useSend.getState().refresh(draftId, platform);
  }, [draftId, platform, status, sync]);
  if (!draft) return null;
  const p = draft.platform;
  const name = platformLabel(p);
  const { manager, createdAs, note } = PLATFORM_SEND[p];
  const can = sendAvailability(s?.ctx ?? null, p);
  const remote = Object.keys(draft.remote).length ? draft.remote : s?.result && !s.result.dryRun ? s.result.remote : {};
  // In the order the platform objects nest (campaign → … → ad), not the order the JSON happens to hold.
  const ids = Object.entries(remote)
    .filter(([k]) => k !== 'link')
    .sort(([a], [b]) => stepRank(p, a) - stepRank(p, b) || a.localeCompare(b));
  const dry = s?.result?.dryRun ? s.result : null;
  return (
    <div className="send-panel" role="group" aria-label={`Send to ${name}`} data-testid="send-panel" data-platform={p}>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!can.send || !!s?.busy}
          onClick={() => void useSend.getState().send(draftId, p, false)}
          data-testid={`send-${p}`}
          title={`Creates the ${name} objects ${createdAs}: nothing goes live until someone turns it on in ${manager}.`}
        >
          {s?.busy === 'send' ? 'Sending…' : `Send to ${name}`}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!can.dryRun || !!s?.busy}
          onClick={() => void useSend.getState().send(draftId, p, true)}
          data-testid={`dry-run-${p}`}
        >
          {s?.busy === 'dryRun' ? 'Checking…' : 'Dry run'}
        </button>
        <span className="muted send-note">{note}</span>
      </div>
      {can.reason && (
        <p className="hint-text" data-testid="send-reason">
          {can.reason}
        </p>
      )}
      {s?.error && (
        <p
          className="error-text"
          role="alert"
          data-testid="send-error"
          data-action={s.error.action}
          data-field={s.error.draftField ?? ''}
        >
          {s.error.message}{' '}
          {(s.error.action === 'reconnect' || s.error.action === 'sign-in') && (
            <button type="button" className="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
              Open Options
            </button>
          )}
          {s.error.draftField && <span className="muted">(field: {fieldLabel(s.error.draftField)})</span>}
        </p>
      )}
      {ids.length > 0 && (
        <div className="sent" data-testid="send-result">
          <p>
            <strong>In {manager}</strong> {createdAs}:{' '}
            {remote.link && (
              <a href={remote.link} target="_blank" rel="noreferrer" data-testid="deep-link">
                Open in {manager} ↗
              </a>
            )}
          </p>
          <Suspense fallback={null}>
            <ResultsLine draftId={draftId} />
          </Suspense>
          <ul className="remote-ids">
            {ids.map(([k, v]) => (
              <li key={k} data-step={k}>
                <span className="muted">{stepLabel(k, p) ?? k}</span> <code>{v}</code>
              </li>
            ))}
          </ul>
          {s?.result && !s.result.dryRun && (
            <p className="muted" data-testid="send-summary">
              {s.result.created.length
                ? `Created: ${s.result.created.join(', ')}`
                : 'Nothing new: everything was already there'}
              {s.result.skipped.length ? ` · already there: ${s.result.skipped.join(', ')}` : ''}.
            </p>
          )}
        </div>
      )}
      {dry && (
        <details className="dry-run" open data-testid="dry-run-result">
          <summary>
            Dry run: {dry.requests.length} requests {name} would receive (nothing was created)
          </summary>
          <ol>
            {dry.requests.map((r, i) => (
              <li key={i} data-testid="dry-run-request">
                <code>
                  {r.method} {r.url}
                </code>
                {r.step ? <span className="muted"> — {stepLabel(r.step, p) ?? r.step}</span> : null}
                {'body' in r && r.body !== undefined ? <pre>{JSON.stringify(r.body, null, 2)}</pre> : null}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
