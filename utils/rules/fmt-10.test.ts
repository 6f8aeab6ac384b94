import { fmt10 } from './fmt-10';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';

ruleTester(fmt10, {
  valid: [
    { name: 'the official layout', html: reportPage() },
    {
      name: 'odd labels in a garbled table are VAL-06’s',
      model: modelBuilder('2019')
        .info('applications', { garbledRows: ['r1'], labelVariants: { new: '女政府信息公开申请数量' } })
        .build(),
    },
  ],
  invalid: [
    {
      name: 'a 2021 Table 3 without the （六） sub-rows',
      model: modelBuilder('2021')
        .info('applications', { complete: false, missingRows: ['r6_1', 'r6_2', 'r6_3'] })
        .build(),
      errors: [
        {
          messageId: 'missingRows',
          severity: 'warning',
          cells: [],
          zh: '表三缺少规定的行：其他处理·逾期不补正、其他处理·逾期未缴纳信息处理费、其他处理·其他',
        },
      ],
    },
    {
      name: 'a subtotal column and a shortened label',
      model: modelBuilder('2021')
        .info('applications', {
          extra: ['法人或其他组织小计'],
          labelVariants: { r6: '(六)其他', OTH: '其他组织' },
        })
        .build(),
      errors: [
        { messageId: 'extra', severity: 'info', cells: [], zh: '表三有格式之外的行或列：法人或其他组织小计' },
        {
          messageId: 'labelVariants',
          severity: 'info',
          cells: [],
          zh: '“(六)其他” → 其他处理、“其他组织” → 其他',
        },
      ],
    },
  ],
});
