import { fmt09 } from './fmt-09';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

ruleTester(fmt09, {
  valid: [
    {
      name: 'seed 004: 本单位2023年未收取信息处理费',
      html: reportPage({
        year: 2023,
        text: { 六: ['（二）信息处理费收取情况。本单位2023年未收取信息处理费。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '六 says nothing about fees',
      html: reportPage({ text: { 六: ['无其他需要报告的事项。'] } }),
      errors: [{ messageId: 'missing', severity: 'warning', cells: [] }],
    },
    {
      name: 'fees reported in 一 instead',
      html: reportPage({ text: { 一: ['本年未收取信息处理费。'], 六: ['无。'] } }),
      errors: [{ messageId: 'elsewhere', severity: 'info', cells: [] }],
    },
  ],
});
