import { T4_BLOCKS } from '../report/model';
import { getCell, loc, sumOf, t3, t4, valuesInWords } from './lib/cells';
import type { Rule } from './types';

export const t405: Rule = {
  id: 'T4-05',
  spec: 'T4-05',
  severity: 'info',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '没有申请却有复议或诉讼',
    en: 'Reviews or lawsuits without any application',
  },
  description: {
    zh: '本年新收与上年结转均为 0 时，表四通常全为 0。有复议或诉讼也可能合理（针对主动公开或更早年度的申请），因此只作提示。上一年度的申请数需要上年报告，暂只看本年。',
    en: 'With no new and no carried-over applications, Table 4 is normally all zero. Disputes over proactive disclosure or older applications are possible, so this is only a note. The previous year’s applications need last year’s report; only this year is checked for now.',
  },
  messages: {
    nonZero: {
      zh: '本年新收与上年结转均为 0，但表四有非零数值：{cells}（可能涉及主动公开或以往年度申请的争议）',
      en: 'No new or carried-over applications, yet Table 4 has non-zero values: {cells} (possibly disputes over proactive disclosure or older applications)',
    },
  },
  evaluate(model) {
    const reviews = model.tables.reviews;
    if (!reviews || !model.tables.applications) return [];
    const start = [t3('new', 'TOT'), t3('carryIn', 'TOT')];
    const s = sumOf(model, start);
    if (s.unknown.length || s.value !== 0) return [{ outcome: 'notApplicable', place: 'reviews' }];
    const cells = T4_BLOCKS.flatMap((b) => Object.keys(reviews[b] ?? {}).map((c) => t4(b, c)));
    const nonZero = cells.filter((a) => (getCell(model, a)?.value ?? 0) !== 0);
    if (!nonZero.length) return [{ outcome: 'pass', place: 'reviews' }];
    return [
      {
        outcome: 'fail',
        messageId: 'nonZero',
        data: loc('cells', valuesInWords(model, nonZero)),
        cells: [...start, ...nonZero],
        place: 'reviews',
      },
    ];
  },
};
