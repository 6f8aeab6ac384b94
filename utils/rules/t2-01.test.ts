import { ruleTester } from './rule-tester';
import { t201 } from './t2-01';
import { reportPage } from './testing/pages';

const docs = (made: string, published: string, total: string) => ({
  'art20_1.normativeDocs/newMade': made,
  'art20_1.normativeDocs/newPublished': published,
  'art20_1.normativeDocs/totalPublic': total,
});

ruleTester(t201, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    { name: 'cumulative above this year', html: reportPage({ format: '2019', t2: docs('2', '2', '15') }) },
    { name: '2021 format: not applicable', html: reportPage({ format: '2021' }) },
  ],
  invalid: [
    {
      name: 'the cumulative total is below this year’s publications',
      html: reportPage({ format: '2019', t2: docs('3', '3', '1') }),
      errors: [
        {
          messageId: 'belowYear',
          severity: 'warning',
          cells: ['active/art20_1.normativeDocs/totalPublic', 'active/art20_1.normativeDocs/newPublished'],
          zh: '规范性文件：对外公开总数量 1 小于本年新公开数量 3',
        },
      ],
    },
  ],
});
