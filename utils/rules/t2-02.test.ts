import { ruleTester } from './rule-tester';
import { t202 } from './t2-02';
import { reportPage } from './testing/pages';

const docs = (made: string, published: string, total: string) => ({
  'art20_1.normativeDocs/newMade': made,
  'art20_1.normativeDocs/newPublished': published,
  'art20_1.normativeDocs/totalPublic': total,
});

ruleTester(t202, {
  valid: [
    { name: 'all zero', html: reportPage({ format: '2019' }) },
    {
      name: 'published within made, cumulative above',
      html: reportPage({ format: '2019', t2: docs('3', '2', '40') }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: the cumulative total equals this year’s',
      html: reportPage({ format: '2019', t2: docs('2', '2', '2') }),
      errors: [
        {
          messageId: 'cumulativeEqualsYear',
          severity: 'info',
          cells: ['active/art20_1.normativeDocs/totalPublic', 'active/art20_1.normativeDocs/newPublished'],
          zh: '规范性文件：对外公开总数量 2 等于本年新公开数量 2',
        },
      ],
    },
    {
      name: 'more published than made',
      html: reportPage({ format: '2019', t2: docs('1', '3', '9') }),
      errors: [
        {
          messageId: 'publishedExceedsMade',
          cells: ['active/art20_1.normativeDocs/newPublished', 'active/art20_1.normativeDocs/newMade'],
          en: 'normative documents: published this year 3 exceeds made this year 1',
        },
      ],
    },
  ],
});
