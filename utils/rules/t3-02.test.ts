import { ruleTester } from './rule-tester';
import { t302 } from './t3-02';
import { reportPage, t3Row } from './testing/pages';

const row = (r: string) =>
  ['TOT', 'NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/${r}/${c}`);

ruleTester(t302, {
  valid: [
    { name: 'all zero', html: reportPage() },
    {
      name: 'every row adds up',
      html: reportPage({
        t3: {
          ...t3Row('new', [821, 35, 0, 0, 2, 1, 859]),
          ...t3Row('r1', [821, 35, 0, 0, 2, 1, 859]),
          ...t3Row('r7', [821, 35, 0, 0, 2, 1, 859]),
        },
      }),
    },
    {
      name: 'Shanghai style: 总计 filled only on 一、二、（七）、四, blank on the result rows',
      html: reportPage({
        t3: {
          ...t3Row('new', [3, 2, '', '', '', '', 5]),
          ...t3Row('r1', [3, 1, '', '', '', '', '']),
          ...t3Row('r5_1', ['', 1, '', '', '', '', '']),
          ...t3Row('r7', [3, 2, '', '', '', '', 5]),
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'the new row is one off',
      html: reportPage({
        t3: { ...t3Row('new', [3, 2, 0, 0, 0, 0, 6]), ...t3Row('r7', [3, 2, 0, 0, 0, 0, 6]) },
      }),
      errors: [
        {
          messageId: 'mismatch',
          cells: row('new'),
          zh: '本年新收：自然人 3 + 商业企业 2 = 5，但总计为 6（差 1）',
          en: 'new this year: natural persons 3 + businesses 2 = 5, but the total is 6 (off by 1)',
        },
        { messageId: 'mismatch', cells: row('r7') },
      ],
    },
    {
      name: 'a blank total with non-zero parts cannot be judged',
      html: reportPage({
        t3: {
          ...t3Row('new', [3, 0, 0, 0, 0, 0, '']),
          ...t3Row('r1', [3, 0, 0, 0, 0, 0, 3]),
          ...t3Row('r7', [3, 0, 0, 0, 0, 0, 3]),
        },
      }),
      errors: [
        {
          messageId: 'mismatch',
          outcome: 'uncertain',
          severity: 'warning',
          cells: row('new'),
          zh: '总计单元格为空白',
        },
      ],
    },
  ],
});
