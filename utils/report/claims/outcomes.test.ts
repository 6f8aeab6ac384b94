import { describe, expect, it } from 'vitest';
import { figures, ofKind } from './testing';

// How reports state the outcomes of the applications (表三 rows), each read with its 表三 subject.

const LEAD = '共收到政府信息公开申请300件，';

const OUTCOMES: [string, [string, Record<string, number>][]][] = [
  ['予以公开12件。', [['予以公开', { count: 12 }]]],
  ['同意公开12件。', [['予以公开', { count: 12 }]]],
  ['予以公开及部分公开208件。', [['予以公开及部分公开', { count: 208 }]]],
  ['予以公开和部分公开208件。', [['予以公开及部分公开', { count: 208 }]]],
  ['部分公开3件。', [['部分公开', { count: 3 }]]],
  ['不予公开35件，占4.34%。', [['不予公开', { count: 35, percent: 4.34 }]]],
  ['因本机关不掌握等原因无法提供265件。', [['无法提供', { count: 265 }]]],
  [
    '不予处理158件；其他处理0件。',
    [
      ['不予处理', { count: 158 }],
      ['其他处理', { count: 0 }],
    ],
  ],
  ['结转下年度继续办理2件。', [['结转', { count: 2 }]]],
  ['共办理718件，结转下一年31件。', [['结转', { count: 31 }]]],
  ['转下一年度办理答复的有1件。', [['结转', { count: 1 }]]],
  ['结转至下一年度办理的为2件。', [['结转', { count: 2 }]]],
  [
    '予以公开十二件，不予公开三件。',
    [
      ['予以公开', { count: 12 }],
      ['不予公开', { count: 3 }],
    ],
  ],
  [
    '其中，予以公开120件，部分公开30件，不予公开10件，无法提供100件，不予处理20件，其他处理15件，结转下年度5件。',
    [
      ['予以公开', { count: 120 }],
      ['部分公开', { count: 30 }],
      ['不予公开', { count: 10 }],
      ['无法提供', { count: 100 }],
      ['不予处理', { count: 20 }],
      ['其他处理', { count: 15 }],
      ['结转', { count: 5 }],
    ],
  ],
  // the count first
  [
    '及时依法依规办结69件，1件结转下年度继续办理。',
    [
      ['结转', { count: 1 }],
      ['总计', { count: 69 }],
    ],
  ],
  [
    '答复申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。',
    [['结转', { count: 72 }]],
  ],
  [
    '其中12件予以公开，3件不予公开。',
    [
      ['予以公开', { count: 12 }],
      ['不予公开', { count: 3 }],
    ],
  ],
  ['2件转入下一年度办理。', [['结转', { count: 2 }]]],
  ['3件申请未结转下年度。', []],
  // a figure read after its word is not the next word's
  [
    '无法提供0件、不予处理1件。',
    [
      ['无法提供', { count: 0 }],
      ['不予处理', { count: 1 }],
    ],
  ],
  [
    '不予公开2件不予处理1件。',
    [
      ['不予公开', { count: 2 }],
      ['不予处理', { count: 1 }],
    ],
  ],
  // the applications answered: 表三's total of outcomes
  [
    '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。',
    [
      ['结转', { count: 72 }],
      ['总计', { count: 805 }],
    ],
  ],
  ['全年办结政府信息公开申请共计718件。', [['总计', { count: 718 }]]],
  ['已答复依申请公开申请12件。', [['总计', { count: 12 }]]],
  ['共办理政府信息公开申请6件。', []],
  // a bare 办结N件 right after the applications received
  [
    '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。',
    [
      ['结转', { count: 1 }],
      ['总计', { count: 69 }],
    ],
  ],
  ['其中已办结28件，正在办理2件。', [['总计', { count: 28 }]]],
  ['全年共收到来信86件，已办结80件。', []],
  ['未答复政府信息公开申请3件的原因已说明。', []],
  ['办结1191件（含上年结转189件）。', [['总计', { count: 1191 }]]],
  ['上年结转3件，本年新收297件。', []],
  ['上一年度结转的申请2件已全部办结。', []],
];

describe('a bare 办结N件 is the total of outcomes only right after the applications received', () => {
  it.each([
    ['本年度全区共收到70件申请，及时依法依规办结69件。', [69]],
    ['共受理政府信息公开申请30件，其中已办结28件，正在办理2件。', [28]],
    ['全年共收到来信86件，已办结80件。', []],
    ['共收到政府信息公开申请30件，共收到群众诉求12件，办结12件。', []],
    ['办结30件。', []],
    ['共收到政府信息公开申请30件，办结率100%。', []],
  ] as const)('%s', (text, want) => {
    const got = ofKind(text, 'outcomeCount')
      .filter((c) => c.subject === '总计')
      .map((c) => figures(c)!.count);
    expect(got).toEqual(want);
  });
});

describe('outcomes', () => {
  it.each(OUTCOMES)('%s', (text, want) => {
    const got = ofKind(LEAD + text, 'outcomeCount').map((c) => [c.subject, figures(c)]);
    expect(got).toEqual(want);
  });

  it('reads no outcome in a paragraph that is not about applications', () => {
    expect(ofKind('予以公开12件。', 'outcomeCount')).toEqual([]);
  });
});
