import { ruleTester } from './rule-tester';
import { t204 } from './t2-04';
import { reportPage } from './testing/pages';

ruleTester(t204, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    {
      name: 'decisions on listed items',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_6.penalty/prevItems': '2279',
          'art20_6.penalty/delta': '0',
          'art20_6.penalty/decisions': '23302',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'decisions with an empty list of items',
      html: reportPage({ format: '2019', t2: { 'art20_5.licensing/decisions': '5' } }),
      errors: [
        {
          messageId: 'noItems',
          severity: 'warning',
          cells: ['prevItems', 'delta', 'decisions'].map((c) => `active/art20_5.licensing/${c}`),
          zh: '行政许可：处理决定数量 5，但上一年项目数量 0 + 本年增/减 0 = 0',
        },
      ],
    },
  ],
});
