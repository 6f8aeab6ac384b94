// Radicals that stand for ideographs. A PDF's font often maps a glyph shared by a radical and an
// ideograph to the radical's code point (Kangxi Radicals, CJK Radicals Supplement), so pdf.js
// extracts 中华⼈⺠共和国 and ⼯业 where the page shows 人民 and 工; text copied out of such a
// PDF carries them too. They look the same but match nothing: a quoted title reads as misquoted
// (FMT-05), a body's name differs from its web page's. Kangxi radicals have compatibility forms
// (NFKC); the supplement's simplified forms do not, so they are listed.

const SUPPLEMENT: Record<string, string> = {
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

/** The text with radicals that stand for ideographs written as those ideographs. */
export function ideographs(text: string): string {
  return /[\u2E80-\u2FDF]/.test(text)
    ? text.replace(/[\u2E80-\u2FDF]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'))
    : text;
}
