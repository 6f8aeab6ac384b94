import { describe, expect, it } from 'vitest';
import { scopeCounts } from './scope';
import { ofKind } from './testing';

// Aggregation scope (XDOC-01): the members a compiled report names, by kind, and later counts of
// the same kind of member.

const counts = (text: string, subject: string) =>
  ofKind(text, 'aggregationScope')
    .filter((c) => c.subject === subject)
    .map((c) => Object.fromEntries([...scopeCounts(c)].map(([k, v]) => [k, [v.value, v.labels]])));

const AGGREGATES: [string, Record<string, [number, string[]]>[]][] = [
  [
    '本报告由中宁县人民政府办公室汇总 12 个乡镇、29 个政府组成部门、直属机构政府信息公开情况编制而成,所列数据统计期限为2019年1月1日至2019年12月31日。',
    [{ township: [12, ['乡镇']], department: [29, ['政府组成部门、直属机构']] }],
  ],
  [
    '本报告根据全区11个街道、36个区政府部门的政府信息公开工作年度报告汇总编制。',
    [{ township: [11, ['街道']], department: [36, ['区政府部门']] }],
  ],
  [
    '本年度报告由县政务公开办汇总了全县十四个乡镇和四十二个县直部门的年度报告编制而成。',
    [{ township: [14, ['乡镇']], department: [42, ['县直部门']] }],
  ],
  [
    '市政府办公室汇总25个市政府工作部门、8个直属机构报送的材料形成本报告。',
    [{ department: [33, ['市政府工作部门', '直属机构']] }],
  ],
  // compiled, but no counted members: nothing to compare
  ['本报告由县政府办公室汇总各乡镇、各部门年度报告编制而成。', []],
  // 汇总 of something else
  ['预决算公开共43条(其中:41个行政事业单位预决算公开41条、部门决算汇总公开1条)。', []],
];

describe('aggregation scope: the compiling statement', () => {
  it.each(AGGREGATES)('%s', (text, want) => {
    expect(counts(text, 'aggregate')).toEqual(want);
  });
});

const RESTATED: [string, Record<string, [number, string[]]>[]][] = [
  ['全县28个政府部门(单位)均编制发布了三个领域政务公开目录清单。', [{ department: [28, ['政府部门']] }]],
  ['全市12个县直部门开设了政务公开专栏。', [{ department: [12, ['县直部门']] }]],
  // one 全区 before the first count only: the next member kind is not read as restated
  ['全区36个区政府部门、11个街道全部完成专栏建设。', [{ department: [36, ['区政府部门']] }]],
  ['全县14个乡镇均设立了政务公开栏。', [{ township: [14, ['乡镇']] }]],
  // a bare 部门 count covers party and other bodies too: not the report's scope
  ['全县38个部门1224项事项实现网上办理。', []],
];

describe('aggregation scope: restated counts', () => {
  it.each(RESTATED)('%s', (text, want) => {
    expect(counts(text, 'restated')).toEqual(want);
  });
});

it('reads one claim per statement, tied to its sentence', () => {
  const cs = ofKind(
    '本报告由县政府办公室汇总12个乡镇、29个政府组成部门政府信息公开情况编制而成。全县28个政府部门(单位)均编制发布了目录。',
    'aggregationScope',
  );
  expect(cs.map((c) => [c.subject, c.sentence])).toEqual([
    ['aggregate', '本报告由县政府办公室汇总12个乡镇、29个政府组成部门政府信息公开情况编制而成。'],
    ['restated', '全县28个政府部门(单位)均编制发布了目录。'],
  ]);
});
