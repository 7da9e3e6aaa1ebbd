import type { Release } from '../contract/release';

/** A blank, not-a-release result for a URL: the starting point of every extraction (no zod at runtime). */
export function emptyRelease(url: string): Release {
  return {
    isRelease: false,
    confidence: 0,
    reasons: [],
    wire: null,
    url,
    canonicalUrl: null,
    headline: '',
    subheadline: null,
    subheadlines: [],
    publishedAt: null,
    company: null,
    dateline: null,
    body: [],
    prose: [],
    about: [],
    quotes: [],
    contacts: [],
    tickers: [],
    assets: [],
    images: [],
    language: null,
  };
}
