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
    {
      name: 'the applicant breakdown after the count matches 表三 column by column',
      html: reportPage({
        t3,
        text: { 一: ['共受理政府信息公开申请5件，其中自然人申请3件，法人或其他组织申请2件；共办理5件。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'issue 8: 接收…各类政府信息公开申请共计86件 is read; its 涉及 breakdown is checked',
      html: reportPage({
        t3: { ...t3Row('new', [80, 1, 0, 0, 0, 0, 81]), ...t3Row('carryIn', [0, 0, 0, 0, 0, 0, 0]) },
        text: {
          一: [
            '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计86件，涉及自然人80件、商业企业2件。',
          ],
        },
      }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: ['applications/new/TOT', 'applications/carryIn/TOT'],
          zh: '正文称收到申请 86件，但表三本年新收总计为 81，新收加上年结转为 81',
        },
        {
          messageId: 'applicant',
          severity: 'warning',
          cells: ['applications/new/BIZ'],
          zh: '正文称商业企业申请 2件，但表三本年新收商业企业为 1',
        },
      ],
    },
    {
      name: '法人或其他组织 is the sum of the five columns',
      html: reportPage({
        t3,
        text: { 一: ['共受理政府信息公开申请5件，其中自然人申请3件，法人或其他组织申请3件。'] },
      }),
      errors: [
        {
          messageId: 'applicant',
          severity: 'warning',
          cells: ['BIZ', 'RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/new/${c}`),
          zh: '正文称法人或其他组织申请 3件，但表三本年新收法人或其他组织为 2',
        },
      ],
    },
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
