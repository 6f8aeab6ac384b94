import { T2_ROW_LABELS } from '../labels';
import { loc, t2 } from '../lib/cells';
import { eachActiveRow, otherData, UNREADABLE_PAIR } from './lib';
import type { CrossYearRule } from './types';

const ROWS = ['art20_1.regulations', 'art20_1.normativeDocs'] as const;

/**
 * 对外公开总数量 was never defined officially (report-formats.md §9.3): it is read as cumulative, so
 * it should not fall and should come close to last year's total plus this year's new disclosures.
 * "Close": within 5 % of the expected figure, rounded down (so small counts must match exactly).
 */
const tolerance = (expected: number): number => Math.floor(Math.abs(expected) * 0.05);

export const xyr04: CrossYearRule = {
  id: 'XYR-04',
  spec: 'XYR-04',
  severity: 'warning',
  formats: { previous: ['2019'], current: ['2019'] },
  needsPrevious: true,
  title: {
    zh: '对外公开总数量逐年累计',
    en: 'Total public documents accumulate year on year',
  },
  description: {
    zh: '2019 年试行格式下，“对外公开总数量”是累计数：不应少于上一年度，且应约等于上一年度对外公开总数量加本年新公开数量（相差不超过 5%）。',
    en: "In the 2019 trial format, total public is cumulative: it should not fall below last year's, and should be close to last year's total plus this year's newly published (within 5 %).",
  },
  messages: {
    decreased: {
      zh: '{row}：对外公开总数量 {total} 少于上一年度报告{other}的 {prevTotal}（少 {diff}），累计数不应减少',
      en: "{row}: total public {total} is below last year's report {other} at {prevTotal} (down {diff}); a cumulative count should not fall",
    },
    notCumulative: {
      zh: '{row}：上一年度报告{other}对外公开总数量 {prevTotal} + 本年新公开 {published} = {expected}，但本年对外公开总数量为 {total}（差 {diff}）',
      en: "{row}: last year's report {other} had {prevTotal} public + {published} published this year = {expected}, but this year's total public is {total} (off by {diff})",
    },
    unreadable: UNREADABLE_PAIR,
  },
  evaluate(current, ctx) {
    return eachActiveRow(
      current,
      ctx.previous,
      ROWS,
      ['totalPublic', 'newPublished'],
      ['totalPublic'],
      (row, now, before) => {
        const total = now.totalPublic;
        const published = now.newPublished;
        const prevTotal = before.totalPublic;
        const base = { ...loc('row', T2_ROW_LABELS[row]!), ...otherData(ctx.previousRef), total, prevTotal };
        if (total < prevTotal) {
          return {
            messageId: 'decreased',
            data: { ...base, diff: prevTotal - total },
            // a fall involves this year's total alone, not the new disclosures
            cells: [t2(row, 'totalPublic')],
            expected: prevTotal,
            actual: total,
          };
        }
        const expected = prevTotal + published;
        if (Math.abs(total - expected) <= tolerance(expected)) return null;
        return {
          messageId: 'notCumulative',
          data: { ...base, published, expected, diff: Math.abs(total - expected) },
          expected,
          actual: total,
        };
      },
    );
  },
};
