import { ruleTester } from './rule-tester';
import { t301 } from './t3-01';
import { modelBuilder } from './testing/model-builder';
import { reportPage, t3Row } from './testing/pages';

const col = (c: string) => ['new', 'carryIn', 'r7', 'carryOut'].map((r) => `applications/${r}/${c}`);

ruleTester(t301, {
  valid: [
    { name: 'all zero', html: reportPage() },
    {
      name: 'new + carried over = handled + carried forward in every column',
      html: reportPage({
        t3: {
          ...t3Row('new', [3, 2, 0, 0, 0, 0, 5]),
          ...t3Row('carryIn', [1, 0, 0, 0, 0, 0, 1]),
          ...t3Row('r1', [3, 1, 0, 0, 0, 0, 4]),
          ...t3Row('r7', [3, 1, 0, 0, 0, 0, 4]),
          ...t3Row('carryOut', [1, 1, 0, 0, 0, 0, 2]),
        },
      }),
    },
    {
      name: 'a single unreadable cell is inferred and the column balances',
      model: modelBuilder('2019')
        .setRow('applications/new', { NP: 3, TOT: 3 })
        .setRow('applications/r1', { NP: 3, TOT: 3 })
        .setRow('applications/r7', { TOT: 3 })
        .missing('applications/r7/NP')
        .build(),
    },
  ],
  invalid: [
    {
      name: 'one application too few in the results (NP and TOT columns)',
      html: reportPage({
        t3: {
          ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('r7', [4, 0, 0, 0, 0, 0, 4]),
        },
      }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          cells: col('NP'),
          zh: '自然人列：本年新收 5 + 上年结转 0 = 5，但办理结果总计 4 + 结转下年度 0 = 4（差 1）',
          en: 'Column natural persons: new 5 + carried over 0 = 5, but results total 4 + carried forward 0 = 4 (off by 1)',
        },
        { messageId: 'mismatch', cells: col('TOT'), zh: '总计列' },
      ],
    },
    {
      name: 'a garbled cell makes the failed identity uncertain, never an error',
      model: modelBuilder('2021')
        .setRow('applications/new', { NP: 5, TOT: 5 })
        .setRow('applications/r1', { NP: 5, TOT: 5 })
        .setRow('applications/r7', { NP: 4, TOT: 5 })
        .flag('garbled', 'applications/r7/NP')
        .build(),
      errors: [
        {
          messageId: 'mismatch',
          outcome: 'uncertain',
          severity: 'warning',
          cells: col('NP'),
          zh: '不判为错误',
        },
      ],
    },
    {
      name: 'four unreadable cells in two rows and two columns cannot be inferred',
      model: modelBuilder('2021')
        .setRow('applications/new', { TOT: 5 })
        .setRow('applications/r1', { NP: 3, BIZ: 2, TOT: 5 })
        .setRow('applications/r7', { NP: 3, BIZ: 2, TOT: 5 })
        .missing(
          'applications/new/NP',
          'applications/new/BIZ',
          'applications/carryIn/NP',
          'applications/carryIn/BIZ',
        )
        .build(),
      errors: [
        { messageId: 'unreadable', outcome: 'uncertain', cells: col('NP'), zh: '本年新收·自然人' },
        { messageId: 'unreadable', outcome: 'uncertain', cells: col('BIZ') },
      ],
    },
  ],
});
