import type { Rule } from './types';

export const fmt04: Rule = {
  id: 'FMT-04',
  spec: 'FMT-04',
  severity: 'error',
  judgesYear: true,
  formats: ['2019', '2021', 'pre2019', 'hybrid'],
  title: {
    zh: '报告格式与年度相符',
    en: 'The format fits the report year',
  },
  description: {
    zh: '2019、2020 年度报告使用《年度报告格式（试行）》（国办公开办函〔2019〕60号）；2021 年度起使用 2021 年 9 月印发的新格式（国办公开办函〔2021〕30号）；2018 年度及以前没有全国统一表格。2021 年度起仍用旧格式即“未使用新格式”；较早年度用了新格式说明年份可能标错。混用两版格式作警告。',
    en: 'Reports for 2019 and 2020 use the trial format (国办公开办函〔2019〕60号); from 2021 on, the format issued in September 2021 (国办公开办函〔2021〕30号); up to 2018 there was no national table. The old format from 2021 on means the new one was not adopted; the new format in an earlier year means the year is probably wrong. Mixing both formats is a warning.',
  },
  messages: {
    oldFormat: {
      zh: '{year} 年度报告仍使用 2019 版（试行）格式，应使用 2021 版格式（国办公开办函〔2021〕30号）',
      en: 'The {year} report still uses the 2019 trial format; it should use the 2021 format (国办公开办函〔2021〕30号)',
    },
    anachronism: {
      zh: '{year} 年度报告使用了 2021 年 9 月才印发的新格式，报告年度可能标错',
      en: 'The {year} report uses the format issued only in September 2021; the report year is probably wrong',
    },
    beforeNational: {
      zh: '{year} 年度报告使用了 2019 年以后才有的全国统一表格，报告年度可能标错',
      en: 'The {year} report uses the national tables that exist only from 2019 on; the report year is probably wrong',
    },
    hybrid: {
      zh: '{year} 年度报告的表格混用了 2019 版和 2021 版格式',
      en: 'The tables of the {year} report mix the 2019 and 2021 formats',
    },
  },
  evaluate(model) {
    const y = model.year;
    if (y === null) return [];
    const f = model.format;
    const messageId =
      f === 'hybrid'
        ? 'hybrid'
        : f === '2019' && y >= 2021
          ? 'oldFormat'
          : (f === '2019' || f === '2021') && y <= 2018
            ? 'beforeNational'
            : f === '2021' && y <= 2020
              ? 'anachronism'
              : null;
    if (!messageId) return [{ outcome: 'pass', place: 'format' }];
    return [
      {
        outcome: 'fail',
        messageId,
        data: { year: y },
        cells: [],
        place: 'format',
        ...(f === 'hybrid' ? { severity: 'warning' as const } : {}),
      },
    ];
  },
};
