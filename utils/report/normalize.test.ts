import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseToNumber,
  cleanText,
  FOLD_TABLES,
  fold,
  labelKey,
  labelKeyByFold,
  nfkc,
  stripOrdinal,
} from './normalize';

describe('labelKey', () => {
  it('folds full-width forms, spaces and quotes', () => {
    expect(labelKey('（二） 部分公开（区分处理的，只计这一情形）')).toBe(
      labelKey('(二)部分公开(区分处理的,只计这一情形)'),
    );
    expect(labelKey('社会公 益组 织')).toBe('社会公益组织');
    expect(labelKey('危及“三安全一稳定”')).toBe('危及三安全一稳定');
  });

  it('folds the OCR variants of 增/减 and Traditional label words', () => {
    expect(labelKey('本年増/滅')).toBe('本年增/减');
    expect(labelKey('總計')).toBe('总计');
    expect(labelKey('結轉下年度繼續辦理').startsWith('结转下年度')).toBe(true);
    expect(fold('政府資訊公開')).toBe('政府信息公开');
  });
});

describe('stripOrdinal', () => {
  it.each(['（一）予以公开', '(一) 予以公开', '一、予以公开', '1.予以公开', '1、予以公开', '1. 予以公开'])(
    'strips the ordinal of %j',
    (label) => expect(stripOrdinal(label)).toBe('予以公开'),
  );

  it('keeps a number that is part of the label', () => {
    expect(stripOrdinal('2019年报告')).toBe('2019年报告');
  });
});

describe('chineseToNumber', () => {
  it.each([
    ['二〇二一', 2021],
    ['二零一九', 2019],
    ['十二', 12],
    ['二十三', 23],
    ['一百零五', 105],
    ['2020', 2020],
  ])('%s → %d', (text, n) => expect(chineseToNumber(text)).toBe(n));

  it('refuses what is not a numeral', () => {
    expect(chineseToNumber('年度')).toBeNull();
  });
});

