import { useId, useState, type ChangeEvent } from 'react';
import { useDrafts, selectDraft } from '@/utils/editor/store';
import { fmtInt } from '@/utils/engine/ui/light';

type Phase = { kind: 'idle' } | { kind: 'reading'; done: number; total: number } | { kind: 'error'; message: string };

/**
 * Upload a media list (CSV): hashed on this device with progress, then a plain report — rows read,
 * unique addresses, invalid rows by line, size warnings. Only SHA-256 hashes are kept.
 */
export function MediaListUpload({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const lists = useDrafts((s) => s.mediaLists);
  const addMediaList = useDrafts((s) => s.addMediaList);
  const update = useDrafts((s) => s.update);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const fileId = useId();
  const selectId = useId();
  if (!draft) return null;
  const attached = draft.mediaListId ? (lists[draft.mediaListId] ?? null) : null;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      setPhase({
        kind: 'error',
        message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is 20 MB. Split the list.`,
      });
      return;
    }
    setPhase({ kind: 'reading', done: 0, total: 1 });
    try {
      const { importMediaList } = await import('@/utils/engine/ui/heavy');
      const list = await importMediaList(file.name, await file.text(), (done, total) =>
        setPhase({ kind: 'reading', done, total }),
      );
      await addMediaList(list);
      update(draft.id, { mediaListId: list.id });
      setPhase({ kind: 'idle' });
    } catch (err) {
      setPhase({
        kind: 'error',
        message: `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };

  return (
    <div className="media-list" data-testid="media-list">
      <h3>Media list</h3>
      <p className="muted">
        Upload a CSV with an e-mail column. Addresses are hashed (SHA-256) on this device; the raw list is never kept or
        sent.
      </p>
      <div className="row">
        <label htmlFor={fileId} className="button secondary">
          Upload CSV…
        </label>
        <input
          id={fileId}
          className="visually-hidden-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void onFile(e)}
          data-testid="media-list-file"
        />
        {Object.keys(lists).length > 0 && (
          <>
            <label htmlFor={selectId} className="sr-only">
              Attached media list
            </label>
            <select
              id={selectId}
              value={draft.mediaListId ?? ''}
              onChange={(e) => update(draft.id, { mediaListId: e.target.value || null })}
            >
              <option value="">No media list</option>
              {Object.values(lists).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({fmtInt(l.hashes.length)})
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {phase.kind === 'reading' && (
        <div className="progress">
          <label htmlFor={`${fileId}-p`}>Hashing on this device…</label>
          <progress id={`${fileId}-p`} max={phase.total} value={phase.done} data-testid="media-list-progress" />
        </div>
      )}
      {phase.kind === 'error' && (
        <p role="alert" className="error-text">
          {phase.message}
        </p>
      )}
      {attached && (
        <div className="report" data-testid="media-list-report" role="status">
          <p>
            <strong>{attached.name}</strong>: {fmtInt(attached.totalRows)} rows read, {fmtInt(attached.hashes.length)}{' '}
            unique addresses kept as hashes.
          </p>
          {attached.invalidRows.length > 0 && (
            <details>
              <summary>
                {attached.invalidRows.length} invalid row{attached.invalidRows.length === 1 ? '' : 's'} skipped
              </summary>
              <ul>
                {attached.invalidRows.slice(0, 50).map((r) => (
                  <li key={r.line}>
                    Line {r.line}: {r.reason}
                  </li>
                ))}
              </ul>
              {attached.invalidRows.length > 50 && (
                <p className="muted">…and {attached.invalidRows.length - 50} more.</p>
              )}
            </details>
          )}
          {attached.warnings.map((w) => (
            <p key={w} className="hint hint-warning">
              {w}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
