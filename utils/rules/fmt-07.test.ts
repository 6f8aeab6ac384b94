import { fmt07 } from './fmt-07';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

ruleTester(fmt07, {
  valid: [
    {
      name: 'the five sub-heads of the seeds',
      html: reportPage({
        text: {
          一: [
            '（一）主动公开。',
            '（二）依申请公开。',
            '（三）政府信息管理。',
            '（四）政府信息公开平台建设。',
            '（五）监督保障。',
          ],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'only 主动公开 and 依申请公开',
      html: reportPage({ text: { 一: ['（一）主动公开情况。', '（二）依申请公开情况。'] } }),
      errors: [
        { messageId: 'missing', severity: 'warning', cells: [], zh: '政府信息管理' },
        { messageId: 'missing', cells: [], zh: '政府信息公开平台建设' },
        { messageId: 'missing', cells: [], zh: '监督保障' },
      ],
    },
  ],
});
