import type { Paragraph, ReportModel, TableId } from '../../report/model';
import { cellAddress } from '../../report/model';
import { isGuess } from '../lib/cells';
import { prose } from '../lib/text';
import { compact, otherData, quote } from './lib';
import type { CrossYearRule, XyrEvaluation } from './types';

// 内容雷同 (国办公开办函〔2021〕30号 一(四); the 2011 东莞统计局 case): three signals, each its own
// finding (place text / numbers / year) so a reviewer can dismiss one and keep another.
// - text: Jaccard similarity of 4-character shingles of the narrative, headings left out and
//   numbers masked (a copy with this year's numbers typed in is still a copy); ≥ 0.9 fires.
// - numbers: ≥ 80 % of this year's non-zero table numbers equal last year's at the same cell;
//   columns that carry over by definition (上一年项目数量, 对外公开总数量, 现行有效件数) and guessed
//   cells do not count; at least 5 non-zero cells.
// - year: the text still says last year as if it were this one (统计期限 2020年1月1日…, 截至2020年底,
//   a paragraph opening 2020年，我局…) in the 2021 report. Needs only this year's report.

export const TEXT_THRESHOLD = 0.9;
export const NUMBERS_THRESHOLD = 0.8;
const MIN_TEXT = 200;
const MIN_NONZERO = 5;
const SHINGLE = 4;
const CARRY_COLS = new Set(['prevItems', 'totalPublic', 'valid']);
const TABLES: TableId[] = ['active', 'applications', 'reviews', 'legacy'];

/** Narrative text for comparison: folded, no spaces or punctuation, every number written 0. */
export const comparable = (text: string): string =>
  compact(text)
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\d+(?:\.\d+)?/g, '0');

export function shingles(text: string, k = SHINGLE): Set<string> {
  const out = new Set<string>();
  if (text.length <= k) {
    if (text) out.add(text);
    return out;
  }
  for (let i = 0; i + k <= text.length; i++) out.add(text.slice(i, i + k));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface TextSimilarity {
  /** Jaccard of the whole narratives */
  score: number;
  /** this year's paragraphs (of 20+ characters) with a ≥ 0.9 match last year */
  copied: Paragraph[];
  paragraphs: number;
}

export function textSimilarity(current: ReportModel, previous: ReportModel): TextSimilarity | null {
  const cur = prose(current);
  const prev = prose(previous);
  const a = comparable(cur.map((p) => p.text).join(''));
  const b = comparable(prev.map((p) => p.text).join(''));
  if (a.length < MIN_TEXT || b.length < MIN_TEXT) return null;
  const prevSets = prev.map((p) => shingles(comparable(p.text)));
  const long = cur.filter((p) => comparable(p.text).length >= 20);
  const copied = long.filter((p) => {
    const s = shingles(comparable(p.text));
    return prevSets.some((q) => jaccard(s, q) >= TEXT_THRESHOLD);
  });
  return { score: jaccard(shingles(a), shingles(b)), copied, paragraphs: long.length };
}

export interface NumberSimilarity {
  same: string[];
  nonZero: number;
}

export function numberSimilarity(current: ReportModel, previous: ReportModel): NumberSimilarity {
  const same: string[] = [];
  let nonZero = 0;
  for (const table of TABLES) {
    const rows = current.tables[table];
    const prevRows = previous.tables[table];
    if (!rows) continue;
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, cell] of Object.entries(cols)) {
        if (CARRY_COLS.has(col) || cell.value === null || cell.value === 0 || isGuess(cell)) continue;
        nonZero++;
        const other = prevRows?.[row]?.[col];
        if (other && !isGuess(other) && other.value === cell.value) same.push(cellAddress(table, row, col));
      }
    }
  }
  return { same, nonZero };
}

export interface StaleYear {
  paragraph: Paragraph;
  sentence: string;
}

