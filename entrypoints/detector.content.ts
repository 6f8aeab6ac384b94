import { browser, defineContentScript } from '#imports';
import { detectReport } from '@/utils/report/detect';
import type { ReportDetected } from './shared/messages';

// Runs on every portal page, so it stays tiny: detection only, no parser, no DOM change.
// The auditor is injected by the background only when this says the page is a report.
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  allFrames: false,
  main() {
    const detection = detectReport(document, location.href);
    if (detection.kind !== 'report') return;
    const message: ReportDetected = { type: 'report-detected', detection };
    // The background may be restarting; a lost message only means no automatic audit.
    browser.runtime.sendMessage(message).catch(() => {});
  },
});
