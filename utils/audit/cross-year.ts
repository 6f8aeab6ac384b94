import { agencyKeyOf, siteOf } from '../report/body';
import type { ReportModel } from '../report/model';
import { prose } from '../rules/lib/text';
import { crossYearRules } from '../rules/xyr/index';
import { compact } from '../rules/xyr/lib';
import type { CrossYearContext, CrossYearRule, ReportRef } from '../rules/xyr/types';
import { inferT3 } from './infer';
import type { Counts, Finding, Localized } from './result';
import { addCounts, emptyCounts, tallyRule } from './run';

// The cross-year checks (XYR-01…07, T4-04) over this year's report and the same body's report of
// the year before, with the policies of utils/audit/run.ts:
// - never across bodies: the two reports must have the same agencyKey (non-empty) and site;
// - never an error on a guess: a fail that involves an inferred / garbled / approximate / missing
//   cell, or a blank total, in either report becomes 'uncertain', capped at 'warning';
// - a check that throws gives one 'uncertain' info finding and never stops the others.
// Findings are utils/audit/result.ts Findings, fingerprinted by rule + place.

export type { ReportRef } from '../rules/xyr/types';
export { type FollowThrough, followThrough } from '../rules/xyr/xyr-07';

/** Catalogue ids the cross-year checks report under. */
const CROSS_YEAR_SPECS: ReadonlySet<string> = new Set(crossYearRules.map((r) => r.spec));
export const isCrossYearFinding = (f: Pick<Finding, 'spec'>): boolean => CROSS_YEAR_SPECS.has(f.spec);
/** What the log adds to an engine's audit: the cross-year findings, and XYR-08 (changed since its last audit). */
export const isLogFinding = (f: Pick<Finding, 'spec'>): boolean =>
  isCrossYearFinding(f) || f.spec === 'XYR-08';

interface BodyKey {
  agencyKey: string;
  site: string;
}

const bodyOf = (model: Pick<ReportModel, 'agency' | 'title' | 'host'>): BodyKey => ({
  agencyKey: agencyKeyOf(model.agency, model.title),
  site: siteOf(model.host),
});

/** Same issuing body on the same portal; an unnamed body matches nothing. */
export function sameBody(
  a: Pick<ReportModel, 'agency' | 'title' | 'host'>,
  b: Pick<ReportModel, 'agency' | 'title' | 'host'>,
) {
  const x = bodyOf(a);
  const y = bodyOf(b);
  return x.agencyKey !== '' && x.agencyKey === y.agencyKey && x.site === y.site;
}

/** Text that says the body was merged, split or renamed (机构改革). */
const REORGANIZED = /机构改革|机构调整|(合并|整合)组建|重新组建|撤并|更名为|职责划[转入]|职能划[转入]/;

function mentionsReorganization(model: ReportModel): boolean {
  return prose(model).some((p) => REORGANIZED.test(compact(p.text)));
}

export interface CrossYearOptions {
  /** how messages name the previous report; defaults to its own title and year */
  previousRef?: ReportRef | null;
  /** force the 机构改革 downgrade of XYR-01; by default read from either report's text */
  merged?: boolean;
}

export interface CrossYearRun {
  findings: Finding[];
  counts: Counts;
  /** a previous report of the same body and year − 1 was compared */
  compared: boolean;
}

const CRASHED: Localized = {
  zh: '跨年度检查 {rule} 运行出错，结果未知：{error}',
  en: 'Cross-year check {rule} failed to run, result unknown: {error}',
};

const applies = (rule: CrossYearRule, current: ReportModel, previous: ReportModel | null): boolean => {
  if (!rule.formats.current.includes(current.format)) return false;
  if (!rule.needsPrevious) return true;
  return !!previous && rule.formats.previous.includes(previous.format);
};

/**
 * Run the cross-year checks. `previous` is the same body's report for year − 1; any other report
 * (another body, another year, or null) is not compared, and only the checks that read this year's
 * report alone run (XYR-06's "still says last year").
 */
export function runCrossYear(
  current: ReportModel,
  previous: ReportModel | null,
  opts: CrossYearOptions = {},
  rules: readonly CrossYearRule[] = crossYearRules,
): CrossYearRun {
  const compared =
    !!previous &&
    sameBody(current, previous) &&
    current.year !== null &&
    previous.year !== null &&
    previous.year === current.year - 1;
  const cur = inferT3(current).model;
  const prev = compared ? inferT3(previous!).model : null;
  const ctx: CrossYearContext = {
    previous: prev,
    previousRef: prev ? (opts.previousRef ?? { title: prev.title, year: prev.year }) : null,
    merged: opts.merged ?? (!!prev && (mentionsReorganization(cur) || mentionsReorganization(prev))),
  };

  let counts = emptyCounts();
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!applies(rule, cur, prev)) continue;
    const r = tallyRule(
      rule,
      () => rule.evaluate(cur, ctx),
      (ev) => [
        { model: cur, cells: ev.cells },
        ...(prev ? [{ model: prev, cells: ev.previousCells ?? [] }] : []),
      ],
      CRASHED,
    );
    findings.push(...r.findings);
    counts = addCounts(counts, r.counts);
  }
  return { findings, counts, compared };
}
