import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt06 } from './txt-06';

const t2 = {
  'art20_5.licensing/prevItems': '246',
  'art20_5.licensing/delta': '减 45',
  'art20_5.licensing/decisions': '52772',
};

ruleTester(txt06, {
  valid: [
    {
      name: 'seed 001: 201 = 246 − 45',
      html: reportPage({
        format: '2019',
        t2,
        text: { 一: ['公开行政许可事项 201 项,比上一年减少 45 项,处理决定 52772 项。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'text 200, table 246 − 45 = 201',
      html: reportPage({
        format: '2019',
        t2,
        text: { 一: ['公开行政许可事项 200 项,比上一年减少 45 项。'] },
      }),
      errors: [
        {
          messageId: 'count',
          severity: 'error',
          cells: ['active/art20_5.licensing/prevItems', 'active/art20_5.licensing/delta'],
          zh: '上一年项目数量 246 加本年增/减 -45 = 201',
        },
      ],
    },
    {
      name: 'text says 46 fewer, table −45',
      html: reportPage({
        format: '2019',
        t2: { ...t2, 'art20_5.licensing/prevItems': '247', 'art20_5.licensing/delta': '减 46' },
        text: { 一: ['公开行政许可事项 201 项,比上一年减少 45 项。'] },
      }),
      errors: [
        {
          messageId: 'delta',
          cells: ['active/art20_5.licensing/delta'],
          zh: '比上一年减少 45 项，但表二本年增/减为 -46',
        },
      ],
    },
  ],
});
