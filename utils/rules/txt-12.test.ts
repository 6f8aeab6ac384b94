import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt12 } from './txt-12';

const SEED004 =
  '同时，进一步完善“规范性文件”目录，梳理 2023 年以来的规范性文件，定期梳理公开规范性文件清理结果及规范性文件备案信息，并按要求进行集中公开。';
const SEED000 = '为北星精工陶瓷技术有限公司 3 万吨高温结构陶瓷基复合材料技改项目建筑工程办理了施工许可证。';

ruleTester(txt12, {
  valid: [
    {
      name: '规范性文件 work with documents in Table 2',
      html: reportPage({
        t2: { 'art20_1.normativeDocs/made': '1', 'art20_1.normativeDocs/valid': '5' },
        text: { 一: [SEED004] },
      }),
    },
    {
      name: 'licences issued with licensing decisions',
      html: reportPage({ t2: { 'art20_5.licensing/decisions': '3' }, text: { 一: [SEED000] } }),
    },
    { name: 'nothing described', html: reportPage() },
  ],
  invalid: [
    {
      name: 'seed 004: 规范性文件 目录、清理、备案 while 0/0/0',
      html: reportPage({ text: { 一: [SEED004] } }),
      errors: [
        {
          messageId: 'normativeDocs',
          severity: 'info',
          cells: [
            'active/art20_1.normativeDocs/made',
            'active/art20_1.normativeDocs/repealed',
            'active/art20_1.normativeDocs/valid',
          ],
        },
      ],
    },
    {
      name: 'seed 000: 办理了施工许可证 while licensing decisions 0',
      html: reportPage({ format: '2019', text: { 一: [SEED000] } }),
      errors: [
        {
          messageId: 'licensing',
          severity: 'info',
          cells: ['active/art20_5.licensing/decisions'],
          zh: '代办',
        },
      ],
    },
  ],
});
