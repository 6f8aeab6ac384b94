import { claimExtra, claimParts } from '../report/claims';
import type { Claim, TextNumber } from '../report/model';
import { fmtNum } from './lib/cells';
import { claimPlace, claimsOf, interval, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-01: "共 T … 其中 a；b；c" in the text (report-formats.md ARI-01).
// - Parts above the total: an error when the list is unambiguously that total's breakdown (其中 /
//   分别为, exact figures); after 涉及/包括, which may name other things, a warning.
// - Parts below the total are normal (reports list only some parts), unless the list presents
//   itself as complete (ends in 等/其他, 分别为, or covers a closed set such as 自然人 + 法人或其他
//   组织): then a warning with the gap. Never an error: a short list may be a sample.
// - Approximate figures (余/约/多/近): the point sum may be off by ≤ 0.5 %; beyond that, a warning
//   that explains the intervals and whether an adjacent 同时/另 figure closes the gap.
// - A part larger than the total means the list is not a breakdown of it (warning).

const TOLERANCE = 0.005;

const hi = (n: TextNumber): number => interval(n)[1];
const lo = (n: TextNumber): number => interval(n)[0];
const pctOf = (x: number): string => `${Number((x * 100).toFixed(2))}%`;

function intervalWords(total: TextNumber, parts: TextNumber[]): { zh: string; en: string } {
  const sLo = parts.reduce((s, p) => s + lo(p), 0);
  const sHi = parts.reduce((s, p) => s + hi(p), 0);
  const [tLo, tHi] = interval(total);
  const range = (a: number, b: number, open: boolean) => `[${fmtNum(a)}, ${fmtNum(b)}${open ? ')' : ']'}`;
  const sOpen = parts.some((p) => p.range);
  const tOpen = !!total.range;
  const head = {
    zh: `按区间：分项之和在 ${range(sLo, sHi, sOpen)}，总数在 ${range(tLo, tHi, tOpen)}`,
    en: `As intervals: the parts add up to ${range(sLo, sHi, sOpen)}, the total is ${range(tLo, tHi, tOpen)}`,
  };
  const overlap = sLo < tHi && tLo < sHi;
  if (!overlap) return { zh: `${head.zh}，两者不相交`, en: `${head.en}; they do not overlap` };
  if (sLo >= tLo) return { zh: `${head.zh}，两者相交`, en: `${head.en}; they overlap` };
  // which approximate part must be how large for the parts to reach the total
  const widest = parts.reduce((best, p) => (hi(p) - lo(p) > hi(best) - lo(best) ? p : best), parts[0]!);
  const need = tLo - (sHi - hi(widest));
  if (widest.range && need > lo(widest))
    return {
      zh: `${head.zh}，仅当“${shown(widest)}”实为 ${fmtNum(Math.ceil(need))} 以上时二者才可能一致`,
      en: `${head.en}; they can agree only if "${shown(widest)}" is really ${fmtNum(Math.ceil(need))} or more`,
    };
  return { zh: `${head.zh}，两者相交`, en: `${head.en}; they overlap` };
}

/** Parts 1…k that add up to the total exactly, when a later part breaks the breakdown. */
function prefixMatching(total: number, parts: TextNumber[]): number {
  let s = 0;
  for (let i = 0; i < parts.length; i++) {
    s += parts[i]!.value;
    if (s === total) return i + 1;
  }
  return 0;
}

export const ari01: Rule = {
  id: 'ARI-01',
  spec: 'ARI-01',
  severity: 'error',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '正文“共……其中……”的分项之和等于总数',
    en: 'Parts listed after 其中 add up to the stated total',
  },
  description: {
    zh: '正文给出总数并用“其中”列出分项时，精确数的分项之和不得超过总数（错误；“涉及、包括”后的列举为警告）；分项之和小于总数属正常（只列部分类别），但列举看来完整（以“等、其他”结尾、写明“分别为”或列全所有类别）时给出警告。含“余、约、多、近”等约数时，按点值之和与总数相差超过 0.5% 或某一分项大于总数的，给出警告并说明区间分析。',
    en: 'When the text gives a total and lists its parts after 其中, exact parts must not add up to more than the total (error; a warning after 涉及/包括). Parts below the total are normal (only some categories listed), except when the list looks complete (ends in 等/其他, says 分别为, or names every category): then a warning. With approximate figures (余, 约, 多, 近) a point-sum gap above 0.5 %, or a part larger than the total, is a warning with the interval analysis.',
  },
  messages: {
    sum: {
      zh: '共 {total}，但分项 {parts} = {sum}（差 {gap}）',
      en: 'Total {total}, but the parts {parts} add up to {sum} (off by {gap})',
    },
    approx: {
      zh: '共 {total}，分项 {parts} 合计 {sum}，差 {gap}（{rel}）。{interval}{extra}',
      en: 'Total {total}; the parts {parts} add up to {sum}, off by {gap} ({rel}). {interval}{extra}',
    },
    incomplete: {
      zh: '共 {total}，分项 {parts} 合计 {sum}，少 {gap}；该列举看来是完整的（以“等/其他”结尾、写明“分别为”或列全了所有类别）',
      en: 'Total {total}, but the parts {parts} add up to {sum}, {gap} short; the list looks complete (it ends in 等/其他, says 分别为, or names every category)',
    },
    exceeds: {
      zh: '共 {total}，但分项“{part}”{value} 大于总数（分项合计 {sum}）{prefix}，这些分项可能并非总数的组成部分',
      en: 'Total {total}, but the part "{part}" {value} exceeds it (parts add up to {sum}){prefix}; these parts may not be a breakdown of the total',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'totalWithParts')) {
      if (c.qualifiers.includes('shares')) continue; // ARI-03
      const total = c.numbers.total;
      const parts = claimParts(c);
      if (!total || parts.length === 0) continue;
      out.push(evaluateTotal(model, c, total, parts));
    }
    return out;
  },
};

