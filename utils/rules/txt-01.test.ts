import { ruleTester } from './rule-tester';
import { reportPage, t3Row } from './testing/pages';
import { txt01 } from './txt-01';

const t3 = { ...t3Row('new', [3, 2, 0, 0, 0, 0, 5]), ...t3Row('carryIn', [1, 0, 0, 0, 0, 0, 1]) };

ruleTester(txt01, {
  valid: [
    {
      name: 'seed 001: 共受理政府信息公开申请5件 = new 5',
      html: reportPage({
        format: '2019',
        t3,
        text: { 一: ['2019年,共受理政府信息公开申请5件,已全部办结。'] },
      }),
    },
    {
      name: 'received counts the carried-over ones: 6 = 5 + 1',
      html: reportPage({ t3, text: { 一: ['全年共办理政府信息公开申请6件，其中上年结转1件。'] } }),
    },
    { name: 'no count in the text', html: reportPage({ t3 }) },
  ],
  invalid: [
    {
      name: 'received 7, table 5 new (+1 carried over)',
      html: reportPage({ t3, text: { 一: ['2021年，共收到政府信息公开申请7件。'] } }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: ['applications/new/TOT', 'applications/carryIn/TOT'],
          zh: '正文称收到申请 7件，但表三本年新收总计为 5，新收加上年结转为 6',
        },
      ],
    },
    {
      name: 'literally 本年新收: error',
      html: reportPage({ t3, text: { 一: ['本年新收政府信息公开申请6件。'] } }),
      errors: [{ messageId: 'mismatchNew', severity: 'error', cells: ['applications/new/TOT'] }],
    },
    {
      name: 'stated carried over differs',
      html: reportPage({ t3, text: { 一: ['共收到政府信息公开申请5件，上年结转3件。'] } }),
      errors: [{ messageId: 'carryIn', cells: ['applications/carryIn/TOT'], zh: '上年结转 3件' }],
    },
    {
      name: 'approximate count outside its interval: a warning, never an error',
      html: reportPage({ t3, text: { 一: ['本年新收政府信息公开申请近100件。'] } }),
      errors: [{ messageId: 'mismatchNew', severity: 'warning', cells: ['applications/new/TOT'] }],
    },
  ],
});
