import { ruleTester } from './rule-tester';
import { s1701 } from './s17-01';
import { modelBuilder } from './testing/model-builder';
import { legacyPage } from './testing/pages';

const docs = ['1.1', '1.1.1', '1.1.2', '1.1.3', '1.1.4'].map((k) => `legacy/${k}/value`);

ruleTester(s1701, {
  valid: [
    { name: 'all zero', html: legacyPage() },
    {
      name: 'documents by attribute and staff add up',
      html: legacyPage({
        values: {
          '1.1': '26',
          '1.1.1': '20',
          '1.1.3': '4',
          '1.1.4': '2',
          '5.1': '3',
          '5.1.1': '2',
          '5.1.2': '1',
        },
      }),
    },
    {
      name: 'older tables: replies by outcome add up',
      model: modelBuilder('pre2019')
        .legacy([
          { key: '3', label: '对申请的答复总数', value: 5 },
          { key: '3.1', label: '1.同意公开答复数', parent: '3', value: 3 },
          { key: '3.2', label: '2.同意部分公开答复数', parent: '3', value: 1 },
          { key: '3.3', label: '3.否决公开答复总数', parent: '3', value: 1 },
        ])
        .build(),
    },
  ],
  invalid: [
    {
      name: 'seed 002: 26 documents, none with a disclosure attribute',
      html: legacyPage({ values: { '1.1': '26' } }),
      errors: [
        {
          messageId: 'partition',
          severity: 'error',
          cells: docs,
          zh: '“本部门及机关各业务处室制发的公文总数”为 26，但其中各项之和为 0（标注为“主动公开”的数量 0 + ',
        },
      ],
    },
    {
      name: 'staff do not add up',
      html: legacyPage({ values: { '5.1': '3', '5.1.1': '1', '5.1.2': '1' } }),
      errors: [
        {
          messageId: 'partition',
          cells: ['5.1', '5.1.1', '5.1.2'].map((k) => `legacy/${k}/value`),
          en: 'is 3, but its breakdown adds up to 2',
        },
      ],
    },
  ],
});
