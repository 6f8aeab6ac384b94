import { T2_ROW_LABELS } from '../../rules/labels';
import { fmtNum, loc, t2, val } from '../../rules/lib/cells';
import { otherData, UNREADABLE_PAIR, unreadable } from './lib';
import type { CrossYearRule, XyrEvaluation } from './types';

const ROWS = [
  'art20_5.licensing',
  'art20_5.otherServices',
  'art20_6.penalty',
  'art20_6.coercion',
  'art20_8.fees',
] as const;

const signed = (n: number): string => (n < 0 ? `− ${fmtNum(-n)}` : `+ ${fmtNum(n)}`);

export const xyr03: CrossYearRule = {
  id: 'XYR-03',
  spec: 'XYR-03',
  severity: 'warning',
  formats: { previous: ['2019'], current: ['2019'] },
  needsPrevious: true,
  title: {
    zh: '事项数量前后衔接',
    en: 'Item counts carry over from last year',
  },
  description: {
    zh: '2019 年试行格式下，本年“上一年项目数量”应等于上一年度报告的“上一年项目数量”加其“本年增/减”（行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费）。',
    en: "In the 2019 trial format, this year's items-last-year should equal last year's items-last-year plus last year's change (licensing, other services, penalties, coercion, fees).",
  },
  messages: {
    mismatch: {
      zh: '{row}：上一年度报告{other}上一年项目数量 {prevItems} {delta} = {expected}，但本年“上一年项目数量”为 {items}（差 {diff}）',
      en: "{row}: last year's report {other} had {prevItems} items {delta} = {expected}, but this year's items-last-year is {items} (off by {diff})",
    },
    unreadable: UNREADABLE_PAIR,
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous?.tables.active || !current.tables.active) return [];
    const out: XyrEvaluation[] = [];
    for (const row of ROWS) {
      if (!current.tables.active[row] || !previous.tables.active[row]) continue;
      const cells = [t2(row, 'prevItems')];
      const previousCells = [t2(row, 'prevItems'), t2(row, 'delta')];
      const u = unreadable(current, previous, cells, previousCells, row);
      if (u) {
        out.push(u);
        continue;
      }
      const items = val(current, cells[0]!);
      const prevItems = val(previous, previousCells[0]!);
      const delta = val(previous, previousCells[1]!);
      const expected = prevItems + delta;
      if (items === expected) {
        out.push({ outcome: 'pass', place: row });
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'mismatch',
        data: {
          ...loc('row', T2_ROW_LABELS[row]!),
          ...otherData(ctx.previousRef),
          prevItems,
          delta: signed(delta),
          expected,
          items,
          diff: Math.abs(items - expected),
        },
        cells,
        previousCells,
        expected,
        actual: items,
        place: row,
      });
    }
    return out;
  },
};
