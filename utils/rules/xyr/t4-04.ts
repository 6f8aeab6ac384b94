import { TABLE_FORMATS, t4, val } from '../lib/cells';
import { otherData, UNREADABLE_PAIR, unreadable } from './lib';
import type { CrossYearRule } from './types';

// T4-04 sits in the Table 4 section of the catalogue but needs last year's report, so it runs
// with the cross-year checks.
export const t404: CrossYearRule = {
  id: 'T4-04',
  spec: 'T4-04',
  severity: 'info',
  formats: { previous: TABLE_FORMATS, current: TABLE_FORMATS },
  needsPrevious: true,
  title: {
    zh: '复议后起诉不多于本年和上年的复议数',
    en: 'Lawsuits after review do not exceed reviews of this year and last',
  },
  description: {
    zh: '复议后起诉的案件通常来自本年或上一年的行政复议，因此“复议后起诉·总计”一般不超过本年与上一年度行政复议总计之和。只作提示。',
    en: "Lawsuits after review normally follow reviews of this year or last, so lawsuits after review should not exceed this year's plus last year's review totals. A note only.",
  },
  messages: {
    exceeds: {
      zh: '复议后起诉总计 {after}，多于本年行政复议总计 {rev} + 上一年度报告{other}行政复议总计 {prevRev} = {sum}',
      en: "Lawsuits after review total {after}, more than this year's reviews {rev} + last year's reviews {prevRev} in {other} = {sum}",
    },
    unreadable: UNREADABLE_PAIR,
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous?.tables.reviews || !current.tables.reviews) return [];
    const place = 'litAfterRev';
    const cells = [t4('litAfterRev', 'total'), t4('rev', 'total')];
    const previousCells = [t4('rev', 'total')];
    const u = unreadable(current, previous, cells, previousCells, place);
    if (u) return [u];
    const after = val(current, cells[0]!);
    const rev = val(current, cells[1]!);
    const prevRev = val(previous, previousCells[0]!);
    const sum = rev + prevRev;
    if (after <= sum) return [{ outcome: 'pass', place }];
    return [
      {
        outcome: 'fail',
        messageId: 'exceeds',
        data: { ...otherData(ctx.previousRef), after, rev, prevRev, sum },
        cells,
        previousCells,
        expected: sum,
        actual: after,
        place,
      },
    ];
  },
};
