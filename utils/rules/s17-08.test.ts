import { ruleTester } from './rule-tester';
import { s1708 } from './s17-08';
import { legacyPage } from './testing/pages';

const withText = (values: Record<string, string>, ...ps: string[]) =>
  legacyPage({ values }).replace(
    '<p>园区成立了政务公开工作领导小组。</p>',
    ps.map((p) => `<p>${p}</p>`).join(''),
  );
const SEED002 =
  '通过门户网站等发布通知公告、扶持意见、优惠政策、人才招聘等各类文件 2 份；通过门户网站公布 2017 年度“三公”经费。';

ruleTester(s1708, {
  valid: [
    {
      name: 'two documents on the website, table says 2',
      html: withText({ '1.2': '2', '1.2.1': '2' }, SEED002),
    },
    { name: '政策解读 2 = 2', html: withText({ '2.1': '2', '2.1.1': '2' }, '全年开展政策解读 2 次。') },
  ],
  invalid: [
    {
      name: 'seed 002: 各类文件 2 份 vs 政府网站公开数量 0',
      html: withText({ '1.1': '26', '2.1': '2', '2.1.1': '2' }, SEED002),
      errors: [
        {
          messageId: 'website',
          severity: 'warning',
          cells: ['legacy/1.2.1/value'],
          zh: '正文称通过门户网站等发布文件 2份，但统计表政府网站公开数量合计为 0',
        },
      ],
    },
    {
      name: '政策解读 3 vs 2',
      html: withText({ '2.1': '3', '2.1.1': '2' }, '全年开展政策解读 3 次。'),
      errors: [{ messageId: 'interpretation', cells: ['legacy/2.1.1/value', 'legacy/2.2.1/value'] }],
    },
  ],
});
