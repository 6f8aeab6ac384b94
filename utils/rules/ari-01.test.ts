import { ari01 } from './ari-01';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

const page = (...p: string[]) => reportPage({ text: { 一: p } });

const S15800 =
  '2019年,全县各乡镇、部门(单位) 共发布各类信息 15800 余条, 其中, 政府网站发布信息 4700 余 条; 各行政机构和承担行政职能的事业单位开设运行的 33 个政 务新媒体平台发布信息 4608 余条;通过广播电视台、宣传栏等形式公开信息 6390 余条。同时,通过政府公报公开 68 条;档案馆新接收进馆 20 个单位的档案 997 卷。';
const S48 =
  '在建设项目审批系统上共公示建设项目 48 个,其中:报告书项目 5 个,报告表项目 43 个,备案表项目 624 个,排污许可证 27 个。';

ruleTester(ari01, {
  valid: [
    {
      name: 'seed 000: 173 = 12 + 158 + 3',
      html: page(
        '全年共发布各类信息 173 条，其中政府网站发布信息 12 条；政府新媒体平台发布信息 158 条；通过政府公开栏、宣传栏等形式公开信息 3 条。',
      ),
    },
    {
      name: 'seed 003: 183 = 14 + 169 and 37 = 14 + 23',
      html: page(
        '共公开发布各类信息 183 条，其中，政府网站发布信息 14 条；微信公众平台发布信息 169 条。其中行政发文 21 个，公开发布 5 个，政策解读 8 件；公开本部门信息 37 条。其中，网站发布 14 条，新媒体发布 23 条。',
      ),
    },
    {
      name: 'seed 004: 100余 ≤ 244',
      html: page('共主动公开各类信息 244 条，公告公示节假日期间值班安排、干部职工考勤等各类信息 100 余条。'),
    },
    {
      name: 'approximate parts within 0.5 %',
      html: page('共发布信息 1000 余条，其中网站 600 余条，微信 398 条。'),
    },
  ],
  invalid: [
    {
      name: 'seed 001: 15800余 vs 15698, with the 政府公报 68 next to it',
      html: page(S15800),
      errors: [
        {
          messageId: 'approx',
          severity: 'warning',
          cells: [],
          zh: '共 15800余条，分项 4700余条 + 4608余条 + 6390余条 合计 15698，差 102（0.65%）。按区间：分项之和在 [15698, 15809)，总数在 [15800, 15900)，仅当“4700余条”实为 4791 以上时二者才可能一致；加上紧随其后的“政府公报公开 68条”为 15766，差 34',
        },
      ],
    },
    {
      name: 'seed 001: 48 个, 其中 624 个: part exceeds total',
      html: page(S48),
      errors: [
        {
          messageId: 'exceeds',
          severity: 'warning',
          cells: [],
          zh: '分项“备案表项目”624个 大于总数（分项合计 699）；前 2 项 5个 + 43个 恰为 48',
        },
      ],
    },
    {
      name: 'exact parts that do not add up: error',
      html: page('共发布信息 100 条，其中网站 60 条，微信 30 条。'),
      errors: [
        { messageId: 'sum', severity: 'error', cells: [], zh: '共 100条，但分项 60条 + 30条 = 90（差 10）' },
      ],
    },
  ],
});
