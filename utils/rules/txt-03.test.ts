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
      name: 'all completed and 结转 0 in the text: no contradiction',
      html: reportPage({ t3: five, text: { 一: ['共受理政府信息公开申请5件，均已办结，结转下年度0件。'] } }),
    },
    {
      name: '均在法定期限内予以答复 says when, not whether: no claim of completion',
      html: reportPage({
        t3: { ...five, ...t3Row('carryOut', [1, 0, 0, 0, 0, 0, 1]) },
        text: { 一: ['答复政府信息公开申请5件，均在法定期限内予以答复。'] },
      }),
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
    {
      name: 'issue 8: 所有申请均已按要求办理完成, yet 转下一年度…1件 in the text and in 表三 (总计 blank, columns 1)',
      html: reportPage({
        t3: {
          ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
          ...t3Row('r1', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('r7', [4, 0, 0, 0, 0, 0, 4]),
          ...t3Row('carryOut', [1, 0, 0, 0, 0, 0, '']),
        },
        text: {
          一: ['本年度共收到政府信息公开申请5件，所有申请均已按要求办理完成，转下一年度办理答复的有1件。'],
        },
      }),
      errors: [
        {
          messageId: 'textCarry',
          severity: 'warning',
          cells: [],
          zh: '正文又称结转下年度 1件',
        },
        {
          messageId: 'carryOut',
          severity: 'warning',
          cells: ['NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/carryOut/${c}`),
          zh: '结转下年度继续办理 1 件',
        },
      ],
    },
  ],
});
