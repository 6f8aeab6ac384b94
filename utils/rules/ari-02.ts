import type { Claim, ReportModel, TextNumber } from '../report/model';
import { fmtNum } from './lib/cells';
import { claimPlace, claimsOf, interval, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-02: a rate stated next to its numerator and denominator (办结率 96.4% … 已办结 189 件 … 共收到
// 196 件; 占比 26% after 51 件 of 196) must be their ratio, rounded or truncated to the decimals shown.

/** Tolerance of a printed percentage: half a unit of its last decimal. */
const tolerance = (p: TextNumber): number => {
  const d = /\.(\d+)/.exec(p.raw)?.[1]?.length ?? 0;
  return 0.5 * 10 ** -d + 1e-9;
};
const decimals = (p: TextNumber): number => /\.(\d+)/.exec(p.raw)?.[1]?.length ?? 0;

function agrees(p: TextNumber, a: TextNumber, b: TextNumber): boolean {
  const [aLo, aHi] = interval(a);
  const [bLo, bHi] = interval(b);
  if (bHi <= 0) return false;
  const rMin = (100 * aLo) / bHi;
  const rMax = bLo > 0 ? (100 * aHi) / bLo : Number.POSITIVE_INFINITY;
  const tol = tolerance(p);
  if (p.value >= rMin - tol && p.value <= rMax + tol) return true;
  // truncated instead of rounded
  const f = 10 ** decimals(p);
  return !a.range && !b.range && Math.floor(((100 * a.value) / b.value) * f + 1e-9) / f === p.value;
}

export const ari02: Rule = {
  id: 'ARI-02',
  spec: 'ARI-02',
  severity: 'warning',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '正文比率与其分子分母相符',
    en: 'Rates in the text agree with their numerator and denominator',
  },
  description: {
    zh: '正文“××率 p%”“占比 p%”与同句（或上一句）给出的分子、分母重新计算后应一致（按所示小数位四舍五入或截断）。句中给出几个可能的总数时，任一总数能得出该比率即视为一致。',
    en: 'A rate or share stated in the text must equal the ratio of the numerator and denominator given in the same (or the previous) sentence, rounded or truncated to the decimals shown. When the sentence gives several totals, any one that yields the rate will do.',
  },
  messages: {
    mismatch: {
      zh: '{name} {p}，但 {a} ÷ {b} = {r}',
      en: '{name} {p}, but {a} ÷ {b} = {r}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'rate')) {
      const { percent: p, numerator: a, denominator: b } = c.numbers;
      if (!p || !a || !b) continue;
      out.push(check(model, c, p, a, b));
    }
    return out;
  },
};

function check(model: ReportModel, c: Claim, p: TextNumber, a: TextNumber, b: TextNumber): Evaluation {
  const place = () => claimPlace(model, c);
  if (agrees(p, a, b)) return { outcome: 'pass' };
  // the numerator may be another figure of the sentence (图解 23 个 for 图文解读率)
  const alts = Object.entries(c.numbers)
    .filter(([k]) => k.startsWith('alt'))
    .map(([, n]) => n);
  for (const x of alts) if (x.value <= b.value && agrees(p, x, b)) return { outcome: 'pass' };
  // a share may be of another total the sentence gives (答复 805 rather than 受理 859)
  const dens = Object.entries(c.numbers)
    .filter(([k]) => k.startsWith('altden'))
    .map(([, n]) => n);
  for (const d of dens) if (agrees(p, a, d)) return { outcome: 'pass' };
  const r = b.value === 0 ? Number.NaN : (100 * a.value) / b.value;
  return {
    outcome: 'fail',
    messageId: 'mismatch',
    data: {
      name: c.subject ?? '',
      p: shown(p),
      a: shown(a),
      b: shown(b),
      r: Number.isFinite(r) ? `${fmtNum(Number(r.toFixed(2)))}%` : '—',
    },
    cells: [],
    sentence: sentenceOf(c),
    ...(Number.isFinite(r) ? { expected: Number(r.toFixed(4)) } : {}),
    actual: p.value,
    place: place(),
  };
}
