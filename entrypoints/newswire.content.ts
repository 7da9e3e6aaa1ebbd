import { defineContentScript } from 'wxt/utils/define-content-script';
import { WIRE_MATCHES } from '@/utils/release/hosts';
import { extractWith } from '@/utils/release/page';
import { sendMessage } from '@/utils/messaging';

export default defineContentScript({
  // run at document_idle, the default: the page is parsed and the release is there to read
  matches: WIRE_MATCHES,
  main(ctx) {
    let reported = false;
    const detect = () => {
      const start = performance.now();
      // the core extractor: this script runs on the wires' hosts only (off-wire strategies are not shipped)
      const release = extractWith(document, location.href);
      // Visible to the page's performance timeline: the e2e run reports it as real-browser timing.
      performance.measure('wireboost:detect+extract', { start, end: performance.now() });
      if (release.isRelease) {
        reported = true;
        void sendMessage('releaseDetected', release);
      } else if (reported) {
        reported = false;
        void sendMessage('releaseCleared', undefined);
      }
    };
    detect();
    // Wires that navigate in-page (history.pushState) get a fresh detection on every URL change.
    ctx.addEventListener(window, 'wxt:locationchange', detect);
  },
});
