import { ruleTester } from './rule-tester';
import { s1702 } from './s17-02';
import { legacyPage } from './testing/pages';

ruleTester(s1702, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    {
      name: 'interpretations within policy documents',
      html: legacyPage({ values: { '2.1': '2', '2.1.1': '2' } }),
    },
    {
      name: 'applications completed beyond received are S17-05’s',
      html: legacyPage({ values: { '4.1.1': '2' } }),
    },
  ],
  invalid: [
    {
      name: 'more documents on the website than published',
      html: legacyPage({ values: { '1.2': '3', '1.2.1': '5' } }),
      errors: [
        {
          messageId: 'childExceeds',
          severity: 'error',
          cells: ['legacy/1.2.1/value', 'legacy/1.2/value'],
          zh: '其中“政府网站公开数量”为 5，大于',
        },
      ],
    },
  ],
});
