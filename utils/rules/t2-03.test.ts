import { ruleTester } from './rule-tester';
import { t203 } from './t2-03';
import { reportPage } from './testing/pages';

ruleTester(t203, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    {
      name: 'seed 001: 246 − 45, 285 − 130, 29 − 2',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_5.licensing/prevItems': '246',
          'art20_5.licensing/delta': '减 45',
          'art20_5.otherServices/prevItems': '285',
          'art20_5.otherServices/delta': '减 130',
          'art20_8.fees/prevItems': '29',
          'art20_8.fees/delta': '减 2',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'more items removed than there were',
      html: reportPage({
        format: '2019',
        t2: { 'art20_8.fees/prevItems': '10', 'art20_8.fees/delta': '减 12' },
      }),
      errors: [
        {
          messageId: 'negative',
          severity: 'error',
          cells: ['active/art20_8.fees/prevItems', 'active/art20_8.fees/delta'],
          zh: '行政事业性收费：上一年项目数量 10 + 本年增/减 -12 = -2，事项数不能为负',
        },
      ],
    },
  ],
});
