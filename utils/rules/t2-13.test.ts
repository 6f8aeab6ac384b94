import { ruleTester } from './rule-tester';
import { t213 } from './t2-13';
import { reportPage } from './testing/pages';

ruleTester(t213, {
  valid: [
    { name: 'no fees', html: reportPage() },
    { name: 'an amount in 万元', html: reportPage({ t2: { 'art20_8.fees/amountWan': '12.5' } }) },
  ],
  invalid: [
    {
      name: 'a count of fee items, the 2019 habit',
      html: reportPage({ t2: { 'art20_8.fees/amountWan': '3项' } }),
      errors: [
        {
          messageId: 'countInAmount',
          severity: 'info',
          cells: ['active/art20_8.fees/amountWan'],
          zh: '“3项”',
        },
      ],
    },
  ],
});
