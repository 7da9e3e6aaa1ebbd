import type { Draft, MessagingKit, Utm } from '../contract/draft';
import { slugify } from './text';

export const UTM_MEDIUM = 'paid_social';
const UTM_KEYS = ['source', 'medium', 'campaign', 'content'] as const;

/** "hackerrank-and-cybermedia-technologies-partner-2016-04-25": the release slug plus its own date. */
export function utmCampaign(headline: string, publishedAt: string | null, fallbackDate: string): string {
  // The date as the page printed it (its own offset), not converted: it matches the release people saw.
  const date = /^\d{4}-\d{2}-\d{2}/.exec(publishedAt ?? '')?.[0] ?? fallbackDate.slice(0, 10);
  return [slugify(headline, 40) || 'release', date].join('-');
}

export function buildUtm(base: Utm, kit: Pick<MessagingKit, 'defaultUtm'>): Utm {
  const over = Object.fromEntries(Object.entries(kit.defaultUtm).filter(([, v]) => typeof v === 'string' && v));
  return { ...base, ...over };
}

/**
 * Add utm_* to a link. Other query parameters and the fragment are kept as they were; utm_* already on the
 * link are replaced, because the draft's UTM (shown and editable in the UI) is the one source of truth.
 * An unparseable link comes back unchanged (lint reports it).
 */
export function tagUrl(destination: string, utm: Utm): string {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return destination;
  }
  for (const k of UTM_KEYS) url.searchParams.delete(`utm_${k}`);
  for (const k of UTM_KEYS) if (utm[k]) url.searchParams.append(`utm_${k}`, utm[k]);
  return url.toString();
}

export function hasUtm(link: string): boolean {
  try {
    return new URL(link).searchParams.has('utm_source');
  } catch {
    return false;
  }
}

/** For the destination/UTM editor: change either and get the draft back with its tagged `url` recomputed. */
export function relink<D extends Draft>(draft: D, change: { destination?: string; utm?: Partial<Utm> }): D {
  const destination = change.destination ?? draft.destination;
  const utm = { ...draft.utm, ...change.utm };
  return { ...draft, destination, utm, url: tagUrl(destination, utm) };
}
