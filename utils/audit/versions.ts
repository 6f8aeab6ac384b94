import type { ReportModel } from '../report/model';
import { doc01 } from '../rules/doc/doc-01';
import { type RuleRun, tallyRule } from './run';

// The two versions of one report (the article's HTML and its attachment) compared cell by cell
// (DOC-01), through the same tally as every rule: a difference that involves a guessed value in
// either version is uncertain, never an error; a crash is one uncertain finding.

export function compareVersions(attachment: ReportModel, page: ReportModel): RuleRun {
  return tallyRule(
    doc01,
    () => doc01.evaluate(attachment, page),
    (ev) => [
      { model: attachment, cells: ev.cells },
      { model: page, cells: ev.cells },
    ],
  );
}
