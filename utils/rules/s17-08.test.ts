import type { ReportModel } from '../report/model';
import { modelOf, ruleTester } from './rule-tester';
import { s1708 } from './s17-08';
import { legacyPage } from './testing/pages';

const withText = (values: Record<string, string>, ...ps: string[]) =>
  legacyPage({ values }).replace(
    '<p>园区成立了政务公开工作领导小组。</p>',
    ps.map((p) => `<p>${p}</p>`).join(''),
  );
/**
 * The statistics table with a 复议/诉讼 row as some older tables have (the parser's template stops
 * at 五、机构建设, so the row is added to the parsed model).
 */
function withDisputes(reviews: number, ...ps: string[]): ReportModel {
  const model = modelOf({ html: withText({}, ...ps) });
  model.legacyRows.push({
    key: '5.3',
    label: '因政府信息公开被申请行政复议数量',
    unit: '件',
    parent: null,
    block: '5',
    heading: false,
  });
  model.tables.legacy!['5.3'] = { value: { raw: String(reviews), value: reviews, flags: [] } };
  return model;
}
const NO_DISPUTES = '未接到举报、投诉、行政复议或行政诉讼等事件。';

const SEED002 =
  '通过门户网站等发布通知公告、扶持意见、优惠政策、人才招聘等各类文件 2 份；通过门户网站公布 2017 年度“三公”经费。';

ruleTester(s1708, {
  valid: [
    {
      name: 'two documents on the website, table says 2',
      html: withText({ '1.2': '2', '1.2.1': '2' }, SEED002),
    },
    { name: '政策解读 2 = 2', html: withText({ '2.1': '2', '2.1.1': '2' }, '全年开展政策解读 2 次。') },
    { name: 'seed 002: no reviews or lawsuits, none in the table', model: withDisputes(0, NO_DISPUTES) },
    {
      name: 'a count of another kind of document is not a portal count',
      html: withText({}, '通过门户网站发布政务信息120条。'),
    },
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
    {
      name: '政策解读 in Chinese numerals, 三篇 vs 2',
      html: withText({ '2.1': '3', '2.1.1': '2' }, '对出台的政策文件进行解读三篇。'),
      errors: [
        {
          messageId: 'interpretation',
          cells: ['legacy/2.1.1/value', 'legacy/2.2.1/value'],
          zh: '正文称政策解读 3篇，但统计表进行政策解读的数量合计为 2',
        },
      ],
    },
    {
      name: '"未接到…行政复议或行政诉讼" but the table has a review',
      model: withDisputes(1, NO_DISPUTES),
      errors: [
        {
          messageId: 'disputes',
          severity: 'warning',
          cells: ['legacy/5.3/value'],
          zh: '正文称未发生行政复议、行政诉讼，但统计表因政府信息公开被申请行政复议数量 1',
        },
      ],
    },
  ],
});
