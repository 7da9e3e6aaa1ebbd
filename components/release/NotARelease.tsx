import { useId, useState, type FormEvent } from 'react';
import { usePopup } from '@/utils/editor/popup-view';

/** The popup on a page that is not a release: say so, and offer the two ways in. */
export function NotARelease({ tabId }: { tabId?: number | null }) {
  const paste = usePopup((s) => s.paste);
  const selection = usePopup((s) => s.selection);
  const pasteUrl = usePopup((s) => s.pasteUrl);
  const boostSelection = usePopup((s) => s.boostSelection);
  const [url, setUrl] = useState('');
  const inputId = useId();
  const errorId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void pasteUrl(url);
  };
  return (
    <section className="empty-state" data-testid="not-a-release">
      <h1>No press release on this page</h1>
      <p>
        Wireboost lights up on a single release page of a newswire (PR Newswire, Business Wire, GlobeNewswire and
        others). Open a release, then click the toolbar icon again — or start here:
      </p>
      <form className="paste" onSubmit={submit} noValidate aria-busy={paste.status === 'busy'}>
        <label htmlFor={inputId}>Paste a release URL</label>
        <div className="row">
          <input
            id={inputId}
            type="url"
            inputMode="url"
            placeholder="https://www.prnewswire.com/news-releases/…"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
            aria-invalid={paste.status === 'error'}
            aria-describedby={paste.error ? errorId : undefined}
            data-testid="paste-url"
          />
          <button type="submit" className="primary" disabled={paste.status === 'busy'}>
            {paste.status === 'busy' ? 'Reading…' : 'Boost'}
          </button>
        </div>
        {paste.error && (
          <p id={errorId} role="alert" className="error-text">
            {paste.error}
          </p>
        )}
      </form>
      <div className="or">
        <span>or</span>
      </div>
      <button
        type="button"
        className="secondary wide"
        onClick={() => void boostSelection(tabId ?? null)}
        disabled={selection.status === 'busy' || tabId == null}
        data-testid="boost-selection"
      >
        Boost selected text
      </button>
      <p className="hint-text">
        Select the release’s text on this page first; the page title becomes the headline (you can edit it).
      </p>
      {selection.error && (
        <p role="alert" className="error-text">
          {selection.error}
        </p>
      )}
    </section>
  );
}
