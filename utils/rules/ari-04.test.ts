import { ari04 } from './ari-04';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

ruleTester(ari04, {
  valid: [
    {
      name: 'seed 001: 5579 + 27 = 5606',
      html: reportPage({
        text: { 一: ['今年共受理群众诉求 5606 件,办结 5579 件,正在办理 27 件,办结率达 99.5%。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '5579 + 17 ≠ 5606',
      html: reportPage({ text: { 一: ['今年共受理群众诉求 5606 件,办结 5579 件,正在办理 17 件。'] } }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: [],
          zh: '受理 5606件，但办结 5579件 + 正在办理 17件 = 5596（差 10）',
        },
      ],
    },
  ],
});
