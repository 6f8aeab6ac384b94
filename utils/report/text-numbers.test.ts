import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseToNumber, fold } from './normalize';
import {
  findNumbers,
  lastDigitPlace,
  normalizeText,
  normalizeWithMap,
  printedSpan,
  replaceWithMap,
  splitSentences,
  toTextNumber,
} from './text-numbers';

/** The first number written in a text, as a claim keeps it. */
const parseTextNumber = (s: string) => {
  const [tok] = findNumbers(normalizeText(s));
  return tok ? toTextNumber(tok) : null;
};

describe('chineseToNumber in text', () => {
  it.each([
    ['二〇二一', 2021],
    ['二〇一九', 2019],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万五千', 35000],
    ['零', 0],
  ])('%s → %d', (s, n) => expect(chineseToNumber(s)).toBe(n));
  it('rejects other text', () => expect(chineseToNumber('十a')).toBeNull());
});

describe('approximate numbers (§4.5)', () => {
  it('N余 is [N, N+u) with u the place of the last non-zero digit', () => {
    expect(parseTextNumber('15800余条')).toMatchObject({ value: 15800, range: [15800, 15900], unit: '条' });
    expect(parseTextNumber('4608余条')).toMatchObject({ value: 4608, range: [4608, 4609] });
    expect(parseTextNumber('4700 余 条')).toMatchObject({ value: 4700, range: [4700, 4800], unit: '条' });
    expect(parseTextNumber('100多人')).toMatchObject({ value: 100, range: [100, 200], unit: '人' });
    expect(parseTextNumber('15 余家')).toMatchObject({ value: 15, range: [15, 16], unit: '家' });
  });
  it('近N is (0.9N, N]', () => {
    expect(parseTextNumber('近100件')).toMatchObject({ value: 100, range: [91, 101] });
  });
  it('万 multiplies counts but stays with money', () => {
    expect(parseTextNumber('6.7万余件')).toMatchObject({ value: 67000, range: [67000, 68000], unit: '件' });
    expect(parseTextNumber('45996.82 万元')).toMatchObject({ value: 45996.82, unit: '万元' });
    expect(parseTextNumber('30余万元')).toMatchObject({ value: 30, range: [30, 40], unit: '万元' });
  });
  it('exact numbers have no range', () => {
    expect(parseTextNumber('173 条')).toEqual({ raw: '173条', value: 173, unit: '条' });
  });
  it('lastDigitPlace counts in place what splitting and trimming gave', () => {
    const reference = (digits: string): number => {
      const [intPart = '', frac = ''] = digits.split('.');
      const f = frac.replace(/0+$/, '');
      if (f.length > 0) return 10 ** -f.length;
      const zeros = /0*$/.exec(intPart)![0].length;
      return zeros === intPart.length ? 1 : 10 ** zeros;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '5', '.', '00'), { maxLength: 12 }), (parts) => {
        const digits = parts.join('');
        expect(lastDigitPlace(digits)).toBe(reference(digits));
      }),
      { seed: 14, numRuns: 3000 },
    );
  });
  it('lastDigitPlace', () => {
    expect(lastDigitPlace('15800')).toBe(100);
    expect(lastDigitPlace('4608')).toBe(1);
    expect(lastDigitPlace('6.7')).toBe(0.1);
    expect(lastDigitPlace('0')).toBe(1);
  });
});

describe('normalizeWithMap', () => {
  it('folds full-width, removes spaces between CJK and digits, keeps them between ASCII words', () => {
    const n = normalizeWithMap('共发布各类信息 15800 余条， 其中： www.a.cn 1 2');
    expect(n.text).toBe('共发布各类信息15800余条,其中:www.a.cn 1 2');
    expect(n.map).toHaveLength(n.text.length + 1);
  });
  it('turns Chinese numerals before a measure word and 〇-years into digits, not 上一年 or 一是', () => {
    expect(normalizeWithMap('二〇二一年共十二个乡镇，一是比上一年减少三项').text).toBe(
      '2021年共12个乡镇,一是比上一年减少3项',
    );
  });
  it('removes thousands separators and folds glyph variants', () => {
    expect(normalizeWithMap('受理 1,234 件，本年増/減').text).toBe('受理1234件,本年增/减');
  });
  it('maps spans back to the printed text', () => {
    const src = '2019年，共受理政府信息公开申请 5 件，已全部办结。其中1件引起行政诉讼。';
    const n = normalizeWithMap(src);
    const [a, b] = splitSentences(n.text);
    expect(printedSpan(src, n, a!.start, a!.end)).toBe('2019年，共受理政府信息公开申请 5 件，已全部办结。');
    expect(printedSpan(src, n, b!.start, b!.end)).toBe('其中1件引起行政诉讼。');
  });
});

