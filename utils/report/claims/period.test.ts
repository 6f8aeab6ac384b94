import { describe, expect, it } from 'vitest';
import { figures, ofKind } from './testing';

// The statistics period and the documents the report cites.

describe('statistics period', () => {
  it.each([
    ['本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。', 2019],
    ['所列政府信息公开数据统计期限为 2019 年 1月 1 日至 2019 年 12 月 31 日。', 2019],
    ['本报告中所列数据统计期限为2021年1月1日至12月31日。', undefined],
    ['二〇二一年一月一日至十二月三十一日的统计数据。', null],
    ['2021年1月1日至3月31日开展专项整治。', null],
  ] as const)('%s', (text, endYear) => {
    const [c] = ofKind(text, 'statisticsPeriod');
    if (endYear === null) return expect(c).toBeUndefined();
    const f = figures(c)!;
    expect([f.startMonth, f.startDay, f.endMonth, f.endDay]).toEqual([1, 1, 12, 31]);
    expect(f.endYear).toEqual(endYear);
  });
});

describe('citations', () => {
  it.each([
    [
      '按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。',
      '国办公开办函〔2021〕30号',
    ],
    ['依据国办公开办函[2019]60号。', '国办公开办函〔2019〕60号'],
    ['根据《中华人民共和国政府信息公开条例》（国务院令第711号）编制。', '国务院令第711号'],
  ])('%s', (text, subject) => {
    expect(ofKind(text, 'citation').map((c) => c.subject)).toEqual([subject]);
  });
});