function evaluateTotal(
  model: Parameters<Rule['evaluate']>[0],
  c: Claim,
  total: TextNumber,
  parts: ReturnType<typeof claimParts>,
): Evaluation {
  const place = () => claimPlace(model, c);
  const sentence = sentenceOf(c);
  const nums = parts.map((p) => p.n);
  const approx = !!total.range || nums.some((n) => n.range);
  const sum = nums.reduce((s, n) => s + n.value, 0);
  const partsWords = nums.map(shown).join(' + ');
  const base = { total: shown(total), parts: partsWords, sum: fmtNum(sum) };

  const over = parts.find((p) => lo(p.n) >= hi(total) && p.n.value > total.value);
  if (over) {
    const k = prefixMatching(total.value, nums);
    const prefix =
      k > 0 && k < nums.length
        ? {
            zh: `；前 ${k} 项 ${nums.slice(0, k).map(shown).join(' + ')} 恰为 ${fmtNum(total.value)}`,
            en: `; the first ${k} (${nums.slice(0, k).map(shown).join(' + ')}) make exactly ${fmtNum(total.value)}`,
          }
        : { zh: '', en: '' };
    return {
      outcome: 'fail',
      messageId: 'exceeds',
      severity: 'warning',
      data: { ...base, part: over.label, value: shown(over.n), prefix_zh: prefix.zh, prefix_en: prefix.en },
      cells: [],
      sentence,
      expected: total.value,
      actual: sum,
      place: place(),
    };
  }
  if (c.qualifiers.includes('subset') || c.qualifiers.includes('等')) return { outcome: 'pass' };

  const complete = c.qualifiers.includes('complete');
  if (!approx) {
    if (sum === total.value) return { outcome: 'pass' };
    if (sum < total.value && !complete) return { outcome: 'pass' }; // a partial list
    // a list is that total's own breakdown after 其中 / 分别为 / "N 个 X 中:"; after 涉及 or 包括
    // it may name other things too
    const sure = sum > total.value && ['其中', '中', '分别为'].some((q) => c.qualifiers.includes(q));
    return {
      outcome: 'fail',
      messageId: sum > total.value ? 'sum' : 'incomplete',
      ...(sure ? {} : { severity: 'warning' as const }),
      data: { ...base, gap: fmtNum(Math.abs(total.value - sum)) },
      cells: [],
      sentence,
      expected: total.value,
      actual: sum,
      place: place(),
    };
  }
  const gap = total.value - sum;
  if (gap > 0 && !complete) return { outcome: 'pass' }; // a partial list
  const rel = total.value === 0 ? Number.POSITIVE_INFINITY : Math.abs(gap) / total.value;
  if (rel <= TOLERANCE) return { outcome: 'pass' };
  const words = intervalWords(total, nums);
  const extra = claimExtra(c);
  let extraWords = { zh: '', en: '' };
  if (extra) {
    const with2 = sum + extra.n.value;
    const gap2 = total.value - with2;
    if (Math.abs(gap2) < Math.abs(gap))
      extraWords = {
        zh: `；加上紧随其后的“${extra.label} ${shown(extra.n)}”为 ${fmtNum(with2)}，差 ${fmtNum(Math.abs(gap2))}`,
        en: `; adding the figure right after it ("${extra.label}" ${shown(extra.n)}) gives ${fmtNum(with2)}, off by ${fmtNum(Math.abs(gap2))}`,
      };
  }
  return {
    outcome: 'fail',
    messageId: 'approx',
    severity: 'warning',
    data: {
      ...base,
      gap: fmtNum(Math.abs(gap)),
      rel: pctOf(rel),
      interval_zh: words.zh,
      interval_en: words.en,
      extra_zh: extraWords.zh,
      extra_en: extraWords.en,
    },
    cells: [],
    sentence,
    expected: total.value,
    actual: sum,
    place: place(),
  };
}
