// Matching copies of page text (report-formats.md §4). The original text is always kept
// for display; these functions only produce keys to compare labels with.

// NFKC does not fold CJK variants, so the label vocabulary needs its own map: the OCR/glyph
// confusions of the 增/减 header, and Traditional → Simplified for portals' 繁體 versions.
const VARIANTS =
  '増增減减滅减總总計计結结轉转處处審审維维糾纠條条項项報报訴诉訟讼複复復复議议與与資资開开請请數数據据機机關关構构會会務务類类屬属於于國国衛卫險险權权護护過过單单補补確确無无獲获級级對对業业費费規规範范許许罰罚強强製制廢废現现採采購购額额萬万僅仅這这決决辦办況况應应當当經经發发佈布門门戶户網网題题進进組组織织體体為为統统從从區区縣县鄉乡鎮镇員员長长書书號号證证產产環环節节內内訊讯問问說说於于並并將将對对責责價价態态標标準准實实際际總总併并爭争醫医療疗衛卫災灾勞劳動动濟济稅税務务財财傳传舉举辭辞彙汇匯汇擇择賠赔償偿營营倉仓庫库樣样從从詢询寧宁穩稳該该設设備备況况參参與与閱阅覽览圖图畫画藝艺術术續续據据層层歸归檔档執执訪访舉举繼继認认繳缴納纳義义稱称訂订權权擁拥團团幣币種种證证';
// Narrative words the checks look for on 繁體 portals: measure words (個), contact lines, …
const NARRATIVE_VARIANTS =
  '歡欢訪访礙碍頁页時时間间來来華华廳厅電电載载見见聯联繫系東东樓楼郵邮編编話话職职領领導导訂订錄录認认眾众臺台個个讀读曉晓監监刪删後后識识蓋盖寫写嚴严肅肃圍围託托欄栏調调納纳點点聽听學学習习獎奖評评場场徵征檢检視视係系執执沒没繳缴繼继雖虽績绩還还別别夠够訓训幹干論论劃划貫贯簽签盡尽協协閉闭碼码們们億亿餘余約约園园達达銷销違违擬拟檔档歸归測测驗验設设鄰邻倆俩劑剂則则剛刚創创衝冲況况涼凉減减湊凑準准幣币帥帅師师帳账帶带廠厂廣广慶庆應应懷怀戰战撥拨擁拥擔担據据攜携敵敌斷断晉晋暫暂條条殺杀漢汉潔洁濟济災灾為为無无熱热爭争牆墙狀状獨独獲获環环畢毕疊叠療疗盤盘盡尽礎础禮礼種种穩稳窮穷筆笔範范築筑簡简糧粮紀纪約约級级紅红純纯紙纸細细組组終终結结給给絡络統统絕绝經经綜综綠绿維维網网緊紧線线練练緒绪總总績绩織织罰罚義义習习聲声腦脑與与舉举舊旧藝艺節节虛虚號号術术衛卫補补製制複复襲袭規规覽览覺觉觀观計计訊讯記记設设許许診诊詳详試试詢询該该誠诚誤误說说課课請请諸诸謀谋講讲謝谢證证譜谱議议護护讓让變变豐丰貝贝負负財财貨货貧贫責责貴贵費费資资賠赔賣卖質质購购贊赞趕赶軍军軟软較较輔辅輕轻載载輸输轉转辦办農农連连週周進进運运過过達达邊边遷迁選选遺遗鄉乡醫医釋释針针鐘钟鋼钢錢钱錯错長长門门開开閱阅隊队陽阳陰阴陳陈陸陆險险隨随雙双離离雲云電电靜静響响項项順顺預预領领頻频題题額额風风飛飞養养館馆驅驱體体髮发鬥斗麗丽黨党齊齐';
const VARIANT_MAP = new Map<string, string>();
for (const pairs of [VARIANTS, NARRATIVE_VARIANTS])
  for (let i = 0; i + 1 < pairs.length; i += 2)
    if (pairs[i] !== pairs[i + 1]) VARIANT_MAP.set(pairs[i]!, pairs[i + 1]!);
// Word-level Traditional forms that differ from mainland usage.
/** Each holds 資 or 覆 (fold looks for those two first). */
const WORD_VARIANTS: [RegExp, string][] = [
  [/資訊/g, '信息'],
  [/政府資料/g, '政府信息'],
  [/反覆/g, '反复'],
];

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** The raw tables, for the property test that holds `fold` to the character-by-character reference. */
export const FOLD_TABLES = {
  pairs: [VARIANTS, NARRATIVE_VARIANTS],
  words: WORD_VARIANTS,
  zeroWidth: ZERO_WIDTH,
} as const;

