import { ruleTester } from './rule-tester';
import { t307 } from './t3-07';
import { reportPage, t3Row } from './testing/pages';

ruleTester(t307, {
  valid: [
    { name: 'no applications, all zero', html: reportPage() },
    {
      name: 'applications received: not applicable',
      html: reportPage({ t3: t3Row('new', [1, 0, 0, 0, 0, 0, 1]) }),
    },
  ],
  invalid: [
    {
      name: 'results without any application',
      html: reportPage({ t3: { ...t3Row('r1', [1, 0, 0, 0, 0, 0, 0]) } }),
      errors: [
        {
          messageId: 'nonZero',
          cells: ['applications/new/TOT', 'applications/carryIn/TOT', 'applications/r1/NP'],
          zh: '本年新收与上年结转总计均为 0，但表三仍有非零数值：予以公开·自然人 1',
        },
      ],
    },
  ],
});
