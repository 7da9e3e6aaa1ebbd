import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPUP_FIRST_PAINT, POPUP_FIRST_PAINT_RECORDS, startEarlyRead } from '@/utils/editor/early-read';

/**
 * A classic script in popup.html's <head>: it runs while the parser is still reading the page, before
 * React's modules have even loaded, and starts the storage reads the first paint needs (utils/early-read.ts).
 */
export default defineUnlistedScript(() =>
  startEarlyRead(POPUP_FIRST_PAINT, location.search, POPUP_FIRST_PAINT_RECORDS),
);
