import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt07 } from './txt-07';

ruleTester(txt07, {
  valid: [
    {
      name: 'seed 001: 行政处罚事项处理决定 23302 项',
      html: reportPage({
        format: '2019',
        t2: { 'art20_6.penalty/decisions': '23302' },
        text: { 一: ['行政处罚事项处理决定 23302 项;'] },
      }),
    },
    {
      name: 'F2021 licensing',
      html: reportPage({
        t2: { 'art20_5.licensing/decisions': '33' },
        text: { 一: ['全年作出行政许可决定33件。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'text 1376, table 1367',
      html: reportPage({
        format: '2019',
        t2: { 'art20_6.coercion/decisions': '1367' },
        text: { 一: ['行政强制事项处理决定 1376 项。'] },
      }),
      errors: [
        {
          messageId: 'mismatch',
          cells: ['active/art20_6.coercion/decisions'],
          zh: '正文称行政强制处理决定 1376项，但表二为 1367',
        },
      ],
    },
  ],
});
