import { T2_ROW_LABELS } from '../../rules/labels';
import { loc, t2, val } from '../../rules/lib/cells';
import { otherData, UNREADABLE_PAIR, unreadable } from './lib';
import type { CrossYearRule, XyrEvaluation } from './types';

const ROWS = ['art20_1.regulations', 'art20_1.normativeDocs'] as const;

export const xyr02: CrossYearRule = {
  id: 'XYR-02',
  spec: 'XYR-02',
  severity: 'warning',
  formats: { previous: ['2021'], current: ['2021'] },
  needsPrevious: true,
  title: {
    zh: '现行有效件数前后衔接',
    en: 'Documents in force carry over from last year',
  },
  description: {
    zh: '2021 年格式下，本年现行有效件数应等于上一年度现行有效件数加本年制发件数、减本年废止件数（规章、行政规范性文件各自核对）。文件也可能因有效期届满而失效，故只作警告。',
    en: "In the 2021 format, documents in force this year should equal last year's in force plus issued minus repealed this year (regulations and normative documents each). Documents can also lapse when their term ends, so this is a warning.",
  },
  messages: {
    mismatch: {
      zh: '{row}：上一年度报告{other}现行有效 {prevValid} + 本年制发 {made} − 本年废止 {repealed} = {expected}，但本年现行有效件数为 {valid}（差 {diff}）',
      en: "{row}: last year's report {other} had {prevValid} in force, + {made} issued − {repealed} repealed this year = {expected}, but {valid} are in force this year (off by {diff})",
    },
    unreadable: UNREADABLE_PAIR,
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous?.tables.active || !current.tables.active) return [];
    const out: XyrEvaluation[] = [];
    for (const row of ROWS) {
      if (!current.tables.active[row] || !previous.tables.active[row]) continue;
      const cells = [t2(row, 'valid'), t2(row, 'made'), t2(row, 'repealed')];
      const previousCells = [t2(row, 'valid')];
      const u = unreadable(current, previous, cells, previousCells, row);
      if (u) {
        out.push(u);
        continue;
      }
      const [valid, made, repealed] = cells.map((a) => val(current, a)) as [number, number, number];
      const prevValid = val(previous, previousCells[0]!);
      const expected = prevValid + made - repealed;
      if (valid === expected) {
        out.push({ outcome: 'pass', place: row });
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'mismatch',
        data: {
          ...loc('row', T2_ROW_LABELS[row]!),
          ...otherData(ctx.previousRef),
          prevValid,
          made,
          repealed,
          expected,
          valid,
          diff: Math.abs(valid - expected),
        },
        cells,
        previousCells,
        expected,
        actual: valid,
        place: row,
      });
    }
    return out;
  },
};
