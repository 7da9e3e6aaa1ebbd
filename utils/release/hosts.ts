/**
 * The one list of newswire hosts Wireboost is allowed to read. The manifest's host permissions and the
 * content script's matches are both derived from it, so adding a wire never widens access elsewhere.
 * Each entry covers the registrable domain and its subdomains (www., regional sites such as en.).
 */
export const WIRE_HOSTS = {
  prnewswire: ['prnewswire.com', 'prnewswire.co.uk', 'prnewswire.co.in', 'prnewswire.com.br'],
  businesswire: ['businesswire.com'],
  globenewswire: ['globenewswire.com'],
  accesswire: ['accesswire.com'],
  einpresswire: ['einpresswire.com', 'einnews.com'],
  prweb: ['prweb.com'],
  newswirecom: ['newswire.com'],
  newsfile: ['newsfilecorp.com'],
  cision: ['newswire.ca'],
} as const satisfies Record<string, readonly string[]>;

export type WireId = keyof typeof WIRE_HOSTS;

const domains = Object.values(WIRE_HOSTS).flat();

/** Match patterns: `https://domain/*` and `https://*.domain/*` (subdomains only, never all hosts). */
export const WIRE_MATCHES: string[] = domains.flatMap((d) => [`https://${d}/*`, `https://*.${d}/*`]);
export const WIRE_HOST_PERMISSIONS = WIRE_MATCHES;

/** Which wire a hostname belongs to, or null: `www.prnewswire.co.uk` → `prnewswire`. */
export function wireForHost(hostname: string): WireId | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const [wire, list] of Object.entries(WIRE_HOSTS) as [WireId, readonly string[]][]) {
    if (list.some((d) => host === d || host.endsWith(`.${d}`))) return wire;
  }
  return null;
}
