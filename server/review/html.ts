/** Escapes text for HTML element content and double-quoted attributes. Every dynamic value goes through it. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) URLs reach an href/src; anything else (javascript:, data:) becomes empty. */
export function safeUrl(url: unknown): string {
  try {
    const u = new URL(String(url));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : '';
  } catch {
    return '';
  }
}

export function domainOf(url: unknown): string {
  try {
    return new URL(String(url)).hostname.replace(/^www\./, '').toUpperCase();
  } catch {
    return '';
  }
}

const CTA_LABELS: Record<string, string> = {
  LEARN_MORE: 'Learn more',
  SIGN_UP: 'Sign up',
  DOWNLOAD: 'Download',
  REGISTER: 'Register',
  SUBSCRIBE: 'Subscribe',
  CONTACT_US: 'Contact us',
  APPLY_NOW: 'Apply now',
  GET_QUOTE: 'Get quote',
  REQUEST_DEMO: 'Request demo',
  VIEW_QUOTE: 'View quote',
};

/** A CTA enum as the button reads ("LEARN_MORE" → "Learn more"). */
export const ctaLabel = (cta: string) =>
  CTA_LABELS[cta] ??
  cta
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/^\w/, (m) => m.toUpperCase());

/** A preview card's image, or a grey placeholder (no referrer: the reviewer page's URL holds the token). */
export function cardImage(imageUrl: string | null): string {
  const src = safeUrl(imageUrl);
  return src
    ? `<img class="media" src="${esc(src)}" alt="" loading="lazy" referrerpolicy="no-referrer">`
    : '<div class="media placeholder"></div>';
}