describe('fold: one pass, same output as the character-by-character original (review L8)', () => {
  /** The original implementation, kept here as the reference. */
  const reference = (() => {
    const map = new Map<string, string>();
    for (const pairs of FOLD_TABLES.pairs)
      for (let i = 0; i + 1 < pairs.length; i += 2)
        if (pairs[i] !== pairs[i + 1]) map.set(pairs[i]!, pairs[i + 1]!);
    return (text: string): string => {
      let out = text.normalize('NFKC').replace(FOLD_TABLES.zeroWidth, '');
      for (const [re, to] of FOLD_TABLES.words) out = out.replace(re, to);
      let mapped = '';
      for (const ch of out) mapped += map.get(ch) ?? ch;
      return mapped.replace(/[“”＂„‟″]/g, '"').replace(/[‘’′]/g, "'");
    };
  })();
  const special = [
    ...FOLD_TABLES.pairs.join(''),
    ...'“”＂„‟″‘’′\u200b\u00ad\ufeff資訊政府資料反覆０９ＡＢ（）　 \n𠀀😀',
    // the word variants whole, as they stand in a text
    '資訊',
    '政府資料',
    '反覆',
    // the edges of what fold's fast path leaves alone (ASCII, 、…】, CJK ideographs)
    ...'\u007f\u0080\u3000\u3001\u3011\u3012\u3036\u4dff\u4e00\u9fff\ua000\u2026\uf900\uff00\uff01\uff5e\uff5f\uff61',
    // what fold's fast path knows it leaves as they are, and their neighbours, which it does not
    ...'·×÷°§±‐‑–—―‖•‰※←→√★☆☐☑〒〓〔〕〖〗〘〙〚〛〜〝〞〟■□●○◆\u00a0\u2011\u2017\u2024\u2025\u2033\u2032\u3020\u3036\u2194\u2612\u25a0\u25ff\u2600',
  ];
  /** Text of the ranges fold's fast paths take (but for variants): where they decide. */
  const plain = fc.string({
    unit: fc
      .oneof(
        fc.integer({ min: 0x20, max: 0x7e }),
        fc.integer({ min: 0x3000, max: 0x3040 }),
        fc.integer({ min: 0xa0, max: 0xff }),
        fc.integer({ min: 0x2000, max: 0x2040 }),
        fc.integer({ min: 0x2180, max: 0x2620 }),
        fc.integer({ min: 0x4e00, max: 0x9fff }),
        fc.integer({ min: 0xff00, max: 0xff61 }),
      )
      .map((k) => String.fromCharCode(k)),
    maxLength: 8,
  });
  const text = fc.array(
    fc.oneof(
      fc.constantFrom(...special),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.string({ maxLength: 3 }),
      plain,
    ),
    { maxLength: 60 },
  );
  it('matches the reference on generated text', () => {
    fc.assert(
      fc.property(text, (parts) => {
        const s = parts.join('');
        expect(fold(s)).toBe(reference(s));
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
  it('is looked for word variants by 資 and 覆, which every one of them holds', () => {
    for (const [re] of FOLD_TABLES.words) expect(re.source).toMatch(/資|覆/);
  });
  it('matches the reference on every variant, quote and zero-width character', () => {
    const all = special.join(' ');
    expect(fold(all)).toBe(reference(all));
  });
  /** Labels as tables print them: words, ordinals, full-width brackets, spaces of every kind, quotes. */
  const labelish = fc
    .array(
      fc.constantFrom(
        ...['予以公开', '总计', '一', '、', '（', '）', '(', ')', '１２', 'Ａ', '＂', '＇', '"', "'"],
        ...['「', '」', '『', '』', ' ', '\u00a0', '\u3000', '\n', '“', '”', '〔', '〕', '—', '總'],
      ),
      { maxLength: 12 },
    )
    .map((a) => a.join(''));
  it('labelKey is fold and the regexes, on mixed text and on text its one pass takes', () => {
    let onePass = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((parts) => parts.join('')),
          plain,
          labelish,
        ),
        (s) => {
          expect(labelKey(s)).toBe(labelKeyByFold(s));
          if (
            /^[\x00-\x7f\u4e00-\u9fff\u3000-\u301f\uff01-\uff5e]*$/.test(s) &&
            /[\s"'「」『』\uff01-\uff5e]/.test(s)
          )
            onePass++;
        },
      ),
      { seed: 10, numRuns: 4000 },
    );
    // texts the one pass changes on its own (noise, full-width forms) were drawn, not only ones it hands on
    expect(onePass).toBeGreaterThan(200);
  });
  it('nfkc is NFKC, on mixed text and on text its fast paths take', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text.map((parts) => parts.join('')),
          plain,
        ),
        (s) => {
          expect(nfkc(s)).toBe(s.normalize('NFKC'));
        },
      ),
      { seed: 9, numRuns: 4000 },
    );
    expect(nfkc(special.join(' '))).toBe(special.join(' ').normalize('NFKC'));
  });
});

describe('cleanText', () => {
  /** What it does, as the regexes say it; its shortcuts (nothing to clean, only spaces) are held to it. */
  const reference = (t: string) =>
    t
      .replace(FOLD_TABLES.zeroWidth, '')
      .replace(/[\s\u00a0\u3000]+/g, ' ')
      .trim();
  const text = fc
    .array(
      fc.constantFrom(
        ' ',
        '\u00a0',
        '\u3000',
        '\n',
        '\t',
        '\u2028',
        '\ufeff',
        '\u200b',
        '\u00ad',
        '\u2060',
        '0',
        '12',
        '无',
        'a',
      ),
      { maxLength: 6 },
    )
    .map((a) => a.join(''));

  it('collapses and trims as the regexes do, blank cells included', () => {
    let blanks = 0;
    fc.assert(
      fc.property(text, (t) => {
        expect(cleanText(t)).toBe(reference(t));
        if (t && !reference(t)) blanks++;
      }),
      { seed: 33, numRuns: 3000 },
    );
    expect(blanks).toBeGreaterThan(100);
  });
});
