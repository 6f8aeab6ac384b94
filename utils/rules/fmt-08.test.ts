import { fmt08 } from './fmt-08';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

const ALL = '将政务公开纳入效能考核体系；开展社会评议；对履职不力的实行责任追究，本年未发生责任追究情况。';
const SEED001 = '将信息公开、政策解读等作为政务公开重要内容纳入效能考核体系,分值权重不低于4%。';

ruleTester(fmt08, {
  valid: [
    {
      name: 'a county government reports all three',
      html: reportPage({ agency: '中宁县人民政府', text: { 一: [ALL] } }),
    },
    {
      name: 'a 管委会 is not held to it',
      html: reportPage({ agency: '宁夏中宁工业园区管理委员会', text: { 一: [SEED001] } }),
    },
    {
      // The 办公厅's own report is a department's (the city's report is separate), even
      // though the 办公厅 may report the government's 规章 (T2-12).
      name: 'a government general office is not held to it',
      html: reportPage({ agency: '上海市人民政府办公厅', text: { 一: [SEED001] } }),
    },
    {
      name: 'a department is not held to it',
      html: reportPage({ agency: '中宁县工业和信息化局', text: { 一: [SEED001] } }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 考核 only',
      html: reportPage({ agency: '中宁县人民政府', text: { 一: [SEED001] } }),
      errors: [
        { messageId: 'missing', severity: 'warning', cells: [], zh: '未写明社会评议情况' },
        { messageId: 'missing', severity: 'warning', cells: [], zh: '未写明责任追究结果情况' },
      ],
    },
  ],
});
