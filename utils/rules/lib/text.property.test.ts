import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldsAlone } from '../../report/normalize';
import { keyClauses, keyedClauses, printedClauses, textKey } from './text';

// The text rules look a word up in a paragraph's key before they cut it into keyed clauses
// (paragraphKey): that is sound only if every clause's key is a piece of its paragraph's key.
// Fixed seed.

/** Pieces of paragraphs: words, marks, spaces of every kind, numbers and the forms NFKC changes. */
const piece = fc.constantFrom(
  '电子版',
  '门户网站',
  '邮箱',
  'e-mail',
  'E-Mail',
  '。',
  '！',
  '？',
  '!',
  '?',
  '；',
  ';',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '1',
  '1,234',
  '0',
  '.',
  ',',
  '一',
  '十二',
  '二〇二一',
  '个',
  '件',
  '年',
  '上',
  '“',
  '”',
  '「',
  '（',
  '）',
  'ＡＢ１',
  '資訊',
  '反覆',
  '總計',
  'e\u0301',
  'www.a.gov.cn',
  // marks and spaces NFKC makes of others, or that vanish: the clauses must still come out alike
  '\r',
  '\uff61',
  '\ufe14',
  '\u203c',
  '\ufe54',
  '\ufeff',
  '〔2020〕',
  '—',
  'ab cd',
  '共收到申请12件',
);

describe("a clause's key is a piece of its paragraph's key", () => {
  it('holds on generated paragraphs', () => {
    let clauses = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const paragraph = parts.join('');
        const key = textKey(paragraph);
        for (const clause of printedClauses(paragraph)) {
          clauses++;
          expect(key).toContain(textKey(clause));
        }
      }),
      { seed: 16, numRuns: 3000 },
    );
    expect(clauses).toBeGreaterThan(3000);
  });
});

describe("a paragraph's keyed clauses, taken from its matching copy", () => {
  it('are the printed clauses each keyed anew, on generated paragraphs', () => {
    let fromCopy = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        // a fresh paragraph object: its reading and its clauses are made here
        expect(keyedClauses({ id: 'p1', section: '二', text })).toEqual(keyClauses(text));
        if ([...text].every((c) => foldsAlone(c.charCodeAt(0))) && printedClauses(text).length > 1)
          fromCopy++;
      }),
      { seed: 17, numRuns: 4000 },
    );
    // many were taken from the copy, the way under test, not handed to the printed text's
    expect(fromCopy).toBeGreaterThan(300);
  });
});
