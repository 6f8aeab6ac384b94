import { claimPlace, claimsOf, sentenceOf } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-02: the statistics period stated in the preamble ("统计期限为 2020 年 1 月 1 日至 12 月 31 日")
// is the whole calendar year of the title (DB51/T 2660—2019 2.1).

export const fmt02: Rule = {
  id: 'FMT-02',
  spec: 'FMT-02',
  severity: 'error',
  judgesYear: true,
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '统计期限与报告年度一致',
    en: 'The statistics period is the report year',
  },
  description: {
    zh: '报告写明的统计期限应为标题年度的 1 月 1 日至 12 月 31 日；不一致为错误，未写明统计期限为提示。',
    en: 'The statistics period the report states must run from 1 January to 31 December of the title year; a different period is an error, no statement is an info.',
  },
  messages: {
    mismatch: {
      zh: '统计期限为 {period}，与报告年度 {year} 年不一致',
      en: 'The statistics period is {period}, not the report year {year}',
    },
    partial: {
      zh: '统计期限为 {period}，不是 {year} 年全年（1 月 1 日至 12 月 31 日）',
      en: 'The statistics period is {period}, not the whole of {year} (1 January – 31 December)',
    },
    missing: {
      zh: '报告未写明统计期限（应为 {year} 年 1 月 1 日至 12 月 31 日）',
      en: 'The report does not state its statistics period (should be 1 January – 31 December {year})',
    },
  },
  evaluate(model) {
    if (model.year === null) return [];
    const year = model.year;
    const claims = claimsOf(model, 'statisticsPeriod');
    if (claims.length === 0)
      return [
        {
          outcome: 'fail',
          messageId: 'missing',
          severity: 'info',
          data: { year },
          cells: [],
          place: 'missing',
        },
      ];
    const c = claims[0]!;
    const v = (k: string) => c.numbers[k]?.value;
    const y1 = v('startYear')!;
    const y2 = v('endYear') ?? y1;
    const period = `${y1}年${v('startMonth')}月${v('startDay')}日至${y2}年${v('endMonth')}月${v('endDay')}日`;
    const place = () => claimPlace(model, c);
    const base = { period, year };
    const out: Evaluation[] = [];
    if (y1 !== year || y2 !== year)
      out.push({
        outcome: 'fail',
        messageId: 'mismatch',
        data: base,
        cells: [],
        sentence: sentenceOf(c),
        place: place(),
        expected: year,
        actual: y1 !== year ? y1 : y2,
      });
    else if (v('startMonth') !== 1 || v('startDay') !== 1 || v('endMonth') !== 12 || v('endDay') !== 31)
      out.push({
        outcome: 'fail',
        messageId: 'partial',
        data: base,
        cells: [],
        sentence: sentenceOf(c),
        place: place(),
      });
    else out.push({ outcome: 'pass' });
    return out;
  },
};
