import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { val05 } from './val-05';

ruleTester(val05, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    {
      name: 'the amount in its own column',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '101', 'art20_9.procurement/amount': '45996.82万元' },
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 45996.82万元 in 采购项目数量, 采购总金额 blank',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '45996.82万元', 'art20_9.procurement/amount': '' },
      }),
      errors: [
        {
          messageId: 'shifted',
          severity: 'warning',
          cells: ['active/art20_9.procurement/projects', 'active/art20_9.procurement/amount'],
          zh: '政府集中采购·采购项目数量是计数栏，却填了金额“45996.82万元”，而后一栏政府集中采购·采购总金额空白',
        },
      ],
    },
    {
      name: 'a decimal in Table 3',
      html: reportPage({ t3: { 'new/RES': '3.5' } }),
      errors: [
        { messageId: 'moneyInCount', cells: ['applications/new/RES'], zh: '本年新收·科研机构是计数栏' },
      ],
    },
  ],
});
