import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATE_AT,
  mayBeSignatureDate,
  PERIOD_AT,
  TITLE_IN_TEXT_AT,
  YEAR_THEN_COMMA_AT,
  yearLed,
  yearOpeners,
} from './detect';
import { fold } from './normalize';

// The detector's shortcuts against the regexes they stand for: a shortcut that turned away a page's
// year or date would make a report lose its year, silently. Fixed seeds.

/** Texts from the characters the two regexes care about, and some they must step over. */
const textOf = (alphabet: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 2 })), { maxLength: 40 })
    .map((a) => a.join(''));

describe('yearOpeners', () => {
  /** The regex it replaced, kept here as the reference. */
  const OPENER =
    /(?:^|[。；;！!？?\s])\s*(?:\(?[一二三四五六七八九十\d]+[)、.]\s*)?(\d{4})\s*年\s*(?:度)?\s*(?:全年|内)?\s*[，,]/g;
  const reference = (t: string) => [...t.matchAll(OPENER)].map((m) => Number(m[1]));
  const alphabet = [
    '2020',
    '2021',
    '1',
    '9',
    '年',
    '度',
    '全年',
    '内',
    '，',
    ',',
    '。',
    '；',
    '!',
    ' ',
    '\n',
    '\u3000',
    '(',
    ')',
    '、',
    '.',
    '一',
    '十',
    '二',
    '全市',
    'x',
  ];

  it('finds what the opening-year regex finds', () => {
    fc.assert(
      fc.property(textOf(alphabet), (t) => {
        expect(yearOpeners(t)).toEqual(reference(t));
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
  it('finds the years of the wordings FMT-15 reads', () => {
    const t = '2020年，全市…。(二)2021年度，各区… 3.2019年全年，办理。上2018年，无';
    expect(yearOpeners(t)).toEqual([2020, 2021, 2019]);
    expect(yearOpeners(t)).toEqual(reference(t));
  });
});

describe('yearLed', () => {
  // years, the words after them and what stands between, whole and in pieces: many generated texts
  // hold matches, some overlapping (a period's second year), some near misses
  const alphabet = [
    '2020年1月1日',
    '二〇二〇年十二月三十一日',
    '2020年1月1日至2020年12月31日',
    '2020年，',
    '2020年度政府信息公开工作年度报告',
    '二〇二〇年信息公开工作年度报告',
    '2020',
    '2020 \u3000',
    '12020',
    '二〇二〇',
    '年',
    ' ',
    '1月1日',
    '12月31日',
    '至',
    '，',
    '年度报告',
    '全年',
    'x',
  ];
  const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join(''));
  const patterns: [string, RegExp, boolean][] = [
    ['a date', DATE_AT, true],
    ['the statistics period', PERIOD_AT, false],
    ['a year and its comma', YEAR_THEN_COMMA_AT, false],
    ['the report naming itself', TITLE_IN_TEXT_AT, true],
  ];
  it.each(patterns)('finds %s where the global search finds it', (_name, sticky, numerals) => {
    const everywhere = new RegExp(sticky.source, 'g');
    let found = 0;
    fc.assert(
      fc.property(texts, (t) => {
        const want = [...t.matchAll(everywhere)].map((m) => [m.index, ...m]);
        if (want.length) found++;
        expect(yearLed(t, sticky, numerals).map((m) => [m.index, ...m])).toEqual(want);
      }),
      { seed: 15, numRuns: 3000 },
    );
    // not a pass on texts that hold nothing to find
    expect(found).toBeGreaterThan(100);
  });
});

describe('mayBeSignatureDate', () => {
  const SIGNATURE_DATE =
    /^\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*日\s*$/;
  const alphabet = [
    '2020',
    '二〇二〇',
    '年',
    '12',
    '十二',
    '月',
    '31',
    '三十一',
    '日',
    ' ',
    '\u3000',
    '\u200b',
    '\u00ad',
    '㏾',
    '㋋',
    '⽇',
    '２',
    '工作',
    'e\u0301',
    '\u00a8',
  ];

  it('never turns away a text that folds to a signature date', () => {
    fc.assert(
      fc.property(textOf(alphabet), (t) => {
        if (SIGNATURE_DATE.test(fold(t))) expect(mayBeSignatureDate(t)).toBe(true);
      }),
      { seed: 12, numRuns: 5000 },
    );
  });
  it('lets dates through and turns paragraphs away', () => {
    for (const date of [
      '2020年12月31日',
      ' 二〇二〇年十二月三十一日 ',
      '2020 年 1 月 ㏾',
      '2020年\u200b12月31日',
    ])
      expect(mayBeSignatureDate(date), date).toBe(true);
    expect(mayBeSignatureDate('按照规定在15个工作日内答复，日常工作有序开展。')).toBe(false);
    expect(mayBeSignatureDate('2020年12月31')).toBe(false);
  });
});
