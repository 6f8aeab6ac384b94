import type { Localized, Severity } from '../../audit/result';
import type { Format, ReportModel } from '../../report/model';
import type { Flagged, Passed } from '../types';

// A cross-year check: a rule over this year's model and the same body's previous-year model
// (report-formats.md §5.8). The same shape as utils/rules/types.ts, with the previous report in
// a context, and the previous report's cells named apart: a finding's `cells` are addresses on
// this page (the overlay draws them); the previous year's cells go to `previousCells`, which the
// runner checks for guesses ("never an error on a guess") and the message names in words.

/** How a message names the other report: its title and year. */
export interface ReportRef {
  title: string | null;
  year: number | null;
  url?: string;
}

export interface CrossYearContext {
  /** the same body's report for year − 1 (T3 inference already applied), or null */
  previous: ReportModel | null;
  previousRef: ReportRef | null;
  /** the body was merged, split or renamed (机构改革): XYR-01 is a warning, not an error */
  merged: boolean;
}

export type XyrFlagged = Flagged & { previousCells?: string[] };
export type XyrEvaluation = Passed | XyrFlagged;

export interface CrossYearRule {
  id: string;
  spec: string;
  severity: Severity;
  /** formats of year − 1 → year the rule compares; a rule without `needsPrevious` reads this year only */
  formats: { previous: readonly Format[]; current: readonly Format[] };
  /** false for the single-report part of XYR-06 (the text still says last year) */
  needsPrevious: boolean;
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  evaluate(current: ReportModel, ctx: CrossYearContext): XyrEvaluation[];
}
