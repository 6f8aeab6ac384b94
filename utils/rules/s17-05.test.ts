import { ruleTester } from './rule-tester';
import { s1705 } from './s17-05';
import { legacyPage } from './testing/pages';

ruleTester(s1705, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    { name: 'all answered', html: legacyPage({ values: { '4.1': '3', '4.1.1': '3', '4.1.2': '3' } }) },
  ],
  invalid: [
    {
      name: 'more completed than received',
      html: legacyPage({ values: { '4.1': '1', '4.1.1': '2', '4.1.2': '1' } }),
      errors: [
        {
          messageId: 'exceedsReceived',
          severity: 'warning',
          cells: ['legacy/4.1.1/value', 'legacy/4.1/value'],
          zh: '（除非有上年结转的申请）',
        },
      ],
    },
  ],
});
