import { defineContentScript } from 'wxt/utils/define-content-script';
import { WIRE_MATCHES } from '@/utils/release/hosts';
import { extractRelease } from '@/utils/release/extract';
import { sendMessage } from '@/utils/messaging';

export default defineContentScript({
  matches: WIRE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let reported = false;
    const detect = () => {
      const start = performance.now();
      const release = extractRelease(document, location.href);
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
