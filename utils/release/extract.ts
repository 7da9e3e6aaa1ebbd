import type { Release } from './schema';
import { emptyRelease } from './empty';
import { wireForHost } from './hosts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const meta = (doc: Document, name: string) =>
  doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content')?.trim() || null;

/**
 * Recognise and extract a press release from a parsed page. Pure: it reads the DOM it is given and
 * never touches the network, so the same code runs in the content script, the CLI and the tests.
 * (Walking skeleton: PR Newswire only; the full table-driven extractor replaces this.)
 */
export function extractRelease(doc: Document, url: string): Release {
  const result = emptyRelease(url);
  let host = '';
  try { host = new URL(url).hostname; } catch { return result; }
  const wire = wireForHost(host);
  result.wire = wire;
  if (wire !== 'prnewswire') return result;
  const body = doc.querySelector('section.release-body');
  const headline = text(doc.querySelector('header.release-header h1') ?? doc.querySelector('.news-release-detail h1'));
  if (!body || !headline) return result;
  result.isRelease = true;
  result.confidence = 0.9;
  result.reasons = ['PR Newswire release header', 'release body section'];
  result.headline = headline;
  result.company = meta(doc, 'author');
  result.publishedAt = meta(doc, 'date');
  result.canonicalUrl = doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null;
  result.body = [...body.querySelectorAll('p')].map(text).filter(Boolean);
  return result;
}
