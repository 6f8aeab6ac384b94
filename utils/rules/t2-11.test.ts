import { ruleTester } from './rule-tester';
import { t211 } from './t2-11';
import { reportPage } from './testing/pages';

const docs = (made: string, repealed: string, valid: string) => ({
  'art20_1.normativeDocs/made': made,
  'art20_1.normativeDocs/repealed': repealed,
  'art20_1.normativeDocs/valid': valid,
});

ruleTester(t211, {
  valid: [
    { name: 'all zero', html: reportPage() },
    { name: 'in force covers this year’s net', html: reportPage({ t2: docs('3', '1', '25') }) },
    { name: 'more repealed than issued', html: reportPage({ t2: docs('1', '4', '0') }) },
  ],
  invalid: [
    {
      name: 'fewer in force than issued this year',
      html: reportPage({ t2: docs('5', '0', '2') }),
      errors: [
        {
          messageId: 'belowNet',
          severity: 'error',
          cells: ['made', 'repealed', 'valid'].map((c) => `active/art20_1.normativeDocs/${c}`),
          zh: '规范性文件：现行有效件数 2 小于本年制发件数 5 − 本年废止件数 0 = 5',
        },
      ],
    },
  ],
});
