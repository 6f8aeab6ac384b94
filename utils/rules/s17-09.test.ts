import { ruleTester } from './rule-tester';
import { s1709 } from './s17-09';
import { legacyPage } from './testing/pages';

ruleTester(s1709, {
  valid: [{ name: 'the same unit for the same measure', html: legacyPage() }],
  invalid: [
    {
      name: 'seed 002: 次 for the body, 件 for its units',
      html: legacyPage({ units: { '3.2': '件' } }),
      errors: [
        {
          messageId: 'unitMismatch',
          severity: 'info',
          cells: ['legacy/3.1/value', 'legacy/3.2/value'],
          zh: '用“次”，“本部门下属单位回应公众关注热点或重大舆情数量”用“件”',
        },
      ],
    },
  ],
});
