import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { xdoc01 } from './xdoc-01';

// Seed 001's wordings: the compiling statement (the preamble's, here opening 一、), and the county's
// departments named again further on.
const COMPILED =
  '本报告由中宁县人民政府办公室汇总 12 个乡镇、29 个政府组成部门、直属机构政府信息公开情况编制而成,所列政府信息公开数据统计期限为 2019 年 1月 1 日至 2019 年 12 月 31 日。';
const page = (...restated: string[]) => reportPage({ year: 2019, text: { 一: [COMPILED, ...restated] } });

ruleTester(xdoc01, {
  valid: [
    {
      name: 'the same 29 departments named again',
      html: page('全县29个政府部门(单位)均编制发布了三个领域政务公开目录清单。'),
    },
    { name: 'the same 12 townships named again', html: page('全县12个乡镇均设立了政务公开栏。') },
    {
      name: 'a bare 部门 count is another scope (service items), not the report’s',
      html: page('全县38个部门1224项事项,12个乡镇的45项便民服务事项实现了全程在线。'),
    },
    {
      name: 'a report that is not compiled has no scope to compare',
      html: reportPage({ year: 2019, text: { 一: ['全县28个政府部门(单位)均编制发布了目录清单。'] } }),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 29 政府组成部门、直属机构 vs 全县28个政府部门(单位)',
      html: page('全县28个政府部门(单位)均编制发布了三个领域政务公开目录清单。'),
      errors: [
        {
          messageId: 'scope',
          severity: 'info',
          cells: [],
          zh: '报告称汇总29个政府组成部门、直属机构编制而成，此处称28个政府部门',
          en: 'the two may count different sets of departments',
        },
      ],
    },
    {
      name: 'the townships named again with another count',
      html: page('全县十三个乡镇均设立了政务公开栏。'),
      errors: [{ messageId: 'scope', severity: 'info', cells: [], zh: '此处称13个乡镇' }],
    },
  ],
});
