import { ruleTester } from './rule-tester';
import { t309 } from './t3-09';
import { reportPage, t3Row } from './testing/pages';

const unpaid = {
  ...t3Row('new', [2, 0, 0, 0, 0, 0, 2]),
  ...t3Row('r6_2', [2, 0, 0, 0, 0, 0, 2]),
  ...t3Row('r7', [2, 0, 0, 0, 0, 0, 2]),
};

ruleTester(t309, {
  valid: [
    {
      name: 'no application dropped for an unpaid fee',
      html: reportPage({ text: { 六: ['本机关未收取信息处理费。'] } }),
    },
    {
      name: 'fee notices reported in section 六',
      html: reportPage({
        t3: unpaid,
        text: { 六: ['本年度发出收费通知2件，申请人均未按期缴纳信息处理费。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'section 六 says nothing about fees',
      html: reportPage({ t3: unpaid, text: { 六: ['无其他需要报告的事项。'] } }),
      errors: [
        { messageId: 'notMentioned', severity: 'warning', cells: ['applications/r6_2/TOT'], zh: '为 2 件' },
      ],
    },
    {
      name: 'section 六 says no fee notice was issued',
      html: reportPage({ t3: unpaid, text: { 六: ['本年度未发出收费通知，未收取信息处理费。'] } }),
      errors: [
        {
          messageId: 'contradicts',
          cells: ['applications/r6_2/TOT'],
          zh: '“本年度未发出收费通知，未收取信息处理费”',
        },
      ],
    },
  ],
});
