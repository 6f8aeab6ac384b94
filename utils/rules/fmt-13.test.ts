import { fmt13 } from './fmt-13';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';

const m = (host: string | null, text: string) =>
  modelBuilder('2021').with({ host }).paragraph('preamble', text).build();
const SEED000 =
  '本年度报告电子版可从中宁县人民政府门户网站(<http://www.znzf.gov.cn>)查阅或下载。如对本年报有任何疑问，请联系（电话：0955-6584876；电子邮箱：nxznyqb@163.com）。';

ruleTester(fmt13, {
  valid: [
    { name: 'seed 000 on its portal', model: m('www.znzf.gov.cn', SEED000) },
    { name: 'a department subdomain of the same portal', model: m('gxj.znzf.gov.cn', SEED000) },
  ],
  invalid: [
    {
      name: 'seed 001: truncated sentence and an e-mail without @',
      model: m(
        null,
        '本报告电子版可在中宁县人民政府政方式。如有疑问,请联系(电话:0955-5619648;电子邮箱:znxzwgkb0163.com)。',
      ),
      errors: [
        { messageId: 'truncated', severity: 'info', cells: [], zh: '本报告电子版可在中宁县人民政府政方式' },
        { messageId: 'email', severity: 'info', cells: [], zh: '电子邮箱“znxzwgkb0163.com”缺少“@”' },
      ],
    },
    {
      name: 'seed 003: www.znznf.gov.cn on www.znzf.gov.cn',
      model: m('www.znzf.gov.cn', SEED000.replace('znzf', 'znznf')),
      errors: [
        {
          messageId: 'domain',
          cells: [],
          zh: '报告所写网址 www.znznf.gov.cn 与本页所在网站 www.znzf.gov.cn 不一致',
        },
      ],
    },
  ],
});
