import { ruleTester } from './rule-tester';
import { t305 } from './t3-05';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';

ruleTester(t305, {
  valid: [
    { name: 'no organizations subtotal column', html: reportPage() },
    {
      name: 'the subtotal column adds up',
      model: modelBuilder('2021').setRow('applications/new', { BIZ: 2, LEG: 1, ORG: 3, TOT: 3 }).build(),
    },
  ],
  invalid: [
    {
      name: 'the subtotal column is one off',
      model: modelBuilder('2021').setRow('applications/new', { BIZ: 2, ORG: 3, TOT: 2 }).build(),
      errors: [
        {
          messageId: 'mismatch',
          cells: ['ORG', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/new/${c}`),
          zh: '本年新收：法人或其他组织小计为 3，但商业企业 2 = 2（差 1）',
        },
      ],
    },
  ],
});
