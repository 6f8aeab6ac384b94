import { browser, defineContentScript } from '#imports';
import { runAudit } from '@/utils/audit/run';
import { parseReport } from '@/utils/report/parse';
import type { Audited, AuditFailed } from './shared/messages';

// Injected on demand (scripting.executeScript), never declared in the manifest, so pages that
// are not reports never load the parser.
export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.gov.cn/*'],
  main() {
    try {
      // The element map stays here for the overlay (a later issue); only plain data leaves the page.
      const { model } = parseReport(document, { url: location.href });
      const message: Audited = { type: 'audited', model, audit: runAudit(model) };
      browser.runtime.sendMessage(message).catch(() => {});
    } catch (err) {
      const message: AuditFailed = { type: 'audit-failed', error: String(err) };
      browser.runtime.sendMessage(message).catch(() => {});
    }
  },
});
