import { ruleTester } from './rule-tester';
import { reportPage, t3Row } from './testing/pages';
import { txt11 } from './txt-11';

const apps = {
  ...t3Row('new', [12, 0, 0, 0, 0, 0, 12]),
  ...t3Row('r1', [11, 0, 0, 0, 0, 0, 11]),
  ...t3Row('r6_2', [1, 0, 0, 0, 0, 0, 1]),
  ...t3Row('r7', [12, 0, 0, 0, 0, 0, 12]),
};

ruleTester(txt11, {
  valid: [
    {
      name: 'seed 003: 未收到申请，未收取信息处理费',
      html: reportPage({ text: { 六: ['本单位 2021 年未收到政府信息公开申请，未收取信息处理费。'] } }),
    },
    {
      name: 'fees with applications',
      html: reportPage({ t3: apps, text: { 六: ['共发出收费通知2件，收取信息处理费300元。'] } }),
    },
  ],
  invalid: [
    {
      name: 'a fee collected without any application: error',
      html: reportPage({ text: { 六: ['本年收取信息处理费200元。'] } }),
      errors: [
        {
          messageId: 'noApplications',
          severity: 'error',
          cells: ['applications/new/TOT', 'applications/carryIn/TOT'],
        },
      ],
    },
    {
      name: '未收取 and an amount collected',
      html: reportPage({ t3: apps, text: { 六: ['本单位未收取信息处理费。', '本年收取信息处理费200元。'] } }),
      errors: [{ messageId: 'contradiction', severity: 'warning', cells: [], zh: '又称收取 200元' }],
    },
    {
      name: '未发出收费通知 while 1 application lapsed after a fee notice',
      html: reportPage({ t3: apps, text: { 六: ['本年未发出收费通知。'] } }),
      errors: [{ messageId: 'notices', cells: ['applications/r6_2/TOT'] }],
    },
  ],
});
