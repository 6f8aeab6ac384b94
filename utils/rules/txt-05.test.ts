import { ruleTester } from './rule-tester';
import { reportPage, t3Row, t4Block } from './testing/pages';
import { txt05 } from './txt-05';

const five = {
  ...t3Row('new', [5, 0, 0, 0, 0, 0, 5]),
  ...t3Row('r1', [5, 0, 0, 0, 0, 0, 5]),
  ...t3Row('r7', [5, 0, 0, 0, 0, 0, 5]),
};
const LAWSUIT = '其中1件引起行政诉讼,申请人自行撤回申请终止审理。';

ruleTester(txt05, {
  valid: [
    {
      name: 'seed 001 shape: 1 lawsuit withdrawn ↔ litDirect.other 1',
      html: reportPage({
        t3: five,
        t4: t4Block('litDirect', [0, 0, 1, 0, 1]),
        text: { 一: [`共受理政府信息公开申请5件,已全部办结。${LAWSUIT}`] },
      }),
    },
    { name: 'nothing stated, nothing in Table 4', html: reportPage() },
    {
      name: '未发生行政复议、行政诉讼 with Table 4 all zero',
      html: reportPage({ text: { 一: ['本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。'] } }),
    },
    {
      name: 'a review upheld, counted',
      html: reportPage({
        t4: t4Block('rev', [1, 0, 0, 0, 1]),
        text: { 一: ['被申请行政复议1件，复议机关维持原答复。'] },
      }),
    },
  ],
  invalid: [
    {
      // 上海 2020: 一审 cases are counted by instance, so a different total is a question, not an error.
      name: 'a count of first-instance cases that differs from the table is uncertain',
      html: reportPage({
        t4: { ...t4Block('litDirect', [5, 1, 0, 4, 10]), ...t4Block('litAfterRev', [1, 0, 0, 1, 2]) },
        text: { 一: ['一审行政诉讼案件11件，结果纠正1件。'] },
      }),
      errors: [
        {
          messageId: 'countByInstance',
          outcome: 'uncertain',
          cells: ['reviews/litDirect/total', 'reviews/litAfterRev/total'],
          zh: '口径可能不同',
        },
      ],
    },
    {
      name: 'seed 001: Table 4 has a pending review the text never mentions',
      html: reportPage({
        t3: five,
        t4: { ...t4Block('rev', [0, 0, 0, 1, 0]), ...t4Block('litDirect', [0, 0, 1, 0, 1]) },
        text: { 一: [`共受理政府信息公开申请5件,已全部办结。${LAWSUIT}`] },
      }),
      errors: [
        {
          messageId: 'unmentioned',
          severity: 'warning',
          cells: ['reviews/rev/pending'],
          zh: '表四行政复议有数（行政复议·尚未审结 1），但正文未提及行政复议',
        },
      ],
    },
    {
      name: 'the lawsuit was withdrawn, but the table says upheld',
      html: reportPage({ t4: t4Block('litDirect', [1, 0, 0, 0, 1]), text: { 一: [LAWSUIT] } }),
      errors: [
        {
          messageId: 'outcome',
          cells: ['reviews/litDirect/other', 'reviews/litAfterRev/other'],
          zh: '“其他结果”为 0',
        },
      ],
    },
    {
      name: '2 reviews stated, table 1',
      html: reportPage({ t4: t4Block('rev', [1, 0, 0, 0, 1]), text: { 一: ['全年被申请行政复议2件。'] } }),
      errors: [
        { messageId: 'count', cells: ['reviews/rev/total'], zh: '正文称行政复议 2件，但表四相应总计为 1' },
      ],
    },
    {
      name: '未发生行政诉讼, but the table has one',
      html: reportPage({ t4: t4Block('litAfterRev', [0, 0, 0, 1, 1]), text: { 一: ['未发生行政诉讼。'] } }),
      errors: [
        {
          messageId: 'none',
          cells: ['reviews/litAfterRev/pending', 'reviews/litAfterRev/total'],
          zh: '正文称未发生行政诉讼，但表四有数',
        },
      ],
    },
  ],
});
