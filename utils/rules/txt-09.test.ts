import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt09 } from './txt-09';

const TEXT = { 一: ['政府集中采购事项 101 项,采购总金额 45996.82 万元。'] };

ruleTester(txt09, {
  valid: [
    {
      name: 'count and amount in 万元',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '101', 'art20_9.procurement/amount': '45996.82万元' },
        text: TEXT,
      }),
    },
    {
      name: 'amount without unit, in 元',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '101', 'art20_9.procurement/amount': '459968200' },
        text: TEXT,
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: the amount sits in 采购项目数量, the 101 projects are nowhere',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '45996.82万元', 'art20_9.procurement/amount': '' },
        text: TEXT,
      }),
      errors: [
        {
          messageId: 'projectsMissing',
          severity: 'warning',
          cells: ['active/art20_9.procurement/projects', 'active/art20_9.procurement/amount'],
          zh: '正文称政府集中采购 101项，但表二采购项目数量栏没有对应数字（该栏填的是金额 45996.82万元',
        },
      ],
    },
    {
      name: 'count differs',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '100', 'art20_9.procurement/amount': '45996.82万元' },
        text: TEXT,
      }),
      errors: [{ messageId: 'projects', cells: ['active/art20_9.procurement/projects'] }],
    },
    {
      name: 'amount differs',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '101', 'art20_9.procurement/amount': '4599.68万元' },
        text: TEXT,
      }),
      errors: [{ messageId: 'amount', cells: ['active/art20_9.procurement/amount'] }],
    },
  ],
});
