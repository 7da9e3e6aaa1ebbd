import { useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { Conflict } from '@/utils/sync/state';
import type { Draft } from '@/utils/contract/draft';
import { copyFieldLabels } from '@/utils/platforms/drafts';

/** Human names of draft fields (dotted paths for nested ones). */
const FIELD_NAMES: Record<string, string> = {
  ...copyFieldLabels(),
  cta: 'Call to action',
  destination: 'Destination',
  url: 'Link',
  imageUrl: 'Image',
  audience: 'Audience',
  mediaListId: 'Media list',
  rationale: 'Rationale',
  'utm.source': 'utm_source',
  'utm.medium': 'utm_medium',
  'utm.campaign': 'utm_campaign',
  'utm.content': 'utm_content',
};
const show = (v: unknown) =>
  v === undefined || v === null || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * A sync conflict, both versions side by side: for each field both sides changed, "keep mine" or
 * "keep theirs"; then Resolve sends the choices to the background (SyncClient.resolve). Loaded lazily:
 * only a popup with a conflict pays for it.
 */
export function ConflictPanel({ conflicts }: { conflicts: Conflict<Draft>[] }) {
  return (
    <section className="conflicts" aria-labelledby="conflicts-h" data-testid="conflicts">
      <h2 id="conflicts-h">Sync conflict{conflicts.length > 1 ? 's' : ''}</h2>
      {conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
    </section>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict<Draft> }) {
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = c.local?.headline || c.server?.doc.headline || c.docId;
  const who = c.server?.updatedBy ? 'a teammate' : 'the server';
  const send = async (data: { choices?: Record<string, unknown>; discard?: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      await sendMessage('syncResolve', { conflictId: c.id, ...data });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const allChosen = c.clashes.every((x) => choices[x.path]);
  return (
    <article className="conflict" data-testid="conflict" data-draft-id={c.docId}>
      <h3>
        {title} <span className="muted">· {c.local?.platform ?? c.server?.doc.platform}</span>
      </h3>
      {c.reason === 'clash' ? (
        <p className="muted">
          You and {who} changed the same field{c.clashes.length > 1 ? 's' : ''}. Other changes were merged. Both
          versions are kept until you choose.
        </p>
      ) : (
        <p className="muted">
          {c.reason === 'deleted_on_server' ? 'A teammate deleted this draft while you edited it.' : c.message}
        </p>
      )}
      {c.clashes.map((x) => (
        <div key={x.path} className="clash" data-testid="clash" data-path={x.path}>
          <div className="clash-field">{FIELD_NAMES[x.path] ?? x.path}</div>
          <div className="clash-sides">
            <div className={`side${choices[x.path] === 'mine' ? ' chosen' : ''}`}>
              <div className="side-label">Mine</div>
              <p data-testid="clash-mine">{show(x.local)}</p>
              <button
                type="button"
                className="ghost"
                aria-pressed={choices[x.path] === 'mine'}
                data-testid="keep-mine"
                onClick={() => setChoices({ ...choices, [x.path]: 'mine' })}
              >
                Keep mine
              </button>
            </div>
            <div className={`side${choices[x.path] === 'theirs' ? ' chosen' : ''}`}>
              <div className="side-label">Theirs</div>
              <p data-testid="clash-theirs">{show(x.server)}</p>
              <button
                type="button"
                className="ghost"
                aria-pressed={choices[x.path] === 'theirs'}
                data-testid="keep-theirs"
                onClick={() => setChoices({ ...choices, [x.path]: 'theirs' })}
              >
                Keep theirs
              </button>
            </div>
          </div>
        </div>
      ))}
      <div className="row">
        {c.clashes.length > 0 && (
          <button
            type="button"
            className="primary"
            disabled={busy || !allChosen}
            data-testid="resolve"
            onClick={() =>
              void send({
                choices: Object.fromEntries(
                  c.clashes.map((x) => [x.path, choices[x.path] === 'mine' ? x.local : x.server]),
                ),
              })
            }
          >
            Resolve
          </button>
        )}
        {c.reason === 'deleted_on_server' && c.local && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void send({ choices: {} })}
            data-testid="keep-my-draft"
          >
            Keep my draft
          </button>
        )}
        {c.clashes.length === 0 && (
          <button
            type="button"
            className="ghost danger"
            disabled={busy}
            onClick={() => void send({ discard: true })}
            data-testid="discard-mine"
          >
            Drop my version
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
