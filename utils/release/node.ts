import { parseHTML } from 'linkedom';
import { extractRelease } from './extract';
import type { Release } from '../contract/release';

/**
 * Node-side entry (CLI, tests, benchmarks, the team server fetching a linked release): parse HTML with
 * linkedom and run the very same extractor the content script runs. Never imported by the extension.
 */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function extractFromHtml(html: string, url: string): Release {
  return extractRelease(parseDocument(html), url);
}
