import type { NumberToken, Span } from '../text-numbers';
import { isCount } from '../text-numbers';
import { type Ctx, labelBefore, numbersIn } from './context';

// Lists of figures after 其中 / 涉及 / 包括 / 分别为 (report-formats.md ARI-01): items separated by
// 、，；, each a short "label + number + unit". A list ends
// - at the end of its sentence or of the parenthesis it opened in;
// - where its separator grows: items joined by ， that meet a ； (the ； closes the clause:
//   "其中自然人741件，法人或其他组织8件；共办理718件");
// - at a new total or an aside (共/合计/总计/累计/另/同时/此外), or a new predicate: an item that
//   opens with a verb of handling (受理/收到/办理/办结/答复…) that the total's own clause does not use.

export interface Item extends Span {
  /** the separator that ended the item: ',' ';' or '' (end of the range or a closing parenthesis) */
  sep: string;
}

/**
 * Items of a list, one at a time (a reader that stops early never splits the rest of the
 * sentence): split at , ; (depth 0 of parentheses); stops at a closing parenthesis of depth < 0.
 */
export function* eachItem(text: string, from: number, to: number): Generator<Item> {
  let depth = 0;
  let start = from;
  let k = from;
  for (; k < to; k++) {
    const c = text[k]!;
    if (c === '(' || c === '《') depth++;
    else if (c === ')' || c === '》') {
      depth--;
      if (depth < 0) break;
    } else if (depth === 0 && (c === ',' || c === ';')) {
      if (k > start) yield { start, end: k, sep: c };
      start = k + 1;
    }
  }
  if (k > start) yield { start, end: k, sep: '' };
}

/** All the items of text[from, to) (see eachItem). */
export const listItems = (text: string, from: number, to: number): Item[] => [...eachItem(text, from, to)];

export interface Part {
  tok: NumberToken;
  label: string;
  end: number;
}

// an item may open with when or who before its verb: 本年度办理… / 2021年共办理… / 本机关答复…
const OPENER = String.raw`(?:\d{4}年度?|本年度?|全年|年内|今年|本机关|本单位|我单位)?,?`;
const NEW_TOTAL = new RegExp(
  `^${OPENER}(?:并|且|还|已)?(?:共|合计|总计|累计|共计|另外|另有|另|同时|此外|以上)`,
);
const PREDICATE = new RegExp(
  `^${OPENER}(?:并|且|还|已|均已|共)?(受理|收到|接收|接到|新收|办理|办结|答复|转办|审结)`,
);
const rank = (sep: string): number => (sep === ';' ? 2 : sep === ',' ? 1 : 0);

export interface ReadList {
  parts: Part[];
  end: number;
  /** why the list stopped early, when it did: 'separator' | 'total' | 'predicate' */
  stop?: string;
}

/**
 * The parts of the list in text[from, to), of one unit. `totalClause` is the text of the total's
 * clause up to the total, whose verbs may recur in the items (共发布… 其中政府网站发布…).
 */
export function readParts(
  ctx: Ctx,
  from: number,
  to: number,
  unit: string | undefined,
  totalClause = '',
): ReadList {
  const t = ctx.t;
  const parts: Part[] = [];
  let end = from;
  let level = 0; // the separator between the parts so far (rank)
  let gap = 0; // the strongest separator since the last part
  let stop: string | undefined;
  for (const it of eachItem(t, from, to)) {
    const body = t.slice(it.start, it.end);
    if (!/\d/.test(body)) {
      if (parts.length > 0 && /[,;]/.test(t[it.start - 1] ?? '')) break; // the list is over
      gap = Math.max(gap, rank(it.sep));
      continue;
    }
    if (NEW_TOTAL.test(body)) {
      stop = 'total';
      break;
    }
    const verb = PREDICATE.exec(body)?.[1];
    if (verb && !totalClause.includes(verb)) {
      stop = 'predicate';
      break;
    }
    if (/比上|较上|同比/.test(body)) {
      gap = Math.max(gap, rank(it.sep));
      continue;
    }
    // 41个单位公开41条、本部门决算1条、部门决算汇总公开1条: several parts in one item
    const found: Part[] = [];
    let subStart = it.start;
    for (let k = it.start; k <= it.end; k++) {
      if (k < it.end && t[k] !== '、') continue;
      const toks = numbersIn(ctx, subStart, k).filter(
        (x) => isCount(x) && (unit === undefined || x.unit === unit),
      );
      const tok = toks[toks.length - 1];
      if (tok) found.push({ tok, label: labelBefore(t, subStart, tok.start), end: it.end });
      subStart = k + 1;
    }
    if (found.length === 1) found[0]!.label = labelBefore(t, it.start, found[0]!.tok.start);
    if (found.length === 0) {
      gap = Math.max(gap, rank(it.sep));
      continue;
    }
    if (parts.length > 0) {
      if (level === 0) level = gap;
      else if (gap > level) {
        stop = 'separator';
        break;
      }
    }
    parts.push(...found);
    end = it.end;
    gap = rank(it.sep);
  }
  return { parts, end, ...(stop ? { stop } : {}) };
}

/** The unit most items of text[from, to) end in (for "N 个 X 中:" lists, whose total counts another thing). */
export function majorityUnit(ctx: Ctx, from: number, to: number): string | undefined {
  const counts = new Map<string, number>();
  for (const it of eachItem(ctx.t, from, to)) {
    const toks = numbersIn(ctx, it.start, it.end).filter((x) => isCount(x) && x.unit);
    const last = toks[toks.length - 1];
    if (last?.unit) counts.set(last.unit, (counts.get(last.unit) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [u, c] of counts) {
    if (c > n) {
      best = u;
      n = c;
    }
  }
  return best;
}

// ── Closed sets: lists that present themselves as complete ────────────────────

/** T3 applicant columns a label names unambiguously (LEGAL: all 法人或其他组织 columns). */
export const APPLICANT_LABELS: [RegExp, string][] = [
  [/自然人|公民个人|个人申请/, 'NP'],
  [/法人(?:或者?|和|及|与|、)?(?:其他|非法人)组织|法人组织|^法人(?:申请)?$/, 'LEGAL'],
  [/商业企业|企业/, 'BIZ'],
  [/科研机构/, 'RES'],
  [/社会公益组织/, 'SOC'],
  [/法律服务机构|律师事务所/, 'LEG'],
];

/** The T3 applicant column of a part's label, when it names one. */
export function applicantOf(label: string): string | undefined {
  for (const [re, key] of APPLICANT_LABELS) if (re.test(label)) return key;
  return undefined;
}

const OUTCOME_SET: RegExp[] = [/予以公开|部分公开/, /不予公开/, /无法提供/, /不予处理/, /其他处理/];

/**
 * A list presents itself as complete when it ends in 等/其他/其余, when it is introduced by
 * 分别为, or when it covers a closed set (自然人 + 法人或其他组织; every kind of outcome of 表三).
 */
export function looksComplete(labels: string[], marker: string): boolean {
  if (marker === '分别为') return true;
  const last = labels[labels.length - 1] ?? '';
  if (/等|其他|其余|其它/.test(last) && !/其他处理/.test(last)) return true;
  const kinds = new Set(labels.map(applicantOf));
  if (kinds.has('NP') && kinds.has('LEGAL')) return true;
  if (kinds.has('NP') && ['BIZ', 'RES', 'SOC', 'LEG'].every((k) => kinds.has(k))) return true;
  return OUTCOME_SET.every((re) => labels.some((l) => re.test(l)));
}
