import { otherData } from './lib';
import type { CrossYearRule } from './types';

export const xyr05: CrossYearRule = {
  id: 'XYR-05',
  spec: 'XYR-05',
  severity: 'info',
  formats: { previous: ['2019', '2021'], current: ['2019', '2021'] },
  needsPrevious: true,
  title: {
    zh: '新旧格式交界：只核对结转',
    en: 'Format boundary: only carry-over is compared',
  },
  description: {
    zh: '2020 年报告用 2019 年试行格式、2021 年报告用 2021 年格式，表二口径不同（对外公开总数量≠现行有效件数，事项数量已取消），跨年核对只剩表三的结转（XYR-01）。',
    en: 'The 2020 report uses the 2019 trial format and the 2021 report the 2021 format; Table 2 measures different things (total public ≠ in force, item counts dropped), so across this boundary only the Table 3 carry-over (XYR-01) is compared.',
  },
  messages: {
    boundary: {
      zh: '上一年度报告{other}用 2019 年试行格式，本年度用 2021 年格式：表二口径已变，现行有效件数、事项数量和对外公开总数量的跨年核对（XYR-02/03/04）不适用，只核对结转（XYR-01）',
      en: "Last year's report {other} uses the 2019 trial format and this year's the 2021 format: Table 2 changed, so the year-on-year checks of documents in force, item counts and total public (XYR-02/03/04) do not apply; only the carry-over (XYR-01) is compared",
    },
    reversed: {
      zh: '上一年度报告{other}已用 2021 年格式，本年度却用 2019 年试行格式：表二无法跨年核对，只核对结转（XYR-01）',
      en: "Last year's report {other} already uses the 2021 format but this year's uses the 2019 trial format: Table 2 cannot be compared across the years; only the carry-over (XYR-01) is",
    },
  },
  evaluate(current, ctx) {
    const previous = ctx.previous;
    if (!previous || previous.format === current.format) return [];
    return [
      {
        outcome: 'fail',
        messageId: previous.format === '2019' ? 'boundary' : 'reversed',
        data: otherData(ctx.previousRef),
        cells: [],
        place: `${previous.format}>${current.format}`,
      },
    ];
  },
};
