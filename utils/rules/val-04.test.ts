import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { val04 } from './val-04';

ruleTester(val04, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    {
      name: 'signed changes as seed 001 and others write them',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_5.licensing/delta': '减 45',
          'art20_6.penalty/delta': '+3',
          'art20_8.fees/delta': '增加2',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a bare positive number',
      html: reportPage({ format: '2019', t2: { 'art20_5.licensing/delta': '5' } }),
      errors: [
        {
          messageId: 'unsigned',
          severity: 'info',
          cells: ['active/art20_5.licensing/delta'],
          zh: '按增加 5 理解',
        },
      ],
    },
    {
      name: 'not a number at all',
      html: reportPage({ format: '2019', t2: { 'art20_5.otherServices/delta': '若干' } }),
      errors: [
        {
          messageId: 'unparseable',
          severity: 'warning',
          cells: ['active/art20_5.otherServices/delta'],
          zh: '“若干”无法解读为增减数',
        },
      ],
    },
  ],
});
