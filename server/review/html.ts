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
