import { fmt15 } from './fmt-15';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

ruleTester(fmt15, {
  valid: [{ name: 'the test page', html: reportPage() }],
  invalid: [
    {
      name: 'seed 002: 四、 twice and 下半年',
      html: reportPage({ text: { 五: ['切实做好下半年政务公开工作，重点抓好以下三项工作：'] } }).replace(
        '<p>五、存在的主要问题及改进情况</p>',
        '<p>四、存在的主要问题</p>',
      ),
      errors: [
        { messageId: 'duplicate', severity: 'info', cells: [], zh: '标题序号“四、”使用了两次' },
        { messageId: 'period', severity: 'info', cells: [], zh: '年度报告中出现“下半年”' },
      ],
    },
    {
      name: 'last year narrated as this year',
      html: reportPage({
        year: 2021,
        text: { 一: ['2020年，本机关认真做好主动公开工作。', '2020年，共发布信息10条。'] },
      }),
      errors: [{ messageId: 'year', cells: [], zh: '正文多处以 2020 年作为本年度叙述，标题年度为 2021 年' }],
    },
  ],
});
