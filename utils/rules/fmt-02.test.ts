import { fmt02 } from './fmt-02';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';

const period = (year: number, text: string) =>
  modelBuilder('2021').with({ year }).paragraph('preamble', text).build();

ruleTester(fmt02, {
  valid: [
    { name: 'the test page states the year', html: reportPage({ year: 2021 }) },
    {
      name: 'seed 001 wording',
      model: period(2021, '所列政府信息公开数据统计期限为 2021 年 1月 1 日至 2021 年 12 月 31 日。'),
    },
    {
      name: 'seed 003 wording',
      model: period(
        2021,
        '本报告统计数据从 2021 年 1 月 1 日至 2021 年 12 月 31 日，电子版可在门户网站查阅。',
      ),
    },
  ],
  invalid: [
    {
      name: 'last year’s period',
      model: period(2021, '本报告中使用数据统计期限为 2020 年 1 月 1 日至 12 月 31 日。'),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          cells: [],
          zh: '统计期限为 2020年1月1日至2020年12月31日，与报告年度 2021 年不一致',
        },
      ],
    },
    {
      name: 'part of the year',
      model: period(2021, '本报告统计数据从 2021 年 1 月 1 日至 2021 年 11 月 30 日。'),
      errors: [{ messageId: 'partial', cells: [] }],
    },
    {
      name: 'no statement: info',
      model: period(2021, '现将本单位年度报告公布如下。'),
      errors: [{ messageId: 'missing', severity: 'info', cells: [] }],
    },
  ],
});
