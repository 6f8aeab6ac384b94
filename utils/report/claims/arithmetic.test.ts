import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKER_PATTERNS } from './arithmetic';
import { matchesOf } from './context';
import { claimParts } from './index';
import { ofKind } from './testing';

// Totals with their lists of parts, in the wordings reports use: 共/共计/合计/累计 + 其中/涉及/
// 包括/分别为, items separated by 、，；, Chinese numerals, 余/多/近/约. Each row: the sentence,
// then [total, parts, marker, complete?] of every list read (in order), or [] when none may be.

type Want = [total: number, parts: number[], marker: string, complete: boolean];

const LISTS: [string, Want[]][] = [
  [
    '全年共发布各类信息173条，其中政府网站发布信息12条；政府新媒体平台发布信息158条；通过宣传栏等形式公开信息3条。',
    [[173, [12, 158, 3], '其中', true]],
  ],
  ['共计发布信息183条，其中，政府网站14条，微信公众平台169条。', [[183, [14, 169], '其中', false]]],
  ['合计公开信息50条，其中网站30条、微信20条。', [[50, [30, 20], '其中', false]]],
  ['累计受理群众诉求5606件，其中办结5579件。', []],
  [
    '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。',
    [[749, [741, 8], '其中', true]],
  ],
  [
    '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件，共办理718件。',
    [[749, [741, 8], '其中', true]],
  ],
  [
    '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件，办理718件。',
    [[749, [741, 8], '其中', true]],
  ],
  [
    '办结1191件（含上年结转189件），其中，予以公开及部分公开208件，不予公开20件。',
    [[1191, [208, 20], '其中', false]],
  ],
  ['共接收政府信息公开申请共计86件，涉及自然人80件、商业企业1件。', [[86, [80, 1], '涉及', false]]],
  ['共收到申请30件，包括自然人20件、法人10件。', [[30, [20, 10], '包括', true]]],
  ['共办理申请30件，分别为予以公开20件、不予公开10件。', [[30, [20, 10], '分别为', true]]],
  ['共发布信息一百二十条，其中网站八十条，微信四十条。', [[120, [80, 40], '其中', false]]],
  [
    '共发布信息15800余条，其中政府网站4700余条；政务新媒体4608余条；广播电视台、宣传栏等6390余条。',
    [[15800, [4700, 4608, 6390], '其中', true]],
  ],
  ['共发布信息近100条，其中网站发布60条，微信发布30条。', [[100, [60, 30], '其中', false]]],
  [
    '已受理交办的196个信件中:城建物业类51件,占比26%;教育卫生类32件,占比16%;其他类53件,占比27%。',
    [[196, [51, 32, 53], '中', true]],
  ],
  ['共有规范性文件30件（其中新制发5件，废止2件）。', [[30, [5, 2], '其中', false]]],
  // a list that does not start after a figure, or has no figures
  ['依法办理申请，其中涉及个人隐私的依法不予公开。', []],
  ['本年度涉及行政复议1件。', []],
  ['共收到申请30件，其中已办结28件，正在办理2件。', []],
];

describe('totals with their parts', () => {
  it.each(LISTS)('%s', (text, want) => {
    const got = ofKind(text, 'totalWithParts')
      .filter((c) => !c.qualifiers.includes('subset') || claimParts(c).length > 1)
      .map((c) => [
        c.numbers.total!.value,
        claimParts(c).map((p) => p.n.value),
        c.qualifiers.find((q) => ['其中', '中', '涉及', '包括', '分别为'].includes(q)),
        c.qualifiers.includes('complete'),
      ]);
    expect(got).toEqual(want);
  });

  it('a parenthetical figure (含…) is never the total', () => {
    for (const c of ofKind(
      '办结1191件（含上年结转189件），其中，予以公开208件，不予公开20件。',
      'totalWithParts',
    ))
      expect(c.numbers.total!.value).not.toBe(189);
  });
});

describe('rates and shares', () => {
  it.each([
    ['共收到来信196件,已办结189件,办结率96.4%。', '办结率', 189, 196],
    ['今年共受理群众诉求 5606 件,办结 5579 件,正在办理 27 件,办结率达 99.5%。', '办结率', 5579, 5606],
    ['共收到申请50件，其中予以公开40件，占比80%。', '占比', 40, 50],
    ['共受理申请859件；答复申请805件。不予公开35件，占4.34%；不予处理158件，占19.6%。', '占比', 35, 805],
  ] as const)('%s', (text, subject, a, b) => {
    const [c] = ofKind(text, 'rate');
    expect([c?.subject, c?.numbers.numerator?.value, c?.numbers.denominator?.value]).toEqual([subject, a, b]);
  });
});

const TRIPLES: [string, [number, number, number] | null][] = [
  ['今年共受理群众诉求5606件,办结5579件,正在办理27件。', [5606, 5579, 27]],
  ['本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', [70, 69, 1]],
  ['共收到政府信息公开申请30件，已办结28件，结转下年度2件。', [30, 28, 2]],
  ['受理申请12件，均已办结。', null],
];

describe('process triples', () => {
  it.each(TRIPLES)('%s', (text, want) => {
    const [c] = ofKind(text, 'processTriple');
    if (want === null) expect(c).toBeUndefined();
    else
      expect([c?.numbers.received?.value, c?.numbers.completed?.value, c?.numbers.pending?.value]).toEqual(
        want,
      );
  });
});

describe('the list-marker gate', () => {
  const { LIST_MARKERS, COUNT_THEN_ZHONG, MAY_HAVE_MARKER } = MARKER_PATTERNS;
  const alphabet = [
    '其中',
    '其',
    '中',
    '涉及',
    '具体包括',
    '包括',
    '具体为',
    '分别为',
    '分别是',
    '分别',
    ':',
    '12',
    '3',
    '件',
    '个',
    '条',
    '项',
    '申请',
    ',',
    '。',
    '共',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 2 })), { maxLength: 16 })
    .map((a) => a.join(''));

  it('passes every paragraph in which a marker pattern finds a marker', () => {
    let markers = 0;
    fc.assert(
      fc.property(text, (t) => {
        const found = matchesOf(LIST_MARKERS, t).length + matchesOf(COUNT_THEN_ZHONG, t).length;
        if (found) {
          markers++;
          expect(MAY_HAVE_MARKER.test(t)).toBe(true);
        }
      }),
      { seed: 23, numRuns: 5000 },
    );
    // the generated paragraphs held markers of both patterns' kinds
    expect(markers).toBeGreaterThan(1000);
    expect(matchesOf(COUNT_THEN_ZHONG, '12件申请中:')).toHaveLength(1);
  });
});
