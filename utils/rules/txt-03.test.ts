import { ruleTester } from './rule-tester';
import { reportPage, t3Row } from './testing/pages';
import { txt03 } from './txt-03';

const five = {
  ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
  ...t3Row('r1', [5, 0, 0, 0, 0, 0, 5]),
  ...t3Row('r7', [5, 0, 0, 0, 0, 0, 5]),
};

ruleTester(txt03, {
  valid: [
    {
      name: 'seed 001: 已全部办结, carryOut 0',
      html: reportPage({ t3: five, text: { 一: ['2019年,共受理政府信息公开申请5件,已全部办结。'] } }),
    },
    {
      name: '全部办结 about letters, not applications',
      html: reportPage({ t3: five, text: { 一: ['收到来信10件，已全部办结。'] } }),
    },
  ],
  invalid: [
    {
      name: 'all completed, 1 carried forward',
      html: reportPage({
        t3: {
          ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('r7', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('carryOut', [1, 0, 0, 0, 0, 0, 1]),
        },
        text: { 一: ['共受理政府信息公开申请5件，已全部办结。'] },
      }),
      errors: [
        { messageId: 'carryOut', cells: ['applications/carryOut/TOT'], zh: '结转下年度继续办理 1 件' },
      ],
    },
  ],
});
