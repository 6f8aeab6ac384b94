import { ruleTester } from './rule-tester';
import { s1703 } from './s17-03';
import { legacyPage } from './testing/pages';

const bound = ['legacy/1.1.1/value', 'legacy/1.1.3/value'];

ruleTester(s1703, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    {
      name: 'policy and published documents within those marked public',
      html: legacyPage({
        values: { '1.1': '10', '1.1.1': '6', '1.1.3': '1', '1.1.4': '3', '1.2': '7', '2.1': '2' },
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 002: 2 policy documents, none marked public',
      html: legacyPage({ values: { '1.1': '26', '2.1': '2', '2.1.1': '2' } }),
      errors: [
        {
          messageId: 'exceeds',
          severity: 'error',
          cells: ['legacy/2.1/value', ...bound],
          zh: '主动公开的政策性文件数量”为 2，多于标注为主动公开和删减后公开的公文之和 0',
        },
      ],
    },
    {
      name: 'published documents beyond those marked public',
      html: legacyPage({ values: { '1.1': '3', '1.1.1': '3', '1.2': '4' } }),
      errors: [{ messageId: 'exceeds', cells: ['legacy/1.2/value', ...bound], en: 'is 4, more than' }],
    },
  ],
});
