import { ruleTester } from './rule-tester';
import { reportPage, t3Row } from './testing/pages';
import { txt02 } from './txt-02';

ruleTester(txt02, {
  valid: [
    {
      name: 'seed 000: 未收到政府信息公开申请, new 0',
      html: reportPage({ text: { 一: ['截止 2020 年底，未收到政府信息公开申请。'] } }),
    },
    {
      name: 'carried-over applications may still be handled',
      html: reportPage({
        t3: {
          ...t3Row('carryIn', [1, 0, 0, 0, 0, 0, 1]),
          ...t3Row('r1', [1, 0, 0, 0, 0, 0, 1]),
          ...t3Row('r7', [1, 0, 0, 0, 0, 0, 1]),
        },
        text: { 一: ['2021 年，未收到政府信息公开申请。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'no applications, table 2 new',
      html: reportPage({
        t3: {
          ...t3Row('new', [2, 0, 0, 0, 0, 0, 2]),
          ...t3Row('r1', [2, 0, 0, 0, 0, 0, 2]),
          ...t3Row('r7', [2, 0, 0, 0, 0, 0, 2]),
        },
        text: { 一: ['2021 年，未收到政府信息公开申请。'] },
      }),
      errors: [
        {
          messageId: 'contradiction',
          severity: 'error',
          cells: ['applications/new/TOT'],
          zh: '本年新收总计为 2',
        },
      ],
    },
  ],
});
