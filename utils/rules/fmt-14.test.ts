import { fmt14 } from './fmt-14';
import { ruleTester } from './rule-tester';
import { legacyPage } from './testing/pages';

const withText = (...ps: string[]) =>
  legacyPage().replace('<p>园区成立了政务公开工作领导小组。</p>', ps.map((p) => `<p>${p}</p>`).join(''));

const COMPLETE = [
  '主动公开各类信息 142 条。',
  '全年未收到政府信息公开申请，无不予公开情况。',
  '依申请提供信息不收取任何费用。',
  '未发生行政复议、行政诉讼。',
  '存在的主要问题是时效性不强，下一步将改进。',
];

ruleTester(fmt14, {
  valid: [{ name: 'all five contents', html: withText(...COMPLETE) }],
  invalid: [
    {
      name: 'seed 002: no fees; applications only in the table',
      html: withText(COMPLETE[0]!, '园区未接到举报、投诉、行政复议或行政诉讼等事件。', COMPLETE[4]!),
      errors: [
        { messageId: 'tableOnly', severity: 'info', cells: [], zh: '依申请公开和不予公开情况只见于统计表' },
        { messageId: 'missing', severity: 'warning', cells: [], zh: '报告未涉及收费及减免情况' },
      ],
    },
  ],
});
