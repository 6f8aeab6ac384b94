import { claimParts } from '../report/claims';
import type { Claim } from '../report/model';
import { fmtNum } from './lib/cells';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-03: a breakdown by category with shares ("196 个信件中：城建物业类 51 件，占比 26%；…") closes:
// the category counts add up to the stated total, and the shares to 100 % give or take half a
// point per category (each share is rounded).

export const ari03: Rule = {
  id: 'ARI-03',
  spec: 'ARI-03',
  severity: 'warning',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '分类统计的件数与占比闭合',
    en: 'A breakdown by category closes (counts and shares)',
  },
  description: {
    zh: '正文按类别列出件数和占比时，各类件数之和应等于所述总数，各类占比之和应为 100%（每类允许 0.5 个百分点的四舍五入误差）。',
    en: 'When the text breaks a total down by category with counts and shares, the counts must add up to the stated total and the shares to 100 % (half a point of rounding per category).',
  },
  messages: {
    counts: {
      zh: '{total} 中各类件数 {parts} = {sum}，与总数相差 {gap}',
      en: 'Of {total}, the categories {parts} add up to {sum}, off by {gap}',
    },
    shares: {
      zh: '各类占比 {shares} 合计 {sum}%，与 100% 相差超过 {k}×0.5 个百分点',
      en: 'The shares {shares} add up to {sum}%, more than {k}×0.5 points from 100%',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    const shareClaims = claimsOf(model, 'rate').filter((c) => c.subject === '占比');
    for (const c of claimsOf(model, 'totalWithParts')) {
      if (!c.qualifiers.includes('shares')) continue;
      const total = c.numbers.total;
      const parts = claimParts(c).map((p) => p.n);
      if (!total || parts.length < 2) continue;
      const sum = parts.reduce((s, n) => s + n.value, 0);
      const place = () => claimPlace(model, c, 'counts');
      out.push(
        admits(total, sum) || (!total.range && parts.some((p) => p.range))
          ? { outcome: 'pass' }
          : {
              outcome: 'fail',
              messageId: 'counts',
              data: {
                total: shown(total),
                parts: parts.map(shown).join(' + '),
                sum: fmtNum(sum),
                gap: fmtNum(Math.abs(total.value - sum)),
              },
              cells: [],
              sentence: sentenceOf(c),
              expected: total.value,
              actual: sum,
              place: place(),
            },
      );
    }
    // shares grouped by paragraph and stated total
    const groups = new Map<string, Claim[]>();
    for (const c of shareClaims) {
      const d = c.numbers.denominator;
      if (!d || !c.numbers.percent) continue;
      const key = `${c.paragraph}|${d.value}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const [key, cs] of groups) {
      if (cs.length < 2) continue;
      const k = cs.length;
      const sum = cs.reduce((s, c) => s + c.numbers.percent!.value, 0);
      // a partial list (no 其他 and counts short of the total) need not reach 100 %
      const counts = cs.reduce((s, c) => s + (c.numbers.numerator?.value ?? 0), 0);
      const exhaustive =
        counts === cs[0]!.numbers.denominator!.value ||
        cs.some((c) => c.qualifiers.some((q) => /其他|其它/.test(q)));
      if (!exhaustive) continue;
      const place = `shares/${key}`;
      const first = cs[0]!;
      const last = cs[cs.length - 1]!;
      out.push(
        Math.abs(sum - 100) <= k * 0.5 + 1e-9
          ? { outcome: 'pass', place }
          : {
              outcome: 'fail',
              messageId: 'shares',
              data: { shares: cs.map((c) => shown(c.numbers.percent!)).join(' + '), sum: fmtNum(sum), k },
              cells: [],
              sentence:
                first.sentence === last.sentence
                  ? sentenceOf(first)
                  : { paragraph: first.paragraph, text: last.sentence },
              expected: 100,
              actual: sum,
              place,
            },
      );
    }
    return out;
  },
};
