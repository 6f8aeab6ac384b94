import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt10 } from './txt-10';

ruleTester(txt10, {
  valid: [
    {
      name: '2.5 万元 = 2.5',
      html: reportPage({
        t2: { 'art20_8.fees/amountWan': '2.5' },
        text: { 一: ['本年行政事业性收费金额2.5万元。'] },
      }),
    },
    {
      name: '25000 元 = 2.5 万元',
      html: reportPage({ t2: { 'art20_8.fees/amountWan': '2.5' }, text: { 一: ['本年收费金额25000元。'] } }),
    },
    {
      name: 'F2019: item counts are TXT-06’s',
      html: reportPage({
        format: '2019',
        text: { 一: ['公开行政事业性收费事项 27 项,比上一年减少 2 项。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '3 万元 vs 2.5',
      html: reportPage({
        t2: { 'art20_8.fees/amountWan': '2.5' },
        text: { 一: ['本年行政事业性收费金额3万元。'] },
      }),
      errors: [
        {
          messageId: 'mismatch',
          cells: ['active/art20_8.fees/amountWan'],
          zh: '但表二本年收费金额为 2.5 万元',
        },
      ],
    },
  ],
});
