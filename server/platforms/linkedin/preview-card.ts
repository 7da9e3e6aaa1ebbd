import type { LinkedInDraft } from '../../../utils/contract/draft.ts';
import { cardImage, ctaLabel, domainOf, esc } from '../../review/html.ts';

/** A LinkedIn-like card for the reviewer page: company, promoted, intro text, image, headline + domain, CTA. */
export function linkedInPreviewCard(d: LinkedInDraft, company: string): string {
  return `<article class="card li"><header><span class="avatar square"></span><div><b>${esc(company)}</b><small>Promoted</small></div></header>
<p class="text">${esc(d.introText)}</p>${cardImage(d.imageUrl)}
<footer><div><b>${esc(d.headline)}</b><small>${esc(domainOf(d.url))}</small></div><span class="cta">${esc(ctaLabel(d.cta))}</span></footer></article>`;
}
