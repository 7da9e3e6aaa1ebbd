import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractRelease } from '@/utils/release/extract';

/**
 * Injected with activeTab + scripting when the user invokes Wireboost on a page outside the wires
 * (a company newsroom, a republished release). Its return value is the Release, handed back to the
 * background by scripting.executeScript. Reads the DOM only; nothing stays behind in the page.
 */
export default defineUnlistedScript(() => extractRelease(document, location.href));