// Quote styles fold with the variants: no variant maps to a quote, so one pass gives what a
// variant pass followed by a quote pass would.
for (const q of '“”＂„‟″') VARIANT_MAP.set(q, '"');
for (const q of '‘’′') VARIANT_MAP.set(q, "'");
/**
 * Every character the map changes, by UTF-16 code (all are single BMP characters): a table lookup
 * per character. A regex class of these ~400 characters scanned at about 20 ns a character in
 * Chromium, most of `fold`'s cost on a page that has none of them.
 */
const VARIANT_CODES = new Uint16Array(0x10000);
for (const [from, to] of VARIANT_MAP) VARIANT_CODES[from.charCodeAt(0)] = to.charCodeAt(0);

function mapVariants(text: string): string {
  let i = 0;
  while (i < text.length && VARIANT_CODES[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  let from = i;
  for (; i < text.length; i++) {
    const to = VARIANT_CODES[text.charCodeAt(i)]!;
    if (to === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * Characters besides ASCII and the CJK ideographs that fold leaves as they are (NFKC keeps them and
 * the variant map has none of them; the property tests hold each to both) and that reports print all
 * the time: 、。〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟, dashes, the middle dot, ×÷±°§‰※, arrows,
 * √, ★☆, check boxes and the geometric shapes of bullets. A text already normalized (a paragraph's
 * matching copy) is made of these, ASCII and ideographs, and is folded again for its key.
 */
const UNCHANGED = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x3001, 0x301f],
  [0x2010, 0x2010],
  [0x2013, 0x2016],
  [0x2022, 0x2022],
  [0x2030, 0x2030],
  [0x203b, 0x203b],
  [0x2190, 0x2193],
  [0x221a, 0x221a],
  [0x25a0, 0x25ff],
  [0x2605, 0x2606],
  [0x2610, 0x2611],
  [0xa7, 0xa7],
  [0xb0, 0xb1],
  [0xb7, 0xb7],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
] as const)
  for (let k = from; k <= to; k++) if (VARIANT_CODES[k] === 0) UNCHANGED[k] = 1;

/**
 * Does fold map this character to one character by itself, never to a sentence or clause mark it was
 * not, and never to nothing? ASCII but the carriage return, the CJK ideographs, UNCHANGED's
 * punctuation, full-width ASCII, the ideographic space and the curly quotes do; NFKC or the zero-width
 * removal may make anything else a mark (｡ → 。, ︔ → ;, ‼ → !!) or nothing.
 */
export const foldsAlone = (k: number): boolean =>
  (k < 0x80 && k !== 13) ||
  (k >= 0x4e00 && k <= 0x9fff) ||
  UNCHANGED[k] === 1 ||
  (k >= 0xff01 && k <= 0xff5e) ||
  k === 0x3000 ||
  k === 0x2018 ||
  k === 0x2019 ||
  k === 0x201c ||
  k === 0x201d;

/** 覆 of 反覆, the one word variant whose characters the variant map does not already flag. */
const FU = 0x8986;

/**
 * How fold treats a text made only of what reports are mostly made of — ASCII, CJK ideographs that
 * are no variant, UNCHANGED's characters, the full-width forms of ASCII and the ideographic space: 'same'
 * (nothing changes), 'wide' (only the full-width forms and the space change, each to its ASCII
 * character, which is all NFKC does to them), or 'other' (NFKC and the variant map are needed).
 * NFKC is a call into ICU that costs about as much on text it leaves alone as on text it changes,
 * and labels and cells are folded often.
 */
function foldKind(text: string): 'same' | 'wide' | 'other' {
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (k < 0x80) continue;
    if (k >= 0x4e00 && k <= 0x9fff) {
      if (VARIANT_CODES[k] !== 0 || k === FU) return 'other';
    } else if ((k >= 0xff01 && k <= 0xff5e) || k === 0x3000) wide = true;
    else if (UNCHANGED[k] === 0) return 'other';
  }
  return wide ? 'wide' : 'same';
}

/** Full-width ASCII forms and the ideographic space as NFKC writes them. */
function narrowWide(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    const to = k === 0x3000 ? 0x20 : k >= 0xff01 && k <= 0xff5e ? k - 0xfee0 : 0;
    if (to === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * text.normalize('NFKC'), without the call into ICU for text made only of what foldKind knows NFKC
 * leaves alone or narrows (a variant character is left to NFKC, which keeps it).
 */
export function nfkc(text: string): string {
  const kind = foldKind(text);
  return kind === 'same' ? text : kind === 'wide' ? narrowWide(text) : text.normalize('NFKC');
}

/** NFKC plus the CJK variant map; spacing kept. Runs over whole pages, so it stays one pass per step. */
export function fold(text: string): string {
  const kind = foldKind(text);
  if (kind === 'same') return text;
  if (kind === 'wide') return narrowWide(text);
  let out = text.normalize('NFKC').replace(ZERO_WIDTH, '');
  // every word variant holds 資 or 覆: most texts have neither, and are not searched for them
  if (out.includes('資') || out.includes('覆'))
    for (const [re, to] of WORD_VARIANTS) out = out.replace(re, to);
  return mapVariants(out);
}

/** Label key: folded, with every space, quote and bracket style removed. */
const LABEL_NOISE = /[\s"'「」『』]/;

/** The brackets labelKey drops besides spaces and ASCII quotes: 「」『』. */
const isCornerBracket = (k: number): boolean => k >= 0x300c && k <= 0x300f;

export function labelKey(text: string): string {
  // One pass over text made of what fold leaves as it is or only narrows (foldKind's 'same' and
  // 'wide'): its noise dropped and full-width forms narrowed on the way, a slice at a time. Anything
  // else (a variant, a curly quote, a character NFKC may change) takes fold and the regexes.
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (k < 0x80) {
      if (k === 34 || k === 39 || isSpace(k)) {
        out += text.slice(from, i);
        from = i + 1;
      }
    } else if (k >= 0x4e00 && k <= 0x9fff) {
      if (VARIANT_CODES[k] !== 0 || k === FU) return foldedLabelKey(text);
    } else if (isSpace(k) || isCornerBracket(k)) {
      // NFKC makes the no-break and other spaces a space, and keeps the brackets: dropped alike
      out += text.slice(from, i);
      from = i + 1;
    } else if (k >= 0xff01 && k <= 0xff5e) {
      const narrow = k - 0xfee0;
      out += text.slice(from, i) + (narrow === 34 || narrow === 39 ? '' : String.fromCharCode(narrow));
      from = i + 1;
    } else if (UNCHANGED[k] === 0) return foldedLabelKey(text);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** labelKey the long way: fold, then spaces, quotes and corner brackets removed. */
function foldedLabelKey(text: string): string {
  const folded = fold(text);
  if (!LABEL_NOISE.test(folded)) return folded;
  return folded.replace(/\s+/g, '').replace(/["'「」『』]/g, '');
}

/** labelKey as fold and the regexes give it, for the property test that holds the one pass to it. */
export const labelKeyByFold = foldedLabelKey;

/** What /\s/ matches, by code point. */
export const isSpace = (k: number): boolean =>
  (k >= 9 && k <= 13) ||
  k === 32 ||
  k === 0xa0 ||
  k === 0x1680 ||
  (k >= 0x2000 && k <= 0x200a) ||
  k === 0x2028 ||
  k === 0x2029 ||
  k === 0x202f ||
  k === 0x205f ||
  k === 0x3000 ||
  k === 0xfeff;

/** Anything cleanText would change: whitespace (also at the ends) or a zero-width character. */
const NEEDS_CLEANING = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Is the text only whitespace and zero-width characters (what cleanText removes entirely)? */
function onlySpaces(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (!isSpace(k) && !(k >= 0x200b && k <= 0x200d) && k !== 0x2060 && k !== 0x00ad) return false;
  }
  return true;
}

/** Collapse runs of whitespace (incl. &nbsp; and ideographic space) for display. */
export function cleanText(text: string): string {
  // most texts (a cell's number, a label) have nothing to clean
  if (!NEEDS_CLEANING.test(text)) return text;
  // the next commonest are blank cells (&nbsp;, an ideographic space): nothing is left of them
  if (onlySpaces(text)) return '';
  return text
    .replace(ZERO_WIDTH, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 二〇二一 → 2021, 十二 → 12, 一百零五 → 105, 三万五千 → 35000; null if not a numeral. */
export function chineseToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s) return null;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s) && !/^零/.test(s)) {
    // digit-by-digit (years)
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else if (c in BIG_UNITS) {
      section += digit ?? 0;
      total += (section || 1) * BIG_UNITS[c]!;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

const ORDINAL =
  /^(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|第[一二三四五六七八九十\d]+[项条部分]?)\s*/;

/** The label without its leading ordinal ((一), 一、, 1., 1、). */
export function stripOrdinal(label: string): string {
  return label.replace(ORDINAL, '');
}
