import { useState } from 'react';
import type { LinkedInDraft } from '@/utils/contract/draft';
import { ctaLabel } from '@/utils/engine/ui/light';
import { bodyLimit, displayDomain, feedCut } from '@/utils/editor/preview';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { AdImage, Avatar } from '../preview-parts';

/** A LinkedIn single-image sponsored post: company, "Promoted", intro text folded at ~150, image, headline bar. */
export function LinkedInPreview({ draft, company }: { draft: LinkedInDraft; company: string }) {
  const [open, setOpen] = useState(false);
  const engine = useDeferred();
  const { shown, cut } = feedCut(draft.introText, bodyLimit(draft.platform), engine?.graphemes);
  return (
    <figure className="li-card" data-testid="preview-linkedin" aria-label="LinkedIn sponsored content preview">
      <header className="li-head">
        <Avatar name={company} shape="square" />
        <div>
          <strong>{company}</strong>
          <span className="li-sub">Promoted</span>
        </div>
      </header>
      <p className="li-text" data-testid="preview-body">
        {open || !cut ? draft.introText : <>{shown}…</>}
        {cut && !open && (
          <button type="button" className="see-more li-more" onClick={() => setOpen(true)}>
            see more
          </button>
        )}
      </p>
      <AdImage url={draft.imageUrl} label={company} ratio="li" />
      <div className="li-link">
        <div className="li-link-text">
          <strong className="li-headline" data-testid="preview-headline">
            {draft.headline || 'Headline'}
          </strong>
          <span className="li-domain">{displayDomain(draft.destination)}</span>
        </div>
        <span className="li-cta">{ctaLabel(draft.platform, draft.cta)}</span>
      </div>
      <footer className="li-actions" aria-hidden="true">
        <span>Like</span>
        <span>Comment</span>
        <span>Repost</span>
        <span>Send</span>
      </footer>
    </figure>
  );
}
