import { fmt03 } from './fmt-03';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { legacyPage, reportPage } from './testing/pages';

ruleTester(fmt03, {
  valid: [
    { name: '2021 format', html: reportPage() },
    { name: '2019 format', html: reportPage({ format: '2019' }) },
    { name: 'pre-2019 statistics table', html: legacyPage() },
  ],
  invalid: [
    {
      name: 'signals of both formats',
      model: modelBuilder('hybrid')
        .with({ formatSignals: { f2019: ['本年新制作数量'], f2021: ['本年处理决定数量'] } })
        .build(),
      errors: [
        {
          messageId: 'hybrid',
          severity: 'info',
          cells: [],
          zh: '2019 版特征（本年新制作数量），2021 版特征（本年处理决定数量）',
        },
      ],
    },
    {
      name: 'no signal at all',
      model: modelBuilder('unknown').build(),
      errors: [{ messageId: 'unknown', cells: [], en: '2019 signals: none; 2021 signals: none' }],
    },
  ],
});
