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
      name: 'a partial list is normal: 30 received, 其中 12 + 3 of them',
      html: page('共收到政府信息公开申请 30 件，其中予以公开 12 件，部分公开 3 件。'),
    },
    {
      name: 'issue 8: the 其中 list ends at its clause (；共办理 is a new predicate)',
      html: page(
        '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。',
      ),
    },
    {
      name: 'the list ends at a new total or predicate even after a comma',
      html: page(
        '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件，共办理718件，结转下一年31件。',
      ),
    },
    {
      name: 'issue 8: a parenthetical (含上年结转189件) is never the total of the list after it',
      html: page(
        '办结1191件（含上年结转189件），其中，予以公开及部分公开208件，不予公开20件，无法提供15件。',
      ),
    },
    {
      name: '涉及 breakdown below the total: a partial list, no finding',
      html: page(
        '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计86件，涉及自然人80件、商业企业1件。',
      ),
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
      name: 'exact parts above the total after 其中: error',
      html: page('共发布信息 100 条，其中网站 60 条，微信 50 条。'),
      errors: [
        { messageId: 'sum', severity: 'error', cells: [], zh: '共 100条，但分项 60条 + 50条 = 110（差 10）' },
      ],
    },
    {
      name: 'parts above the total after 涉及 (may name other things): a warning',
      html: page('共收到政府信息公开申请 86 件，涉及自然人 80 件、商业企业 9 件。'),
      errors: [{ messageId: 'sum', severity: 'warning', cells: [] }],
    },
    {
      name: 'a list ending in 其他 presents itself as complete: a warning with the gap',
      html: page('共发布信息 100 条，其中网站 60 条，微信 30 条，其他渠道 5 条。'),
      errors: [
        {
          messageId: 'incomplete',
          severity: 'warning',
          cells: [],
          zh: '共 100条，分项 60条 + 30条 + 5条 合计 95，少 5',
        },
      ],
    },
    {
      name: 'a closed set (自然人 + 法人或其他组织) that misses: a warning',
      html: page('共受理政府信息公开申请 749 件，其中自然人申请 740 件，法人或其他组织申请 8 件。'),
      errors: [{ messageId: 'incomplete', severity: 'warning', cells: [] }],
    },
  ],
});