describe('normalizeWithMap in one pass: the same text and map as folding then collapsing whitespace', () => {
  /** The two passes it replaced: fold every code point, then collapse whitespace (no numbers here). */
  const twoPasses = (src: string) => {
    const EXTRA: Record<string, string> = { '〈': '<', '〉': '>', '〝': '"', '〞': '"' };
    const cps: number[] = [];
    const map: number[] = [];
    for (let i = 0; i < src.length; ) {
      const cp = src.codePointAt(i)!;
      let folded = fold(String.fromCodePoint(cp));
      folded = EXTRA[folded] ?? folded;
      if (folded === '\u00a0' || folded === '\u3000') folded = ' ';
      for (const c of folded) {
        cps.push(c.codePointAt(0)!);
        map.push(i);
      }
      i += cp > 0xffff ? 2 : 1;
    }
    const space = (k: number | undefined) => k !== undefined && /\s/.test(String.fromCodePoint(k));
    const word = (k: number | undefined) => k !== undefined && /[0-9A-Za-z]/.test(String.fromCodePoint(k));
    const text: number[] = [];
    const m: number[] = [];
    for (let k = 0; k < cps.length; k++) {
      const ch = cps[k]!;
      if (!space(ch)) {
        text.push(ch);
        m.push(map[k]!);
        continue;
      }
      if (ch === 10 || ch === 13) {
        if (text[text.length - 1] !== 10) {
          text.push(10);
          m.push(map[k]!);
        }
        continue;
      }
      let j = k + 1;
      while (j < cps.length && space(cps[j]) && cps[j] !== 10) j++;
      if (word(text[text.length - 1]) && word(cps[j])) {
        text.push(32);
        m.push(map[k]!);
      }
      k = j - 1;
    }
    m.push(src.length);
    return { text: String.fromCodePoint(...text), map: m };
  };
  // letters, every kind of space, CJK, full-width and variant forms, quotes, brackets, zero-width and
  // astral characters; no digits or Chinese numerals, whose rewriting comes after both passes
  const piece = fc.constantFrom(
    ...'ab Z\t\n\r\u00a0\u3000\u1680\u2000\u2028\u2029\u202f\u205f\ufeff\u200b申请公开資料ＡＢ，（）“”〈〉〝、。',
    '𠀀',
    '😀',
  );
  it('matches the two passes on generated text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(normalizeWithMap(s)).toEqual(twoPasses(s));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});

describe("normalizeWithMap's numbers rewritten in one pass: the same text and map as three passes", () => {
  const threePasses = (text: string) => {
    let n = { text, map: [...Array(text.length + 1).keys()] };
    n = replaceWithMap(n, /(?<![\d.])(\d{1,3})((?:,\d{3})+)(?![\d,])/g, (m) => m[0].replace(/,/g, ''));
    n = replaceWithMap(n, /[〇零一二三四五六七八九]{4}(?=年)/g, (m) => String(chineseToNumber(m[0]) ?? m[0]));
    return replaceWithMap(
      n,
      /(?<![上下每同这那第其之统唯单\d.])[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*(?=(?:余|多)?(?:个|件|条|项|次|人|家|份|篇|期|批|名|户|册|卷|盒|场|起|宗))/g,
      (m) => String(chineseToNumber(m[0]) ?? m[0]),
    );
  };
  // digits, separators and numerals next to the words the rewrites look at; all fold to themselves
  const piece = fc.constantFrom(
    ...'0123456789,.〇零一二两三四五六七八九十百千万年个件余多上第统申请',
    '1,234',
    '二〇二一年',
  );
  it('matches the three passes on generated text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(normalizeWithMap(s)).toEqual(threePasses(s));
      }),
      { seed: 12, numRuns: 5000 },
    );
  });
});

describe('splitSentences', () => {
  it('splits at 。！？ and line ends; clauses also at ；', () => {
    const t = '甲1条;乙2条。丙\n丁！';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual(['甲1条;乙2条。', '丙', '丁！']);
    expect(splitSentences(t, true).map((s) => t.slice(s.start, s.end))).toEqual([
      '甲1条;',
      '乙2条。',
      '丙',
      '丁！',
    ]);
  });
});

describe('findNumbers', () => {
  it('reads measure words, 余 after 个, and skips nothing', () => {
    const toks = findNumbers('开设运行的33个政务新媒体平台发布信息4608余条');
    expect(toks.map((t) => [t.value, t.unit, t.approx])).toEqual([
      [33, '个', false],
      [4608, '条', true],
    ]);
  });
  it('percentages and dates have their own units', () => {
    expect(findNumbers('办结率96.4%,2019年1月').map((t) => t.unit)).toEqual(['%', '年', '月']);
  });
});

describe('long paragraphs (review M4)', () => {
  it('normalizes a 150 000-character paragraph without overflowing the stack, keeping the map', () => {
    const src = `共收到申请1,234件。${'政府信息公开工作'.repeat(18_750)}`;
    expect(src.length).toBeGreaterThan(150_000);
    const n = normalizeWithMap(src);
    expect(n.text.startsWith('共收到申请1234件。')).toBe(true);
    expect(n.map.length).toBe(n.text.length + 1);
    expect(n.map[n.map.length - 1]).toBe(src.length);
    // the character after the folded separator still maps back to its place in the source
    expect(src[n.map[n.text.indexOf('件')]!]).toBe('件');
  });
});
