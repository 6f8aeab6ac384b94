import { fmt12 } from './fmt-12';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';

const m = (
  format: '2019' | '2021' | 'pre2019',
  year: number,
  agency: string,
  publishedAt: string | null,
  ...ps: string[]
) => {
  const b = modelBuilder(format).with({
    year,
    agency,
    publishedAt,
    title: `${agency}${year}年政府信息公开工作年度报告`,
  });
  for (const p of ps) b.paragraph('other', p);
  return b.build();
};

ruleTester(fmt12, {
  valid: [
    {
      name: 'seed 002: signed 2018年1月18日 (pre-2019: 3月31日)',
      model: m('pre2019', 2017, '银川德胜工业园区', null, '银川德胜工业园区管委会', '2018年1月18日'),
    },
    { name: 'a county government in March', model: m('2021', 2021, '中宁县人民政府', '2022-03-20') },
    { name: 'a department in January', model: m('2021', 2021, '中宁县工业和信息化局', '2022-01-24') },
    { name: 'no date: not applicable', model: m('2021', 2021, '中宁县工业和信息化局', null) },
  ],
  invalid: [
    {
      name: 'a department in February',
      model: m('2021', 2021, '中宁县工业和信息化局', '2022-02-15'),
      errors: [
        {
          messageId: 'late',
          severity: 'warning',
          cells: [],
          zh: '2022-02-15发布，晚于2022年1月31日的期限（政府部门）',
        },
      ],
    },
    {
      name: 'a government in April',
      model: m('2019', 2019, '中宁县人民政府', '2020-04-02'),
      errors: [{ messageId: 'late', cells: [], zh: '晚于2020年3月31日的期限' }],
    },
    {
      name: 'a 管委会 in February: which deadline applies is uncertain',
      model: m('2021', 2023, '青铜峡工业园区管委会', '2024-02-19'),
      errors: [{ messageId: 'lateUnsure', outcome: 'uncertain', cells: [] }],
    },
  ],
});
