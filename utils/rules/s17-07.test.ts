import { ruleTester } from './rule-tester';
import { s1707 } from './s17-07';
import { legacyPage } from './testing/pages';

ruleTester(s1707, {
  valid: [{ name: 'every indicator filled', html: legacyPage() }],
  invalid: [
    {
      name: 'an indicator left blank',
      html: legacyPage({ values: { '3.2': '' } }),
      errors: [
        {
          messageId: 'blank',
          severity: 'warning',
          cells: ['legacy/3.2/value'],
          zh: '“本部门下属单位回应公众关注热点或重大舆情数量”（次）未填写',
        },
      ],
    },
  ],
});
