import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValueLike, readAmount, readCount, readSigned, toWan } from './numbers';

describe('readCount', () => {
  it.each([
    ['12', 12, []],
    ['１２', 12, []],
    [' 1,234 ', 1234, []],
    ['\u00a00\u00a0', 0, []],
    ['5件', 5, []],
  ])('reads %j as %d', (raw, value, flags) => {
    expect(readCount(raw)).toMatchObject({ value, flags });
  });

  it.each(['', '—', '－', '-', '/', '／', '无', '\u00a0'])(
    'reads placeholder %j as 0 flagged blank',
    (raw) => {
      expect(readCount(raw)).toMatchObject({ value: 0, flags: ['blank'] });
    },
  );

  it('keeps a signed count with its sign, for VAL-01', () => {
    expect(readCount('-3')).toMatchObject({ value: -3, flags: ['signed'] });
  });

  it('keeps an amount found in a count column but marks it invalid (VAL-05)', () => {
    expect(readCount('45996.82万元')).toMatchObject({ value: 45996.82, unit: '万元', flags: ['invalid'] });
  });

  it('marks approximate counts', () => {
    expect(readCount('约30')).toMatchObject({ value: 30, flags: ['approx'] });
    expect(readCount('100余')).toMatchObject({ value: 100, flags: ['approx'] });
  });

  it('never turns text into a number', () => {
    expect(readCount('见附件')).toMatchObject({ value: null, flags: ['invalid'] });
  });
});

describe('readSigned', () => {
  it.each([
    ['减 45', -45],
    ['減 2', -2],
    ['滅3', -3],
    ['-183', -183],
    ['－4', -4],
    ['+5174', 5174],
    ['＋4', 4],
    ['增加3', 3],
    ['减少2', -2],
  ])('reads %j as %d flagged signed', (raw, value) => {
    expect(readSigned(raw)).toMatchObject({ value, flags: ['signed'] });
  });

  it('reads no change as 0 and a bare number as itself, unsigned (VAL-04 decides)', () => {
    expect(readSigned('无变化')).toMatchObject({ value: 0, flags: [] });
    expect(readSigned('0')).toMatchObject({ value: 0, flags: [] });
    expect(readSigned('7')).toMatchObject({ value: 7, flags: [] });
  });

  it('reads a lone dash as a blank, not as minus nothing', () => {
    expect(readSigned('—')).toMatchObject({ value: 0, flags: ['blank'] });
  });
});

describe('readAmount', () => {
  it('keeps value and unit', () => {
    expect(readAmount('45996.82万元')).toMatchObject({ value: 45996.82, unit: '万元', flags: [] });
    expect(readAmount('251000元')).toMatchObject({ value: 251000, unit: '元' });
    expect(readAmount('0')).toMatchObject({ value: 0, flags: [] });
    expect(readAmount('')).toMatchObject({ value: 0, flags: ['blank'] });
  });

  it('converts to 万元 for comparison', () => {
    expect(toWan(251000, '元')).toBe(25.1);
    expect(toWan(1.5, '亿元')).toBe(15000);
    expect(toWan(3, undefined)).toBe(3);
  });
});

describe('isValueLike', () => {
  it('tells values from labels', () => {
    expect(['0', '12', '', '—', '减 45', '45996.82万元', '无变化'].every(isValueLike)).toBe(true);
    expect(['总计', '1. 属于国家秘密', '(七) 总计'].some(isValueLike)).toBe(false);
  });
});

describe('plain cells, which every reader reads at once', () => {
  it('reads plain ASCII digits as their number and an empty cell as a blank, in every reader', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,12}$/), (digits) => {
        for (const read of [readCount, readSigned, readAmount])
          expect(read(digits)).toEqual({ raw: digits, value: Number(digits), flags: [] });
      }),
      { seed: 31, numRuns: 500 },
    );
    for (const read of [readCount, readSigned, readAmount])
      expect(read('')).toEqual({ raw: '', value: 0, flags: ['blank'] });
  });
});
