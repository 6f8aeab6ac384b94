import { T2_ROW_LABELS } from '../labels';
import { loc } from '../lib/cells';
import { eachActiveRow, otherData, UNREADABLE_PAIR } from './lib';
import type { CrossYearRule } from './types';

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
    return eachActiveRow(
      current,
      ctx.previous,
      ROWS,
      ['valid', 'made', 'repealed'],
      ['valid'],
      (row, { valid, made, repealed }, before) => {
        const prevValid = before.valid;
        const expected = prevValid + made - repealed;
        if (valid === expected) return null;
        return {
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
          expected,
          actual: valid,
        };
      },
    );
  },
};
