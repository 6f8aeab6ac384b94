import type { Paragraph, TextNumber } from './model';
import { chineseToNumber, fold, isSpace } from './normalize';

// Text helpers for the narrative (report-formats.md §4): a normalized matching copy that keeps a map
// back to the printed text, Chinese numerals, approximate numbers as intervals, sentence splitting.

/** A normalized copy of a text; `map[i]` is the index in the source of normalized char i. */
export interface Normalized {
  text: string;
  /** length text.length + 1; the last entry is the source length */
  map: number[];
}

// Glyph variants and Traditional → Simplified come from the label folding (normalize.ts); the text
// copy only adds the angle brackets of nested titles (《…〈…〉…》).
const EXTRA: Record<string, string> = { '〈': '<', '〉': '>', '〝': '"', '〞': '"' };

/** ASCII letter or digit, by code point. */
const isAsciiWord = (k: number | undefined): boolean =>
  k !== undefined && ((k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122));
const NL = 10;
const CR = 13;
const SPACE = 32;

// A page's text is normalized many times per audit (every rule keys its sentences), and the full
// fold of one code point is pure, so each code point is folded once per session, as code points.
const FOLDED = new Map<number, number[]>();
/**
 * Per BMP code outside the surrogates: 0 not seen yet, 1 folds to itself and is no space (most CJK
 * text), 3 folds to the one BMP code in FOLDS_TO (full-width punctuation and digits: most of the
 * rest), 2 anything else (FOLDED has its code points).
 */
const FOLD_KIND = new Uint8Array(0x10000);
const FOLDS_TO = new Uint16Array(0x10000);

/** One code point as normalizeWithMap writes it: folded, brackets, no-break spaces as spaces. */
function foldCodePoint(cp: number): number[] {
  let out = FOLDED.get(cp);
  if (out === undefined) {
    const ch = String.fromCodePoint(cp);
    let folded = fold(ch);
    folded = EXTRA[folded] ?? folded;
    if (folded === '\u00a0' || folded === '\u3000') folded = ' ';
    out = [...folded].map((c) => c.codePointAt(0)!);
    FOLDED.set(cp, out);
    // whitespace that folds to itself (U+1680, U+2028 …) is still whitespace: never on the fast path
    if (cp < 0xd800 || (cp > 0xdfff && cp < 0x10000)) {
      const one = out.length === 1 && out[0]! < 0x10000 && !(out[0]! >= 0xd800 && out[0]! <= 0xdfff);
      FOLD_KIND[cp] = folded === ch && !isSpace(cp) ? 1 : one ? 3 : 2;
      if (one) FOLDS_TO[cp] = out[0]!;
    }
  }
  return out;
}

/**
 * A string from code points, in slices small enough to pass as arguments. Text with no astral code
 * point (nearly every report) is made by fromCharCode, which checks nothing and copies no slice.
 */
function fromCodePoints(cps: number[], astral: boolean): string {
  if (!astral && cps.length <= 4096) return String.fromCharCode.apply(null, cps);
  const make = astral ? String.fromCodePoint : String.fromCharCode;
  let out = '';
  for (let i = 0; i < cps.length; i += 4096) out += make.apply(null, cps.slice(i, i + 4096));
  return out;
}

/**
 * Thousands separators (group 1), 〇-style years, Chinese numerals before a measure word. Each
 * alternative starts with a character class (its lookbehind after the first character), so the
 * regex engine can skip the positions no alternative can start at.
 */
const NUMBER_REWRITES =
  /(\d(?<![\d.]\d)\d{0,2}(?:,\d{3})+)(?![\d,])|[〇零一二三四五六七八九]{4}(?=年)|[〇零一二两三四五六七八九十](?<![上下每同这那第其之统唯单\d.][〇零一二两三四五六七八九十])[〇零一二两三四五六七八九十百千万]*(?=(?:余|多)?(?:个|件|条|项|次|人|家|份|篇|期|批|名|户|册|卷|盒|场|起|宗))/g;

/** NUMBER_REWRITES tried where it starts, for nextRewrite. */
const REWRITE_AT = new RegExp(NUMBER_REWRITES.source, 'y');
const codes = (chars: string): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
};
/** What a numeral rewrite starts with, and what its run of numerals is made of. */
const NUMERAL_FIRST = codes('〇零一二两三四五六七八九十');
const NUMERAL_RUN = codes('〇零一二两三四五六七八九十百千万');
const MEASURE_WORD = codes('个件条项次人家份篇期批名户册卷盒场起宗');
const COMMA = 44;
const NIAN = 0x5e74; // 年
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多