/** The first place the text speaks of year − 1 as the year reported on, or null. */
export function staleYear(model: ReportModel): StaleYear | null {
  if (model.year === null) return null;
  const y = model.year;
  const p = y - 1;
  const paras = prose(model);
  const texts = paras.map((x) => compact(x.text));
  const all = texts.join('。');
  const patterns: RegExp[] = [
    new RegExp(`(本报告|现公布|现予公布|特此公布|编制)[^。]{0,20}${p}年度?[^。]{0,12}年度报告`),
    new RegExp(`统计(期限|期|时限|时间|区间)[^。]{0,12}${p}年1月1日`),
    new RegExp(`自${p}年1月1日(起)?至${p}年12月31日`),
  ];
  if (!new RegExp(`截[至止]到?${y}年(底|末|年底|12月31日)`).test(all)) {
    patterns.push(new RegExp(`截[至止]到?${p}年(底|末|年底|12月31日)`));
  }
  if (!texts.some((t) => t.startsWith(`${y}年`))) {
    patterns.push(
      new RegExp(`^${p}年[，,]`),
      new RegExp(`^${p}年(我|本)(局|县|区|市|委|办|单位|机关|园区|中心|厅|镇|乡|街道|部门|公司|管委会)`),
    );
  }
  for (let i = 0; i < paras.length; i++) {
    for (const re of patterns) {
      if (!re.test(texts[i]!)) continue;
      const para = paras[i]!;
      const sentences = para.text.split(/(?<=[。；;！？!?])/);
      const sentence = sentences.find((s) => re.test(compact(s))) ?? sentences[0] ?? para.text;
      return { paragraph: para, sentence: sentence.trim() };
    }
  }
  return null;
}

const pct = (x: number): number => Math.round(x * 100);

export const xyr06: CrossYearRule = {
  id: 'XYR-06',
  spec: 'XYR-06',
  severity: 'warning',
  formats: {
    previous: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
    current: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  },
  needsPrevious: false,
  title: {
    zh: '内容雷同：与上一年度报告过于相似',
    en: "Copy-paste: too close to last year's report",
  },
  description: {
    zh: '国办公开办函〔2021〕30号要求杜绝“内容雷同”。正文与上一年度相似度达 90%、表格非零数字八成以上与上一年度相同，或正文仍把上一年当作本年度，均提示警告。',
    en: "国办公开办函〔2021〕30号 forbids copied reports. A narrative 90 % similar to last year's, 80 % or more of the non-zero table numbers equal to last year's, or a text that still speaks of last year as the year reported on each give a warning.",
  },
  messages: {
    text: {
      zh: '正文与上一年度报告{other}的相似度为 {score}%（≥ 90%），{copied}/{paragraphs} 段几乎相同，如：“{example}”',
      en: "The narrative is {score}% similar to last year's report {other} (≥ 90%); {copied} of {paragraphs} paragraphs are nearly the same, e.g. “{example}”",
    },
    numbers: {
      zh: '表格中 {same}/{nonZero} 个非零数字（{share}%）与上一年度报告{other}同一单元格完全相同',
      en: "{same} of {nonZero} non-zero table numbers ({share}%) are identical to last year's report {other} in the same cells",
    },
    year: {
      zh: '这是 {year} 年度的报告，正文却仍把 {prevYear} 年当作本年度：“{sentence}”',
      en: 'This is the {year} report, yet the text still speaks of {prevYear} as the year reported on: “{sentence}”',
    },
  },
  evaluate(current, ctx) {
    const out: XyrEvaluation[] = [];
    const previous = ctx.previous;
    if (previous) {
      const text = textSimilarity(current, previous);
      if (text && text.score >= TEXT_THRESHOLD) {
        const example = text.copied[0]?.text ?? prose(current)[0]?.text ?? '';
        out.push({
          outcome: 'fail',
          messageId: 'text',
          data: {
            ...otherData(ctx.previousRef),
            score: pct(text.score),
            copied: text.copied.length,
            paragraphs: text.paragraphs,
            example: quote(example.trim()),
          },
          cells: [],
          ...(text.copied[0]
            ? { sentence: { paragraph: text.copied[0].id, text: text.copied[0].text } }
            : {}),
          place: 'text',
        });
      } else if (text) out.push({ outcome: 'pass', place: 'text' });

      const nums = numberSimilarity(current, previous);
      if (nums.nonZero >= MIN_NONZERO) {
        if (nums.same.length / nums.nonZero >= NUMBERS_THRESHOLD) {
          out.push({
            outcome: 'fail',
            messageId: 'numbers',
            data: {
              ...otherData(ctx.previousRef),
              same: nums.same.length,
              nonZero: nums.nonZero,
              share: pct(nums.same.length / nums.nonZero),
            },
            cells: nums.same,
            place: 'numbers',
          });
        } else out.push({ outcome: 'pass', place: 'numbers' });
      }
    }
    if (current.year !== null) {
      const stale = staleYear(current);
      if (stale) {
        const data: Record<string, string | number> = {
          year: current.year,
          prevYear: current.year - 1,
          sentence: quote(stale.sentence, 80),
        };
        out.push({
          outcome: 'fail',
          messageId: 'year',
          data,
          cells: [],
          sentence: { paragraph: stale.paragraph.id, text: stale.sentence },
          place: 'year',
        });
      } else out.push({ outcome: 'pass', place: 'year' });
    }
    return out;
  },
};
