import { describe, expect, it } from 'vitest';
import { figures, read } from './testing';

// 表二 figures in the text: item counts (with their change), decisions, documents, procurement, fees.

const ITEMS: [string, [string, string | undefined, Record<string, number>][]][] = [
  [
    '公开行政许可事项201项，比上一年减少45项。',
    [['itemCount', 'art20_5.licensing', { count: 201, delta: -45 }]],
  ],
  [
    '其他对外管理服务事项155项,较上年度增加13项。',
    [['itemCount', 'art20_5.otherServices', { count: 155, delta: 13 }]],
  ],
  ['公开行政事业性收费事项27项。', [['itemCount', 'art20_8.fees', { count: 27 }]]],
  ['行政处罚事项处理决定23302项。', [['decisionCount', 'art20_6.penalty', { count: 23302 }]]],
  ['全年作出行政许可决定1200件。', [['decisionCount', 'art20_5.licensing', { count: 1200 }]]],
  ['制作规范性文件2件，全部公开。', [['documentCount', 'art20_1.normativeDocs', { made: 2 }]]],
  [
    '制发行政规范性文件5件，废止3件，现行有效42件。',
    [['documentCount', 'art20_1.normativeDocs', { made: 5, repealed: 3, valid: 42 }]],
  ],
  ['废止规范性文件2件。', [['documentCount', 'art20_1.normativeDocs', { repealed: 2 }]]],
  ['出台规章1部。', [['documentCount', 'art20_1.regulations', { made: 1 }]]],
  // published this year, with no made count: 表二 2019's 本年新公开数量
  [
    '2019年，通过门户网站、政府公报等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件。',
    [
      ['documentCount', 'art20_1.regulations', { published: 13 }],
      ['documentCount', 'art20_1.normativeDocs', { published: 60 }],
    ],
  ],
  ['全年新公开规范性文件八件。', [['documentCount', 'art20_1.normativeDocs', { published: 8 }]]],
  ['累计公开规范性文件368件。', []],
  ['制作规范性文件2件，公开规范性文件2件。', [['documentCount', 'art20_1.normativeDocs', { made: 2 }]]],
  [
    '政府集中采购事项101项，采购总金额45996.82万元。',
    [['procurement', undefined, { projects: 101, amount: 45996.82 }]],
  ],
  ['行政事业性收费金额为12.5万元。', [['feeAmount', 'art20_8.fees', { amount: 12.5 }]]],
  ['进一步规范行政许可事项办理流程。', []],
  ['规范性文件清理工作有序开展。', []],
];

describe('表二 items', () => {
  it.each(ITEMS)('%s', (text, want) => {
    const kinds = ['itemCount', 'decisionCount', 'documentCount', 'procurement', 'feeAmount'];
    const got = read(text)
      .filter((c) => kinds.includes(c.kind))
      .map((c) => [c.kind, c.subject, figures(c)]);
    expect(got).toEqual(want);
  });
});

describe('信息处理费', () => {
  it.each([
    ['未收取信息处理费。', {}, ['none']],
    ['本年度收取信息处理费120元。', { amount: 120 }, []],
    ['发出收费通知2件，收取信息处理费共计300元。', { amount: 300, notices: 2 }, []],
  ] as const)('%s', (text, nums, q) => {
    const [c] = read(text).filter((x) => x.kind === 'infoFee');
    expect(figures(c)).toEqual(nums);
    expect(c!.qualifiers).toEqual(q);
  });
});
