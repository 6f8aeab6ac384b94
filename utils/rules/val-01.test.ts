import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { reportPage } from './testing/pages';
import { val01 } from './val-01';

ruleTester(val01, {
  valid: [
    { name: 'all zero', html: reportPage() },
    {
      name: 'placeholders and thousands separators',
      html: reportPage({ t2: { 'art20_5.licensing/decisions': '1,234' }, t3: { 'new/SOC': '—' } }),
    },
    {
      name: 'an amount in a count column is VAL-05’s',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '45996.82万元', 'art20_9.procurement/amount': '' },
      }),
    },
  ],
  invalid: [
    {
      name: 'text in a count cell',
      html: reportPage({ t2: { 'art20_6.penalty/decisions': '若干' } }),
      errors: [
        {
          messageId: 'notNumber',
          severity: 'error',
          cells: ['active/art20_6.penalty/decisions'],
          zh: '行政处罚·处理决定数量为“若干”，不是数字',
        },
      ],
    },
    {
      name: 'a negative count',
      model: modelBuilder('2021').set('reviews/rev/upheld', -1).build(),
      errors: [
        {
          messageId: 'negative',
          cells: ['reviews/rev/upheld'],
          en: 'administrative review · upheld is negative: -1',
        },
      ],
    },
  ],
});
