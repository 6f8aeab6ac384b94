import { ruleTester } from './rule-tester';
import { reportPage, t3Row } from './testing/pages';
import { txt04 } from './txt-04';

const t3 = {
  ...t3Row('new', [10, 0, 0, 0, 0, 0, 10]),
  ...t3Row('r1', [6, 0, 0, 0, 0, 0, 6]),
  ...t3Row('r4_1', [3, 0, 0, 0, 0, 0, 3]),
  ...t3Row('r4_2', [1, 0, 0, 0, 0, 0, 1]),
  ...t3Row('r7', [10, 0, 0, 0, 0, 0, 10]),
};

ruleTester(txt04, {
  valid: [
    {
      name: 'outcomes match; a category is the sum of its items',
      html: reportPage({
        t3,
        text: { 一: ['共收到政府信息公开申请10件，其中予以公开6件，无法提供4件，结转下年度继续办理0件。'] },
      }),
    },
    {
      name: '予以公开及部分公开 is 予以公开 + 部分公开',
      html: reportPage({
        t3: { ...t3, ...t3Row('r2', [1, 0, 0, 0, 0, 0, 1]), ...t3Row('r4_2', [0, 0, 0, 0, 0, 0, 0]) },
        text: { 一: ['共收到政府信息公开申请10件，予以公开及部分公开7件。'] },
      }),
    },
    {
      name: 'the applications answered are 表三’s total of outcomes',
      html: reportPage({ t3, text: { 一: ['本年度答复政府信息公开申请10件，均在法定期限内予以答复。'] } }),
    },
  ],
  invalid: [
    {
      name: '答复申请 12 vs 表三 总计 10',
      html: reportPage({ t3, text: { 一: ['本年度答复政府信息公开申请12件，均在法定期限内予以答复。'] } }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: ['applications/r7/TOT'],
          zh: '正文称答复（办结）申请 12件，但表三相应行总计为 10',
        },
      ],
    },
    {
      name: '予以公开 7 vs 6',
      html: reportPage({ t3, text: { 一: ['共收到政府信息公开申请10件，予以公开7件，无法提供4件。'] } }),
      errors: [
        {
          messageId: 'mismatch',
          cells: ['applications/r1/TOT'],
          zh: '正文称予以公开 7件，但表三相应行总计为 6',
        },
      ],
    },
  ],
});
