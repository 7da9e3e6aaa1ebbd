import type { MetaDraft } from '../../../utils/contract/draft.ts';
import { cardImage, ctaLabel, domainOf, esc } from '../../review/html.ts';

/** A Facebook-feed-like card for the reviewer page: page, primary text, image, link bar, headline, CTA. */
export function metaPreviewCard(d: MetaDraft, company: string): string {
  return `<article class="card fb"><header><span class="avatar"></span><div><b>${esc(company)}</b><small>Sponsored</small></div></header>
<p class="text">${esc(d.primaryText)}</p>${cardImage(d.imageUrl)}
<footer><div><small>${esc(domainOf(d.url))}</small><b>${esc(d.headline)}</b><span>${esc(d.description)}</span></div><span class="cta">${esc(ctaLabel(d.cta))}</span></footer></article>`;
}
