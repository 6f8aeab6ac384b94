import { describe, expect, it } from 'vitest';
import { figures, ofKind } from './testing';

// How real reports say how many applications they received, with their applicant breakdown;
// "none", and "all completed". Each row: a sentence and what must be read from it (null: nothing).

const RECEIVED: [string, Record<string, number | [number, number]> | null][] = [
  ['2023年共收到政府信息公开申请86件。', { count: 86 }],
  ['本年度新收政府信息公开申请86件。', { count: 86 }],
  ['全年共受理政府信息公开申请十二件。', { count: 12 }],
  ['2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计86件。', { count: 86 }],
  ['本机关共接到公民、法人或其他组织提出的政府信息公开申请86件。', { count: 86 }],
  ['全年累计受理依申请公开申请86件。', { count: 86 }],
  ['收到政府信息公开申请共86件，均已答复。', { count: 86 }],
  ['本机关政府信息公开申请共计86件。', { count: 86 }],
  ['收到政府信息公开申请100余件。', { count: [100, 200] }],
  ['收到政府信息公开申请120多件。', { count: [120, 130] }],
  ['全年受理信息公开申请近100件。', { count: [91, 101] }],
  ['全年共收到政府信息公开申请1,234件。', { count: 1234 }],
  ['全年共收到政府信息公开申请８６件。', { count: 86 }],
  ['全年共办理政府信息公开申请6件，其中上年结转1件。', { count: 6, carryIn: 1 }],
  ['共受理政府信息公开申请30件（含上年度结转的申请2件）。', { count: 30, carryIn: 2 }],
  // the count before the applications
  ['本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', { count: 70 }],
  ['全年共受理了12件政府信息公开申请。', { count: 12 }],
  [
    '本机关收到8件依申请公开申请，其中自然人6件、法人或其他组织2件。',
    { count: 8, 'by:NP': 6, 'by:LEGAL': 2 },
  ],
  ['全年新收30余件各类信息公开申请。', { count: [30, 40] }],
  // negatives: not a received count
  ['共收到3件申请，正在审核。', null],
  ['全年受理3件行政复议申请，均已办结。', null],
  ['未收到1件政府信息公开申请。', null],
  ['2021年，未收到政府信息公开申请。', null],
  ['答复政府信息公开申请805件，均在法定期限内予以答复。', null],
  ['办结政府信息公开申请共计805件。', null],
  ['全年共收到来信86件，已全部办结。', null],
  ['共收到人大代表建议86件、政协提案12件。', null],
  ['依申请公开工作进一步规范。', null],
];

const BREAKDOWN: [string, Record<string, number> | null][] = [
  [
    '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计86件，涉及自然人80件、商业企业1件。',
    { count: 86, 'by:NP': 80, 'by:BIZ': 1 },
  ],
  [
    '共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。',
    { count: 749, 'by:NP': 741, 'by:LEGAL': 8 },
  ],
  [
    '共收到政府信息公开申请30件，其中公民个人申请25件、商业企业3件、科研机构1件、社会公益组织1件。',
    { count: 30, 'by:NP': 25, 'by:BIZ': 3, 'by:RES': 1, 'by:SOC': 1 },
  ],
  [
    '共收到政府信息公开申请30件，包括自然人20件，法人和其他组织10件。',
    { count: 30, 'by:NP': 20, 'by:LEGAL': 10 },
  ],
  // by channel or by outcome: not an applicant breakdown
  ['共收到政府信息公开申请30件，其中网上申请20件、当面申请10件。', { count: 30 }],
  ['共收到政府信息公开申请30件，其中自然人20件，予以公开10件。', { count: 30 }],
  ['共收到政府信息公开申请30件，其中已办结28件，正在办理2件。', { count: 30 }],
];

describe('applications: the received count', () => {
  it.each(RECEIVED)('%s', (text, want) => {
    const [c] = ofKind(text, 'applicationsReceived');
    if (want === null) expect(c).toBeUndefined();
    else expect(figures(c)).toEqual(want);
  });
});

describe('applications: the applicant breakdown after the count', () => {
  it.each(BREAKDOWN)('%s', (text, want) => {
    expect(figures(ofKind(text, 'applicationsReceived')[0])).toEqual(want);
  });
});

describe('applications: none, and all completed', () => {
  it.each([
    ['2021年，未收到政府信息公开申请。', true],
    ['本年度没有收到政府信息公开申请。', true],
    ['本年度依申请公开数量为0。', true],
    ['本年度未收到任何公民、法人或其他组织提出的政府信息公开申请。', true],
    ['全年共收到政府信息公开申请5件。', false],
  ] as const)('none: %s', (text, want) => {
    expect(ofKind(text, 'noApplications').length > 0).toBe(want);
  });

  it.each([
    ['2019年,共受理政府信息公开申请5件,已全部办结。', true],
    ['所有申请均已按要求办理完成，转下一年度办理答复的有1件。', true],
    ['共收到政府信息公开申请5件，全部按时予以答复。', true],
    ['共收到政府信息公开申请5件，均已办结。', true],
    ['共收到政府信息公开申请5件。所有申请均已依法答复完毕。', true],
    // when, not whether; or about something else
    ['答复政府信息公开申请805件，均在法定期限内予以答复。', false],
    ['收到来信10件，已全部办结。', false],
    ['共收到政府信息公开申请5件，办结4件。', false],
  ] as const)('all completed: %s', (text, want) => {
    expect(ofKind(text, 'allCompleted').length > 0).toBe(want);
  });
});
