import type { Release } from '../contract/release';
import { extractRelease } from './extract';
import { fitRelease } from './fit';

/** Thrown with a message a person can act on. */
export class BoostError extends Error {}

/**
 * Fetch a release page by URL and extract it. Used for "Boost this release" on a link: the background
 * may fetch the wire hosts it has permission for. `parse` is injected because a Chrome service worker has
 * no DOMParser (the background passes linkedom; extension pages pass DOMParser).
 */
export async function fetchRelease(
  url: string,
  parse: (html: string) => Document,
  fetchImpl: typeof fetch = fetch,
): Promise<Release> {
  let res: Response;
  try {
    res = await fetchImpl(url, { credentials: 'omit', redirect: 'follow' });
  } catch {
    throw new BoostError(`Couldn't reach ${new URL(url).hostname}. Check your connection and try again.`);
  }
  if (!res.ok) throw new BoostError(`${new URL(url).hostname} answered ${res.status} for that link.`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !/html/i.test(type)) throw new BoostError('That link is not a web page (it looks like a file).');
  const release = extractRelease(parse(await res.text()), res.url || url);
  if (!release.isRelease) throw new BoostError("That link doesn't lead to a press release Wireboost recognises.");
  return fitRelease(release);
}
