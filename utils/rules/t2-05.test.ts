import { ruleTester } from './rule-tester';
import { t205 } from './t2-05';
import { reportPage } from './testing/pages';

const procurement = (projects: string, amount: string) => ({
  'art20_9.procurement/projects': projects,
  'art20_9.procurement/amount': amount,
});
const cells = ['active/art20_9.procurement/projects', 'active/art20_9.procurement/amount'];

ruleTester(t205, {
  valid: [
    { name: 'no procurement', html: reportPage({ format: '2019' }) },
    {
      name: 'Shanghai 2019: 6 projects, 251000元',
      html: reportPage({ format: '2019', t2: procurement('6', '251000元') }),
    },
  ],
  invalid: [
    {
      name: 'an amount without projects',
      html: reportPage({ format: '2019', t2: procurement('0', '120.5万元') }),
      errors: [
        { messageId: 'oneSided', severity: 'warning', cells, zh: '采购项目数量 0，采购总金额 120.5万元' },
      ],
    },
    {
      name: 'seed 001: the amount sits in the projects column',
      html: reportPage({ format: '2019', t2: procurement('45996.82万元', '') }),
      errors: [{ messageId: 'shifted', outcome: 'uncertain', cells, zh: '“45996.82万元”（疑似错栏）' }],
    },
  ],
});
