import { sameBody } from '../../audit/cross-year';
import { type ReportModel, TABLE_IDS } from '../../report/model';
import { cellLabel } from '../labels';
import { fmtNum, loc } from '../lib/cells';
import type { CrossBodyRule, XbdEvaluation } from './types';

// XBD-01: a portal that lists the same body's report for one year twice (a reprint, a corrected
// version, a copy under another column) with different numbers leaves the reader not knowing which
// to believe. Identical numbers are a harmless duplicate and pass.

/** Every numbered cell of the report's tables, by address. */
function numbers(model: ReportModel): Map<string, number> {
  const out = new Map<string, number>();
  for (const table of TABLE_IDS) {
    const rows = model.tables[table];
    if (!rows) continue;
    for (const [row, cols] of Object.entries(rows))
      for (const [col, cell] of Object.entries(cols))
        if (cell.value !== null) out.set(`${table}/${row}/${col}`, cell.value);
  }
  return out;
}

export const xbd01: CrossBodyRule = {
  id: 'XBD-01',
  spec: 'XBD-01',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid', 'pre2019'],
  title: {
    zh: '同一机关同一年度的报告只有一个版本',
    en: 'One version of a body’s report for a year',
  },
  description: {
    zh: '同一门户上同一机关同一年度的年度报告出现两次且表格数字不同时，读者无法判断以哪一份为准。数字完全相同的重复链接不算问题。',
    en: 'When a portal lists the same body’s report for one year twice and the tables differ, readers cannot tell which to believe. A duplicate link with identical numbers is not a problem.',
  },
  messages: {
    differs: {
      zh: '本门户还列出了同一机关 {year} 年度的另一份报告（{other}），{count} 个数字不同，如{cell}：本报告 {mine}，另一份 {theirs}',
      en: 'The portal also lists another {year} report of the same body ({other}); {count} numbers differ, e.g. {cell}: {mine} here, {theirs} there',
    },
  },
  evaluate(report, ctx) {
    const { model } = report;
    if (model.year === null) return [];
    const twins = ctx.others.filter(
      (o) => o.url !== report.url && o.model.year === model.year && sameBody(model, o.model),
    );
    if (!twins.length) return [];
    const mine = numbers(model);
    return twins.map((twin): XbdEvaluation => {
      const theirs = numbers(twin.model);
      const differing = [...mine.keys()].filter((a) => theirs.has(a) && theirs.get(a) !== mine.get(a));
      const place = `twin:${twin.url}`;
      if (!differing.length) return { outcome: 'pass', place };
      const first = differing[0]!;
      return {
        outcome: 'fail',
        messageId: 'differs',
        place,
        cells: differing,
        otherCells: [{ model: twin.model, cells: differing }],
        data: {
          year: model.year!,
          other: twin.url,
          count: differing.length,
          mine: fmtNum(mine.get(first)!),
          theirs: fmtNum(theirs.get(first)!),
          ...loc('cell', cellLabel(first, model.legacyRows)),
        },
      };
    });
  },
};
