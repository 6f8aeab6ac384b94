import { browser, defineContentScript } from '#imports';
import type { AuditResult } from '@/utils/audit/result';
import type { ReportModel } from '@/utils/report/model';
import { parseReport } from '@/utils/report/parse';
import type { Audited, AuditFailed } from './shared/messages';

// The one place the rule engine will be called, once utils/audit/run.ts exists:
//   import { runAudit } from '@/utils/audit/run';
//   const audit = (model: ReportModel): AuditResult | null => runAudit(model);
const audit = (_model: ReportModel): AuditResult | null => null;

// Injected on demand (scripting.executeScript), never declared in the manifest, so pages that
// are not reports never load the parser.
export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.gov.cn/*'],
  main() {
    try {
      // The element map stays here for the overlay (a later issue); only plain data leaves the page.
      const { model } = parseReport(document, { url: location.href });
      const message: Audited = { type: 'audited', model, audit: audit(model) };
      browser.runtime.sendMessage(message).catch(() => {});
    } catch (err) {
      const message: AuditFailed = { type: 'audit-failed', error: String(err) };
      browser.runtime.sendMessage(message).catch(() => {});
    }
  },
});
