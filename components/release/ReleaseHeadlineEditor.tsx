import { useId, useState, type FormEvent } from 'react';
import { useDrafts } from '@/utils/editor/store';

/** Fix a release's headline (one boosted from selected text takes the page title, which may be wrong). */
export function ReleaseHeadlineEditor({ releaseId, headline }: { releaseId: string; headline: string }) {
  const updateRelease = useDrafts((s) => s.updateRelease);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(headline);
  const id = useId();
  if (!editing) {
    return (
      <button
        type="button"
        className="ghost"
        onClick={() => {
          setValue(headline);
          setEditing(true);
        }}
        data-testid="edit-release-headline"
      >
        Edit release headline
      </button>
    );
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) void updateRelease(releaseId, { headline: value.trim() });
    setEditing(false);
  };
  return (
    <form
      className="row release-edit"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setEditing(false);
      }}
    >
      <label htmlFor={id} className="sr-only">
        Release headline
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
        data-testid="release-headline-input"
      />
      <button type="submit" className="secondary">
        Save
      </button>
      <button type="button" className="ghost" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
