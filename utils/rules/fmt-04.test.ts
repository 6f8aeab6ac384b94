import { fmt04 } from './fmt-04';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { legacyPage, reportPage } from './testing/pages';

ruleTester(fmt04, {
  valid: [
    { name: '2021 report in the 2021 format', html: reportPage({ year: 2021 }) },
    { name: '2020 report in the 2019 format', html: reportPage({ year: 2020, format: '2019' }) },
    { name: '2017 report with its statistics table', html: legacyPage() },
  ],
  invalid: [
    {
      name: 'a 2021 report in the old format (未使用新格式)',
      html: reportPage({ year: 2021, format: '2019' }),
      errors: [
        {
          messageId: 'oldFormat',
          severity: 'error',
          cells: [],
          zh: '2021 年度报告仍使用 2019 版（试行）格式',
        },
      ],
    },
    {
      name: 'a 2020 report in a format issued in September 2021',
      html: reportPage({ year: 2020, format: '2021' }),
      errors: [{ messageId: 'anachronism', cells: [], zh: '报告年度可能标错' }],
    },
    {
      name: 'a 2017 report with the national tables',
      model: modelBuilder('2019').with({ year: 2017 }).build(),
      errors: [{ messageId: 'beforeNational', cells: [] }],
    },
    {
      name: 'a mix of both formats',
      model: modelBuilder('hybrid').with({ year: 2021 }).build(),
      errors: [{ messageId: 'hybrid', severity: 'warning', cells: [] }],
    },
  ],
});
