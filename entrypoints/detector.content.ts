import { browser, defineContentScript } from '#imports';
import { detectReport } from '@/utils/report/detect';
import { hasReportBody, mayBecomeReport } from '@/utils/report/hint';
import type { ListDetected, ReportDetected } from './shared/messages';

// Runs on every portal page, so it stays tiny: detection only, no parser, no DOM change.
// The auditor is injected by the background only when this says the page is a report.
//
// In every frame: some portals show the report in a same-site iframe; the background then injects
// the auditor into that frame. A page whose report arrives after load (filled in by a script) is
// watched for a few seconds, and only when its title or address suggests a report; the watch
// stops at the first detection.

/** How long a page that looks like it should be a report is watched for late content. */
const WATCH_MS = 6000;
/** Detection runs at most this often while the page keeps changing. */
const SETTLE_MS = 300;

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  allFrames: true,
  // No "<extension id>:detector:wxt:content-script-started" postMessage into every portal page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const send = (detection: ReportDetected['detection']) => {
      const message: ReportDetected = { type: 'report-detected', detection };
      // The background may be restarting; a lost message only means no automatic audit.
      browser.runtime.sendMessage(message).catch(() => {});
    };
    /**
     * A report whose body is here; `last` accepts a report known by its title alone. A known
     * detection is looked at first (most pages are not reports and pay for nothing more); while
     * watching, the cheap body test goes first, so a late page costs no full detection while its
     * body is still missing.
     */
    const detect = (last: boolean, known?: ReportDetected['detection']): boolean => {
      if (known && known.kind !== 'report') return false;
      if (!last && !hasReportBody(document)) return false;
      const detection = known ?? detectReport(document);
      if (detection.kind !== 'report') return false;
      send(detection);
      return true;
    };

    const first = detectReport(document);
    if (detect(false, first)) return;
    // A list of reports: the background puts the sweep's offer on it (top frame only: a list in a
    // frame is the portal's layout, and the popup still offers it).
    if (first.kind === 'index' && window === window.top) {
      const message: ListDetected = { type: 'list-detected' };
      browser.runtime.sendMessage(message).catch(() => {});
      return;
    }
    if (first.kind !== 'report' && !mayBecomeReport(document.title, location.href)) return;

    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      if (timer === undefined)
        timer = setTimeout(() => {
          timer = undefined;
          if (detect(false)) stop();
        }, SETTLE_MS);
    });
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
    };
    const deadline = setTimeout(() => {
      stop();
      // Nothing arrived: a report known by its title (an image-only one) is still audited, and
      // the audit says why it found no tables.
      detect(true);
    }, WATCH_MS);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(stop);
  },
});
