import { ruleTester } from './rule-tester';
import { t405 } from './t4-05';
import { reportPage, t3Row, t4Block } from './testing/pages';

ruleTester(t405, {
  valid: [
    { name: 'no applications and no disputes', html: reportPage() },
    {
      name: 'disputes with applications: not applicable',
      html: reportPage({
        t3: { ...t3Row('new', [1, 0, 0, 0, 0, 0, 1]) },
        t4: t4Block('rev', [1, 0, 0, 0, 1]),
      }),
    },
  ],
  invalid: [
    {
      name: 'a lawsuit without any application',
      html: reportPage({ t4: t4Block('litDirect', [0, 0, 1, 0, 1]) }),
      errors: [
        {
          messageId: 'nonZero',
          severity: 'info',
          cells: [
            'applications/new/TOT',
            'applications/carryIn/TOT',
            'reviews/litDirect/other',
            'reviews/litDirect/total',
          ],
          zh: '表四有非零数值：行政诉讼·未经复议直接起诉·其他结果 1、行政诉讼·未经复议直接起诉·总计 1',
        },
      ],
    },
  ],
});
