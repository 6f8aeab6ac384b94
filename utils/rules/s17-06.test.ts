import { ruleTester } from './rule-tester';
import { s1706 } from './s17-06';
import { legacyPage } from './testing/pages';

ruleTester(s1706, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    {
      name: 'channels overlap above the total',
      html: legacyPage({ values: { '1.2': '4', '1.2.1': '4', '1.2.3': '2' } }),
    },
  ],
  invalid: [
    {
      name: 'channels below the published count',
      html: legacyPage({ values: { '1.2': '4', '1.2.1': '1', '1.2.3': '1' } }),
      errors: [
        {
          messageId: 'channelsBelow',
          severity: 'info',
          cells: ['1.2', '1.2.1', '1.2.2', '1.2.3', '1.2.4'].map((k) => `legacy/${k}/value`),
          zh: '为 4，但各公开渠道之和只有 2',
        },
      ],
    },
  ],
});
