import { fmt01 } from './fmt-01';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { legacyPage, reportPage } from './testing/pages';

ruleTester(fmt01, {
  valid: [
    { name: 'title and tables', html: reportPage() },
    { name: 'pre-2019 statistics table', html: legacyPage() },
  ],
  invalid: [
    {
      name: 'taken for a report on no visible ground',
      model: modelBuilder('unknown').with({ title: '关于印发工作要点的通知' }).build(),
      errors: [{ messageId: 'weak', outcome: 'uncertain', severity: 'info', cells: [] }],
    },
  ],
});
