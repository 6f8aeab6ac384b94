import { inferT3 } from '../../utils/audit/infer';
import { runAudit } from '../../utils/audit/run';
import { Budget } from '../../utils/budget';
import { detectReport } from '../../utils/report/detect';
import { parseReport } from '../../utils/report/parse';

// The code the auditor runs, bundled for a plain page so `scripts/bench/browser.mjs` can time it in
// real Chromium next to its floor: one bare pass that reads every table cell's text and the body
// text once. Every figure in BENCHMARKS.md is a ratio to that floor, measured in the same page.

function floor(doc: Document): number {
  let chars = 0;
  for (const cell of doc.querySelectorAll('td, th')) chars += (cell.textContent ?? '').length;
  return chars + (doc.body?.textContent ?? '').length;
}

/** What the auditor does on a report page: parse, infer, audit under its time budget (drawing excluded). */
function audit(doc: Document): number {
  const budget = new Budget(3000);
  const { model } = parseReport(doc, { url: location.href, budget });
  return runAudit(model, undefined, inferT3(model), { budget }).findings.length;
}

function detect(doc: Document): string {
  return detectReport(doc).kind;
}

(globalThis as unknown as { goujiBench: unknown }).goujiBench = { floor, audit, detect };
