import { T2_ROW_LABELS } from '../../rules/labels';
import { loc, t2, val } from '../../rules/lib/cells';
import { otherData, UNREADABLE_PAIR, unreadable } from './lib';
import type { CrossYearRule, XyrEvaluation } from './types';

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
    const previous = ctx.previous;
    if (!previous?.tables.active || !current.tables.active) return [];
    const out: XyrEvaluation[] = [];
    for (const row of ROWS) {
      if (!current.tables.active[row] || !previous.tables.active[row]) continue;
      const cells = [t2(row, 'totalPublic'), t2(row, 'newPublished')];
      const previousCells = [t2(row, 'totalPublic')];
      const u = unreadable(current, previous, cells, previousCells, row);
      if (u) {
        out.push(u);
        continue;
      }
      const total = val(current, cells[0]!);
      const published = val(current, cells[1]!);
      const prevTotal = val(previous, previousCells[0]!);
      const base = { ...loc('row', T2_ROW_LABELS[row]!), ...otherData(ctx.previousRef), total, prevTotal };
      if (total < prevTotal) {
        out.push({
          outcome: 'fail',
          messageId: 'decreased',
          data: { ...base, diff: prevTotal - total },
          cells: [cells[0]!],
          previousCells,
          expected: prevTotal,
          actual: total,
          place: row,
        });
        continue;
      }
      const expected = prevTotal + published;
      if (Math.abs(total - expected) <= tolerance(expected)) {
        out.push({ outcome: 'pass', place: row });
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'notCumulative',
        data: { ...base, published, expected, diff: Math.abs(total - expected) },
        cells,
        previousCells,
        expected,
        actual: total,
        place: row,
      });
    }
    return out;
  },
};
