import { T3_COLS } from '../../report/model';
import { T3_COL_LABELS } from '../labels';
import { loc, TABLE_FORMATS, t3, val } from '../lib/cells';
import { otherData, UNREADABLE_PAIR, unreadable } from './lib';
import type { CrossYearRule, XyrEvaluation } from './types';

export const xyr01: CrossYearRule = {
  id: 'XYR-01',
  spec: 'XYR-01',
  severity: 'error',
  formats: { previous: TABLE_FORMATS, current: TABLE_FORMATS },
  needsPrevious: true,
  title: {
    zh: '上年结转与上一年度结转下年度一致',
    en: "Carried over matches last year's carried forward",
  },
  description: {
    zh: '表三每一列的“二、上年结转政府信息公开申请数量”应等于同一机关上一年度报告的“四、结转下年度继续办理”。机构改革（合并、更名）后口径可能变化，此时只作警告。',
    en: "In every column of Table 3, applications carried over from last year must equal the same body's last-year figure carried forward. After a reorganization (merger, renaming) the figures may change scope, so it is then only a warning.",
  },
  messages: {
    mismatch: {
      zh: '{col}列：本年度上年结转 {carryIn}，但上一年度报告{other}的结转下年度继续办理为 {carryOut}（差 {diff}）',
      en: "Column {col}: carried over {carryIn} this year, but last year's report {other} carried forward {carryOut} (off by {diff})",
    },
    mismatchMerged: {
      zh: '{col}列：本年度上年结转 {carryIn}，但上一年度报告{other}的结转下年度继续办理为 {carryOut}（差 {diff}）；报告提到机构改革，口径可能有变',
      en: "Column {col}: carried over {carryIn} this year, but last year's report {other} carried forward {carryOut} (off by {diff}); the report mentions a reorganization, so the scope may have changed",
    },
    unreadable: UNREADABLE_PAIR,
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous?.tables.applications || !current.tables.applications) return [];
    return T3_COLS.map((c): XyrEvaluation => {
      const cells = [t3('carryIn', c)];
      const previousCells = [t3('carryOut', c)];
      const u = unreadable(current, previous, cells, previousCells, c);
      if (u) return u;
      const carryIn = val(current, cells[0]!);
      const carryOut = val(previous, previousCells[0]!);
      if (carryIn === carryOut) return { outcome: 'pass', place: c };
      return {
        outcome: 'fail',
        messageId: ctx.merged ? 'mismatchMerged' : 'mismatch',
        ...(ctx.merged ? { severity: 'warning' as const } : {}),
        data: {
          ...loc('col', T3_COL_LABELS[c]!),
          ...otherData(ctx.previousRef),
          carryIn,
          carryOut,
          diff: Math.abs(carryIn - carryOut),
        },
        cells,
        previousCells,
        expected: carryOut,
        actual: carryIn,
        place: c,
      };
    });
  },
};
