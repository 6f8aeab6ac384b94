import { ruleTester } from './rule-tester';
import { t304 } from './t3-04';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';

const r3 = (c: string) =>
  ['r3', 'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8'].map((r) => `applications/${r}/${c}`);

ruleTester(t304, {
  valid: [
    { name: 'no subtotal rows (the official layout)', html: reportPage() },
    {
      name: 'a （三） subtotal that adds up',
      model: modelBuilder('2021')
        .setRow('applications/r3', { NP: 2, BIZ: 0, RES: 0, SOC: 0, LEG: 0, OTH: 0, TOT: 2 })
        .setRow('applications/r3_1', { NP: 1, TOT: 1 })
        .setRow('applications/r3_4', { NP: 1, TOT: 1 })
        .build(),
    },
    {
      name: '2019: （六）其他处理 is a leaf, not a subtotal',
      model: modelBuilder('2019').setRow('applications/r6', { NP: 2, TOT: 2 }).build(),
    },
  ],
  invalid: [
    {
      name: 'the （三） subtotal says 2 but its items add up to 1',
      model: modelBuilder('2021')
        .setRow('applications/r3', { NP: 2, BIZ: 0, RES: 0, SOC: 0, LEG: 0, OTH: 0, TOT: 2 })
        .setRow('applications/r3_1', { NP: 1, TOT: 1 })
        .build(),
      errors: [
        { messageId: 'mismatch', cells: r3('NP'), zh: '不予公开·自然人：小计为 2，但该类各小项之和为 1' },
        { messageId: 'mismatch', cells: r3('TOT') },
      ],
    },
  ],
});
