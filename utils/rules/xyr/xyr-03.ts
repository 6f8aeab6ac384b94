import { T2_ROW_LABELS } from '../labels';
import { fmtNum, loc } from '../lib/cells';
import { eachActiveRow, otherData, UNREADABLE_PAIR } from './lib';
import type { CrossYearRule } from './types';

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
    return eachActiveRow(
      current,
      ctx.previous,
      ROWS,
      ['prevItems'],
      ['prevItems', 'delta'],
      (row, now, before) => {
        const items = now.prevItems;
        const { prevItems, delta } = before;
        const expected = prevItems + delta;
        if (items === expected) return null;
        return {
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
          expected,
          actual: items,
        };
      },
    );
  },
};
