import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printedClauses, textKey } from './text';

// The text rules look a word up in a paragraph's key before they cut it into keyed clauses
// (paragraphKey): that is sound only if every clause's key is a piece of its paragraph's key.
// Fixed seed.

describe("a clause's key is a piece of its paragraph's key", () => {
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
  );
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
