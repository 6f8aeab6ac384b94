import type { Localized, Severity } from '../../audit/result';
import type { Format, ReportModel } from '../../report/model';
import type { Flagged, Passed } from '../types';

// A cross-body check: a rule over one report of a sweep and the other reports the same sweep found on
// the same portal. The shape of utils/rules/types.ts, with the other reports in a context; a
// finding's `cells` are addresses in the report it is filed on (the overlay and the worksheet name
// them), and the other reports' cells go to `otherCells`, which the runner checks for guesses
// ("never an error on a guess") just as it checks this report's.

export interface SweptReport {
  /** the link the report was read from */
  url: string;
  model: ReportModel;
}

export interface CrossBodyContext {
  /** every other report of the sweep (T3 inference already applied) */
  others: readonly SweptReport[];
}

export type XbdFlagged = Flagged & { otherCells: Array<{ model: ReportModel; cells: string[] }> };
export type XbdEvaluation = Passed | XbdFlagged;

export interface CrossBodyRule {
  id: string;
  spec: string;
  severity: Severity;
  formats: readonly Format[];
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  evaluate(report: SweptReport, ctx: CrossBodyContext): XbdEvaluation[];
}
