import { ruleTester } from './rule-tester';
import { s1704 } from './s17-04';
import { legacyPage } from './testing/pages';

ruleTester(s1704, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    { name: 'seed 002: 3 = 0 + 3 + 0', html: legacyPage({ values: { '3.1': '3', '3.1.3': '3' } }) },
  ],
  invalid: [
    {
      name: 'more attendances than conferences',
      html: legacyPage({ values: { '3.1': '1', '3.1.1': '1', '3.1.2': '2' } }),
      errors: [
        {
          messageId: 'attendanceExceeds',
          severity: 'error',
          cells: ['legacy/3.1.2/value', 'legacy/3.1.1/value'],
          zh: '正职或副职出席新闻发布会 2 次，多于举办新闻发布会 1 次',
        },
      ],
    },
    {
      name: 'the forms of response do not add up',
      html: legacyPage({ values: { '3.1': '5', '3.1.3': '3' } }),
      errors: [
        {
          messageId: 'responseSum',
          severity: 'warning',
          cells: ['3.1', '3.1.1', '3.1.3', '3.1.4'].map((k) => `legacy/${k}/value`),
          zh: '为 5，但新闻发布会 0 + 领导信箱 3 + 电视问政/在线访谈 0 = 3',
        },
      ],
    },
  ],
});
