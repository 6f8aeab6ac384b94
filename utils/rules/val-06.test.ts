import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';
import { val06 } from './val-06';

ruleTester(val06, {
  valid: [{ name: 'every value read', html: reportPage() }],
  invalid: [
    {
      name: 'seed 001: short rows, the lost cells inferred',
      model: modelBuilder('2019')
        .setRow('applications/new', { NP: 3, BIZ: 2, TOT: 5 })
        .setRow('applications/r1', { TOT: 4 })
        .setRow('applications/r5_1', { BIZ: 1, TOT: 1 })
        .setRow('applications/r7', { BIZ: 2, TOT: 5 })
        .missing('applications/r1/NP', 'applications/r1/BIZ', 'applications/r5_2/NP', 'applications/r7/NP')
        .info('applications', {
          garbledRows: ['r1', 'r5_2', 'r7'],
          labelVariants: { new: '女政府信息公开申请数量' },
        })
        .build(),
      errors: [
        {
          messageId: 'partial',
          severity: 'info',
          cells: ['applications/r1/NP', 'applications/r1/BIZ', 'applications/r5_2/NP', 'applications/r7/NP'],
          zh: '表三未能完整读出：读取不全的行：予以公开、不予处理·重复申请、办理结果总计；4 个数值缺失；其中 4 个已由勾稽关系推算（',
          en: 'labels hard to read: new this year',
        },
      ],
    },
    {
      name: 'a cell that cannot be inferred',
      model: modelBuilder('2021').missing('reviews/rev/upheld').build(),
      errors: [
        {
          messageId: 'partial',
          cells: ['reviews/rev/upheld'],
          zh: '表四未能完整读出：1 个数值缺失；1 个无法推算',
        },
      ],
    },
  ],
});