/**
 * The next match of NUMBER_REWRITES at or after `from`, as its global search finds it. That search
 * tries the regex at every position, and a report's text is full of 一 (一是, 进一步); here the
 * regex is tried only where a match can start and what must follow is there: a digit with a comma
 * within three characters, or a numeral whose run of numerals ends before 年, or before a measure
 * word (after 余 or 多). The property test holds normalizeWithMap to the passes it replaced.
 */
function nextRewrite(text: string, from: number): RegExpExecArray | null {
  // the end of the current run of numerals: every position inside a run shares it (a page of
  // numerals is not scanned once per position)
  let runEnd = -1;
  for (let p = from; p < text.length; p++) {
    const k = text.charCodeAt(p);
    if (k >= 48 && k <= 57) {
      if (
        text.charCodeAt(p + 1) !== COMMA &&
        text.charCodeAt(p + 2) !== COMMA &&
        text.charCodeAt(p + 3) !== COMMA
      )
        continue;
    } else if (NUMERAL_FIRST[k] === 1) {
      if (p >= runEnd) {
        runEnd = p + 1;
        while (runEnd < text.length && NUMERAL_RUN[text.charCodeAt(runEnd)] === 1) runEnd++;
      }
      let after = text.charCodeAt(runEnd);
      if (after !== NIAN) {
        if (after === YU || after === DUO) after = text.charCodeAt(runEnd + 1);
        if (!(after < 0x10000 && MEASURE_WORD[after] === 1)) continue;
      }
    } else continue;
    REWRITE_AT.lastIndex = p;
    const m = REWRITE_AT.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * NFKC (full-width → ASCII), glyph variants, quotes; whitespace removed except between two ASCII
 * letters or digits (where it separates words or numbers); thousands separators removed; Chinese
 * numerals before a measure word and 〇-style years turned into Arabic digits.
 *
 * It steps over code points as numbers, not through regexes or one string per character, and
 * rewrites numbers in one scan: this runs over every paragraph of a report, and was the largest single cost of an audit in
 * Chromium's profile. `map` has one entry per code point of the result (an astral one included).
 */
export function normalizeWithMap(src: string): Normalized {
  // One pass: each code point folded (ASCII and most CJK fold to themselves), then written unless it
  // is whitespace. A newline is kept once; a run of other spaces is written as one space only between
  // two ASCII letters or digits, so it waits (`pendingSpace`) until the next character is seen.
  // sized once for the usual case (a code point folds to one), not grown a step at a time
  const c2: number[] = new Array(src.length);
  const m2: number[] = new Array(src.length + 1);
  let n2 = 0;
  let pendingSpace = -1;
  let astral = false;
  const write = (ch: number, at: number): void => {
    if (isSpace(ch)) {
      // a carriage return inside a run of spaces is part of the run, as it always was
      if (ch === NL || (ch === CR && pendingSpace < 0)) {
        pendingSpace = -1;
        if (n2 === 0 || c2[n2 - 1] !== NL) {
          c2[n2] = NL;
          m2[n2++] = at;
        }
      } else if (pendingSpace < 0) pendingSpace = at;
      return;
    }
    if (pendingSpace >= 0) {
      if (n2 > 0 && isAsciiWord(c2[n2 - 1]) && isAsciiWord(ch)) {
        c2[n2] = SPACE;
        m2[n2++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    c2[n2] = ch;
    m2[n2++] = at;
  };
  for (let i = 0; i < src.length; ) {
    const code = src.charCodeAt(i);
    if ((code < 0x80 && code > SPACE) || FOLD_KIND[code] === 1) {
      // the common case, written out: neither whitespace nor folded
      if (pendingSpace >= 0) write(code, i);
      else {
        c2[n2] = code;
        m2[n2++] = i;
      }
      i++;
      continue;
    }
    if (code < 0x80) {
      write(code, i);
      i++;
      continue;
    }
    if (FOLD_KIND[code] === 3) {
      write(FOLDS_TO[code]!, i);
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    for (const c of foldCodePoint(cp)) {
      if (c > 0xffff) astral = true;
      write(c, i);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  c2.length = n2;
  m2[n2] = src.length;
  m2.length = n2 + 1;
  // One pass for the three rewrites of numbers; their matches never overlap (digits and commas, four
  // numerals before 年, numerals before a measure word), so one scan gives what three did:
  // 1,234件 → 1234件; 二〇二一年 → 2021年; 十二个 → 12个 (not 上一年, 第一, 一是 …).
  const norm = replaceWithMap({ text: fromCodePoints(c2, astral), map: m2 }, nextRewrite, (m) =>
    m[1] !== undefined ? m[1].replace(/,/g, '') : String(chineseToNumber(m[0]) ?? m[0]),
  );
  return norm;
}

/**
 * Replace the matches of a global regex (or of a finder of the next match at or after a position)
 * in a normalized text, keeping the map (replacement chars map to the match start).
 */
export function replaceWithMap(
  n: Normalized,
  re: RegExp | ((text: string, from: number) => RegExpExecArray | null),
  fn: (m: RegExpExecArray) => string,
): Normalized {
  const next =
    typeof re === 'function'
      ? re
      : (text: string, from: number) => {
          re.lastIndex = from;
          return re.exec(text);
        };
  let text = '';
  let last = 0;
  let m = next(n.text, 0);
  // most texts have nothing to replace: the same text and map, without copying the map
  while (m && m[0].length === 0) m = next(n.text, m.index + 1);
  if (!m) return n;
  // sized once for a result as long as the source (rewrites of numbers mostly shorten it), written
  // by index (a loop, not push(...slice): spreading a long paragraph's map overflows the call stack)
  const map: number[] = new Array(n.map.length);
  let size = 0;
  for (; m; m = next(n.text, m.index + Math.max(1, m[0].length))) {
    if (m[0].length === 0) continue;
    const rep = fn(m);
    text += n.text.slice(last, m.index);
    for (let k = last; k < m.index; k++) map[size++] = n.map[k]!;
    text += rep;
    for (let k = 0; k < rep.length; k++) map[size++] = n.map[m.index]!;
    last = m.index + m[0].length;
  }
  text += n.text.slice(last);
  for (let k = last; k < n.map.length; k++) map[size++] = n.map[k]!;
  map.length = size;
  return { text, map };
}

/** The matching copy only (see normalizeWithMap). */
export const normalizeText = (s: string): string => normalizeWithMap(s).text;

// ── Numbers in the text ───────────────────────────────────────────────────────

/** Measure words and units, longest first. */
const UNIT_WORDS = [
  '个工作日',
  '人次',
  '批次',
  '万元',
  '亿元',
  '元',
  '%',
  '件',
  '条',
  '项',
  '个',
  '次',
  '人',
  '份',
  '篇',
  '期',
  '批',
  '家',
  '名',
  '户',
  '册',
  '卷',
  '盒',
  '页',
  '场',
  '起',
  '宗',
  '年',
  '月',
  '日',
  '号',
  '天',
  '小时',
  '周',
  '所',
  '座',
  '台',
  '类',
  '方面',
];

export interface NumberToken extends TextNumber {
  /** index of the first char (prefix included) in the normalized text */
  start: number;
  /** index after the last char (unit included) */
  end: number;
  approx: boolean;
}

const NUMBER_RE =
  /(约|大约|近|将近|逾|超过)?(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?(余|多)?(个工作日|人次|批次|万元|亿元|个)?(余|多)?/g;

/** Place value of the last non-zero digit: 15800 → 100, 4608 → 1, 6.7 → 0.1. */
export function lastDigitPlace(digits: string): number {
  // counted in place: every number of every paragraph asks this
  const point = digits.indexOf('.');
  const intEnd = point < 0 ? digits.length : point;
  if (point >= 0) {
    // the fraction ends at a second point, if any, as split('.') would cut it
    const second = digits.indexOf('.', point + 1);
    let end = second < 0 ? digits.length : second;
    while (end > point + 1 && digits.charCodeAt(end - 1) === 48) end--;
    if (end > point + 1) return 10 ** -(end - point - 1);
  }
  let zeros = 0;
  while (zeros < intEnd && digits.charCodeAt(intEnd - 1 - zeros) === 48) zeros++;
  if (zeros === intEnd) return 1; // 0
  return 10 ** zeros;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Build a TextNumber from its parts. `N余`/`N多`/`逾N`/`超过N` → [N, N+u) with u the place of N's last
 * non-zero digit; `近N` → (0.9N, N], kept half-open as [0.9N+1, N+1) for integers; `约N` → [N−u/2, N+u/2).
 */
export function makeTextNumber(
  raw: string,
  digits: string,
  opts: { prefix?: string; suffix?: string; multiplier?: string; unit?: string },
): TextNumber {
  const mult = opts.multiplier === '万' ? 1e4 : opts.multiplier === '亿' ? 1e8 : 1;
  const money = opts.unit === '万元' || opts.unit === '亿元' || opts.unit === '元';
  // 30余万元: the multiplier belongs to the money unit
  const base = Number(digits);
  const value = round(base * (money ? 1 : mult));
  const u = lastDigitPlace(digits) * (money ? 1 : mult);
  const unit = money && opts.multiplier ? `${opts.multiplier}${opts.unit}` : opts.unit;
  const tn: TextNumber = { raw, value, ...(unit ? { unit } : {}) };
  const { prefix, suffix } = opts;
  if (suffix === '余' || suffix === '多' || prefix === '逾' || prefix === '超过') {
    tn.range = [value, round(value + u)];
  } else if (prefix === '近' || prefix === '将近') {
    const isInt = Number.isInteger(value);
    tn.range = isInt ? [Math.floor(0.9 * value) + 1, value + 1] : [round(0.9 * value), value];
  } else if (prefix === '约' || prefix === '大约') {
    tn.range = [round(value - u / 2), round(value + u / 2)];
  }
  return tn;
}

/** Every number in a normalized text, with its approximate marks and its measure word. */
export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const [, prefix, digits = '', mult, suf1, ge, suf2] = m;
    let end = m.index + m[0].length;
    let unit: string | undefined = ge;
    if (!ge || ge === '个') {
      // 33个 / 15余家 / 4700余条: read the measure word after (in place: slicing the rest of the
      // text for every number made reading a long paragraph quadratic)
      const at = end;
      const w = UNIT_WORDS.find((u) => text.startsWith(u, at));
      if (w && !(ge === '个' && w !== '工作日')) {
        unit = w;
        end += w.length;
      }
    }
    const suffix = suf1 ?? suf2;
    const start = m.index;
    const raw = text.slice(start, end);
    // the number made once and given its place (no copies: every number of every paragraph is read)
    const tok = makeTextNumber(raw, digits, { prefix, suffix, multiplier: mult, unit }) as NumberToken;
    tok.start = start;
    tok.end = end;
    tok.approx = tok.range !== undefined;
    out.push(tok);
    NUMBER_RE.lastIndex = end;
  }
  return out;
}

/** The number of a token, without its place in the text (what a claim keeps). */
export function toTextNumber(tok: NumberToken): TextNumber {
  const { start: _s, end: _e, approx: _a, ...tn } = tok;
  return tn;
}

/** Interval of a text number: its range, or [v, v] when exact (closed). */
export const interval = (n: TextNumber): [number, number] => n.range ?? [n.value, n.value];

/** Counts (not dates, document numbers, percentages or money). */
export const isCount = (t: { unit?: string | undefined }): boolean =>
  !t.unit ||
  !['年', '月', '日', '号', '%', '元', '万元', '亿元', '个工作日', '天', '小时', '周'].includes(t.unit);

// ── Sentences ─────────────────────────────────────────────────────────────────

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentence spans (。！？!? and line ends) and, inside them, clause spans (；;). Works on any text,
 * normalized or not; spans are trimmed and never empty.
 */
export function splitSentences(text: string, withClauses = false): Span[] {
  const { sentences, clauses } = splitText(text);
  return withClauses ? clauses : sentences;
}

/**
 * The sentences (。！？!? and line ends) and the clauses (；; too) of a text, in one scan: each span
 * trimmed, empty ones left out, the terminator kept but for a line end.
 */
export function splitText(text: string): { sentences: Span[]; clauses: Span[] } {
  const sentences: Span[] = [];
  const clauses: Span[] = [];
  const push = (out: Span[], s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let sentenceStart = 0;
  let clauseStart = 0;
  const re = /[。！？!?\n；;]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const mark = m[0];
    const end = mark === '\n' ? m.index : m.index + 1;
    push(clauses, clauseStart, end);
    clauseStart = m.index + 1;
    if (mark === '；' || mark === ';') continue;
    push(sentences, sentenceStart, end);
    sentenceStart = m.index + 1;
  }
  push(clauses, clauseStart, text.length);
  push(sentences, sentenceStart, text.length);
  return { sentences, clauses };
}

/** The printed text of a span [start, end) of a normalized text, trimmed. */
export const printedSpan = (src: string, n: Normalized, start: number, end: number): string => {
  const a = n.map[start] ?? src.length;
  const b = end < n.text.length ? (n.map[end] ?? src.length) : src.length;
  return src.slice(a, Math.max(a, b)).trim();
};

/** A paragraph as the narrative is read: its matching copy, its clauses (；included) and its numbers. */
export interface ReadParagraph {
  n: Normalized;
  sentences: Span[];
  clauses: Span[];
  tokens: NumberToken[];
}

const READ_PARAGRAPHS = new WeakMap<Paragraph, { text: string; read: ReadParagraph }>();

/**
 * One reading per paragraph object, shared by the claims extraction (at parse) and the rules that
 * look for wordings of their own (at audit), which used to normalize and scan every paragraph again.
 * Keyed by the object and checked against its text, so a paragraph changed since is read afresh.
 * Callers must not change what they get.
 */
export function readParagraph(p: Paragraph): ReadParagraph {
  const known = READ_PARAGRAPHS.get(p);
  if (known && known.text === p.text) return known.read;
  const n = normalizeWithMap(p.text);
  const { sentences, clauses } = splitText(n.text);
  const read = { n, sentences, clauses, tokens: findNumbers(n.text) };
  READ_PARAGRAPHS.set(p, { text: p.text, read });
  return read;
}
