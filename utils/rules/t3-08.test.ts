import { ruleTester } from './rule-tester';
import { t308 } from './t3-08';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';

ruleTester(t308, {
  valid: [
    { name: 'nothing to infer', html: reportPage() },
    {
      name: 'seed 001: four lost cells, each solved by a single-unknown identity',
      model: modelBuilder('2019')
        .setRow('applications/new', { NP: 3, BIZ: 2, TOT: 5 })
        .setRow('applications/r1', { TOT: 4 })
        .setRow('applications/r5_1', { BIZ: 1, TOT: 1 })
        .setRow('applications/r7', { BIZ: 2, TOT: 5 })
        .missing('applications/r1/NP', 'applications/r1/BIZ', 'applications/r5_2/NP', 'applications/r7/NP')
        .build(),
    },
  ],
  invalid: [
    {
      name: 'two unknowns in every identity',
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
        {
          messageId: 'unsolved',
          outcome: 'uncertain',
          severity: 'info',
          cells: ['applications/new/NP'],
          zh: '本年新收·自然人未能读出',
        },
        { messageId: 'unsolved', outcome: 'uncertain', cells: ['applications/new/BIZ'] },
        { messageId: 'unsolved', outcome: 'uncertain', cells: ['applications/carryIn/NP'] },
        { messageId: 'unsolved', outcome: 'uncertain', cells: ['applications/carryIn/BIZ'] },
      ],
    },
    {
      name: 'a negative solution is not used',
      model: modelBuilder('2021')
        .setRow('applications/new', { NP: 2, TOT: 2 })
        .setRow('applications/r2', { NP: 3, TOT: 3 })
        .setRow('applications/r7', { NP: 2, TOT: 2 })
        .missing('applications/r1/NP', 'applications/r1/TOT')
        .build(),
      errors: [
        {
          messageId: 'rejected',
          outcome: 'uncertain',
          cells: ['applications/r1/NP'],
          zh: '由“自然人列：办理结果总计 = 各项办理结果之和”推算得 -1，不是非负整数，未采用',
        },
        { messageId: 'rejected', outcome: 'uncertain', cells: ['applications/r1/TOT'] },
      ],
    },
  ],
});
