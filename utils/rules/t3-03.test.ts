import { T3_LEAVES_2021 } from '../report/model';
import { ruleTester } from './rule-tester';
import { t303 } from './t3-03';
import { modelBuilder } from './testing/model-builder';
import { reportPage, t3Row } from './testing/pages';

const column = (c: string) => ['r7', ...T3_LEAVES_2021].map((r) => `applications/${r}/${c}`);

ruleTester(t303, {
  valid: [
    { name: 'all zero', html: reportPage() },
    {
      name: 'results add up (2021 rows with （六） sub-rows)',
      html: reportPage({
        t3: {
          ...t3Row('new', [4, 1, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [3, 0, 0, 0, 0, 0, 3]),
          ...t3Row('r5_1', [0, 1, 0, 0, 0, 0, 1]),
          ...t3Row('r6_2', [1, 0, 0, 0, 0, 0, 1]),
          ...t3Row('r7', [4, 1, 0, 0, 0, 0, 5]),
        },
      }),
    },
    {
      name: 'results add up (2019 single （六） row)',
      html: reportPage({
        format: '2019',
        t3: {
          ...t3Row('new', [2, 0, 0, 0, 0, 0, 2]),
          ...t3Row('r6', [2, 0, 0, 0, 0, 0, 2]),
          ...t3Row('r7', [2, 0, 0, 0, 0, 0, 2]),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'the total claims one more than the results',
      html: reportPage({
        t3: {
          ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('r7', [5, 0, 0, 0, 0, 0, 5]),
        },
      }),
      errors: [
        {
          messageId: 'mismatch',
          cells: column('NP'),
          zh: '自然人列：办理结果总计为 5，但各项办理结果之和为 4（予以公开 4；差 1）',
          en: 'Column natural persons: the results total is 5, but the results add up to 4 (disclosed 4; off by 1)',
        },
        { messageId: 'mismatch', cells: column('TOT') },
      ],
    },
    {
      name: 'an inferred value never makes an error',
      model: modelBuilder('2021')
        .setRow('applications/new', { NP: 2, TOT: 2 })
        .setRow('applications/r1', { TOT: 2 })
        .setRow('applications/r7', { NP: 3, TOT: 2 })
        .missing('applications/r1/NP')
        .build(),
      // r1/NP = 2 from its row; then r7/NP 3 ≠ 2: uncertain because r1/NP is inferred
      errors: [
        { messageId: 'mismatch', outcome: 'uncertain', severity: 'warning', cells: column('NP'), zh: '推算' },
      ],
    },
  ],
});
