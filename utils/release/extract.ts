import type { Release } from '../contract/release';
import { extractWith, readPage } from './page';
import { OFF_WIRE } from './off-wire';

/**
 * Recognise and extract a press release on any page: a wire's (the core in page.ts), a syndicated copy,
 * a newsroom (off-wire.ts). Never throws: a page that breaks the reader is not a release.
 */
export const extractRelease = (doc: Document, url: string): Release => extractWith(doc, url, OFF_WIRE);

/** The same without its safety net (the fuzz test calls it to prove the net is never needed). */
export const readRelease = (doc: Document, url: string, r: Release) => readPage(doc, url, r, OFF_WIRE);
