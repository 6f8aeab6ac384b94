import { ruleTester } from './rule-tester';
import { t306 } from './t3-06';
import { reportPage, t3Row } from './testing/pages';

ruleTester(t306, {
  valid: [
    { name: 'all zero', html: reportPage() },
    {
      name: 'every result within new + carried over',
      html: reportPage({
        t3: {
          ...t3Row('new', [2, 0, 0, 0, 0, 0, 2]),
          ...t3Row('carryIn', [1, 0, 0, 0, 0, 0, 1]),
          ...t3Row('r1', [3, 0, 0, 0, 0, 0, 3]),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'more disclosed than received',
      html: reportPage({
        t3: {
          ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [6, 0, 0, 0, 0, 0, 5]),
          ...t3Row('carryOut', [0, 0, 0, 0, 0, 0, 7]),
        },
      }),
      errors: [
        {
          messageId: 'exceeds',
          cells: ['applications/r1/NP', 'applications/new/NP', 'applications/carryIn/NP'],
          zh: '予以公开·自然人为 6，超过自然人列本年新收 + 上年结转 = 5',
          en: 'disclosed · natural persons is 6, more than new + carried over = 5 in column natural persons',
        },
        {
          messageId: 'exceeds',
          cells: ['applications/carryOut/TOT', 'applications/new/TOT', 'applications/carryIn/TOT'],
        },
      ],
    },
  ],
});
