import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt13, selfReferences } from './fmt-13';
import { keyedClausesOf } from './lib/text';
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

describe('FMT-13 reads only the paragraphs that can hold what it checks', () => {
  // paragraphs of the words FMT-13 looks for, addresses, e-mails and what stands between them
  const piece = fc.constantFrom(
    '本报告电子版',
    '年报电子版可在',
    '门户网站',
    '网站',
    '网址',
    '网上',
    'www.znzf.gov.cn',
    'http://www.znznf.gov.cn',
    'a.com',
    'x.org.cn',
    '电子邮箱：',
    '邮箱',
    'E-mail:',
    'nxznyqb@163.com',
    'ab@web.de',
    'znxzwgkb0163.com',
    '查阅下载',
    '。',
    '；',
    '\n',
    ' ',
    '电话',
    '全年',
  );
  const paragraphs = fc.array(
    fc.array(piece, { maxLength: 10 }).map((a) => a.join('')),
    { maxLength: 5 },
  );
  it('gives what it gives over every clause, with a host and without', () => {
    let found = 0;
    fc.assert(
      fc.property(paragraphs, fc.constantFrom('www.znzf.gov.cn', null), (texts, host) => {
        let builder = modelBuilder('2021').with({ host });
        for (const t of texts) builder = builder.paragraph('other', t);
        const model = builder.build();
        const everything = selfReferences(model, keyedClausesOf(model));
        found += everything.length;
        expect(selfReferences(model)).toEqual(everything);
      }),
      { seed: 17, numRuns: 1500 },
    );
    expect(found).toBeGreaterThan(1500);
  });
});
