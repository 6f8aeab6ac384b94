import { ruleTester } from './rule-tester';
import { t401 } from './t4-01';
import { reportPage, t4Block } from './testing/pages';

const block = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `reviews/rev/${c}`);

ruleTester(t401, {
  valid: [
    { name: 'all zero', html: reportPage() },
    { name: 'outcomes add up', html: reportPage({ t4: t4Block('rev', [5, 1, 0, 2, 8]) }) },
    {
      name: 'a wholly blank block counts as zero (VAL-02 says so)',
      html: reportPage({ t4: t4Block('rev', ['', '', '', '', '']) }),
    },
  ],
  invalid: [
    {
      name: 'one pending case missing from the total',
      html: reportPage({ t4: t4Block('rev', [0, 0, 0, 1, 0]) }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          cells: block,
          zh: '行政复议：结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1，但总计为 0（差 1）',
          en: 'upheld 0 + corrected 0 + other 0 + pending 1 = 1, but the total is 0 (off by 1)',
        },
      ],
    },
    {
      name: 'a blank total with non-zero outcomes cannot be judged',
      html: reportPage({ t4: t4Block('rev', [1, 0, 0, 0, '']) }),
      errors: [
        {
          messageId: 'mismatch',
          outcome: 'uncertain',
          severity: 'warning',
          cells: block,
          zh: '总计单元格为空白',
        },
      ],
    },
  ],
});
