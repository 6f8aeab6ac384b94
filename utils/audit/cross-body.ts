import { crossBodyRules } from '../rules/xbd/index';
import type { CrossBodyRule, SweptReport } from '../rules/xbd/types';
import { inferT3 } from './infer';
import type { Counts, Finding, Localized } from './result';
import { addCounts, emptyCounts, tallyRule } from './run';

// The checks across the bodies of one sweep (XBD-*), with the policies of run.ts: never an error on
// a guess (the other reports' cells are vetted as well as this one's), and a check that throws gives
// one 'uncertain' finding and never stops the others. Findings are filed on the report they name.

export type { SweptReport } from '../rules/xbd/types';

const CRASHED: Localized = {
  zh: '跨机关检查 {rule} 运行出错，结果未知：{error}',
  en: 'Cross-body check {rule} failed to run, result unknown: {error}',
};

export interface CrossBodyRun {
  /** findings by the url of the report they are filed on */
  findings: Map<string, Finding[]>;
  counts: Map<string, Counts>;
}

export function runCrossBody(
  reports: readonly SweptReport[],
  rules: readonly CrossBodyRule[] = crossBodyRules,
): CrossBodyRun {
  const inferred = reports.map((r) => ({ url: r.url, model: inferT3(r.model).model }));
  const findings = new Map<string, Finding[]>();
  const counts = new Map<string, Counts>();
  for (const report of inferred) {
    const others = inferred.filter((o) => o !== report);
    let c = emptyCounts();
    const f: Finding[] = [];
    for (const rule of rules) {
      if (!rule.formats.includes(report.model.format)) continue;
      const run = tallyRule(
        rule,
        () => rule.evaluate(report, { others }),
        (ev) => [{ model: report.model, cells: ev.cells }, ...ev.otherCells],
        CRASHED,
      );
      f.push(...run.findings);
      c = addCounts(c, run.counts);
    }
    findings.set(report.url, f);
    counts.set(report.url, c);
  }
  return { findings, counts };
}
