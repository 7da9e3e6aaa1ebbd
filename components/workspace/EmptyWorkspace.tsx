import { useState, type FormEvent } from 'react';
import { usePopup } from '@/utils/editor/popup-view';
import { pasteIntoWorkspace } from '@/utils/editor/workspace';

/** No drafts yet: where drafts come from, and a field to boost a pasted release URL. */
export function EmptyWorkspace() {
  const paste = usePopup((s) => s.paste);
  const [url, setUrl] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await pasteIntoWorkspace(url);
  };
  return (
    <main className="ws-empty" data-testid="ws-empty">
      <h2>No drafts yet</h2>
      <p className="muted">
        Open a release on a newswire and click the Wireboost icon, right-click a release link and choose “Boost this
        release”, or paste a release URL here.
      </p>
      <form className="paste" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="ws-paste">Release URL</label>
        <div className="row">
          <input
            id="ws-paste"
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://www.prnewswire.com/news-releases/…"
          />
          <button className="primary" type="submit" disabled={paste.status === 'busy'}>
            {paste.status === 'busy' ? 'Reading…' : 'Boost'}
          </button>
        </div>
        {paste.error && (
          <p role="alert" className="error-text">
            {paste.error}
          </p>
        )}
      </form>
    </main>
  );
}
