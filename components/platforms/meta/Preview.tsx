import { useState } from 'react';
import type { MetaDraft } from '@/utils/contract/draft';
import { ctaLabel } from '@/utils/engine/ui/light';
import { bodyLimit, displayDomain, feedCut } from '@/utils/editor/preview';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { AdImage, Avatar } from '../preview-parts';

/** A Facebook feed link ad, laid out as the feed lays it out: page, "Sponsored", text, image, link bar. */
export function FacebookPreview({ draft, company }: { draft: MetaDraft; company: string }) {
  const [open, setOpen] = useState(false);
  const engine = useDeferred();
  const { shown, cut } = feedCut(draft.primaryText, bodyLimit(draft.platform), engine?.graphemes);
  return (
    <figure className="fb-card" data-testid="preview-meta" aria-label="Facebook feed preview">
      <header className="fb-head">
        <Avatar name={company} shape="circle" />
        <div>
          <strong>{company}</strong>
          <span className="fb-sub">
            Sponsored ·{' '}
            <svg width="11" height="11" viewBox="0 0 16 16" aria-label="Public" role="img">
              <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path
                d="M1.5 8h13M8 1.5c2 2 2.6 4 2.6 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.4 5.5 5.4 8S6 12.5 8 14.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
              />
            </svg>
          </span>
        </div>
        <span className="fb-dots" aria-hidden="true">
          ···
        </span>
      </header>
      <p className="fb-text" data-testid="preview-body">
        {open || !cut ? draft.primaryText : <>{shown}… </>}
        {cut && !open && (
          <button type="button" className="see-more" onClick={() => setOpen(true)}>
            See more
          </button>
        )}
      </p>
      <AdImage url={draft.imageUrl} label={company} ratio="fb" />
      <div className="fb-link">
        <div className="fb-link-text">
          <span className="fb-domain">{displayDomain(draft.destination).toUpperCase()}</span>
          <strong className="fb-headline" data-testid="preview-headline">
            {draft.headline || 'Headline'}
          </strong>
          {draft.description && <span className="fb-desc">{draft.description}</span>}
        </div>
        {draft.cta !== 'NO_BUTTON' && <span className="fb-cta">{ctaLabel(draft.platform, draft.cta)}</span>}
      </div>
      <footer className="fb-actions" aria-hidden="true">
        <span>Like</span>
        <span>Comment</span>
        <span>Share</span>
      </footer>
    </figure>
  );
}
