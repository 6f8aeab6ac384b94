import { fmt06 } from './fmt-06';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

ruleTester(fmt06, {
  valid: [
    { name: 'the six headings', html: reportPage() },
    {
      name: '上海 2019 variant of 五 is accepted',
      html: reportPage().replace(
        '五、存在的主要问题及改进情况',
        '五、政府信息公开工作存在的主要问题及改进情况',
      ),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 六、其他需要报告的情况',
      html: reportPage().replace('六、其他需要报告的事项', '六、其他需要报告的情况'),
      errors: [
        {
          messageId: 'variant',
          severity: 'info',
          cells: [],
          zh: '标题“六、其他需要报告的情况”与格式规定的“六、其他需要报告的事项”不同',
        },
      ],
    },
    {
      name: 'no 五',
      html: reportPage().replace('<p>五、存在的主要问题及改进情况</p>', ''),
      errors: [{ messageId: 'missing', severity: 'warning', cells: [] }],
    },
    {
      name: 'no 四 and no Table 4: error',
      html: reportPage({ omit: ['t4'] }).replace('<p>四、政府信息公开行政复议、行政诉讼情况</p>', ''),
      errors: [
        {
          messageId: 'missing',
          severity: 'error',
          cells: [],
          zh: '缺少“四、政府信息公开行政复议、行政诉讼情况”部分',
        },
      ],
    },
  ],
});
