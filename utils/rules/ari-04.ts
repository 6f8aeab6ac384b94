import { fmtNum } from './lib/cells';
import { claimPlace, claimsOf, interval, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-04: 受理 N … 办结 a … 正在办理 b ⇒ a + b = N.

export const ari04: Rule = {
  id: 'ARI-04',
  spec: 'ARI-04',
  severity: 'warning',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '受理数 = 办结数 + 在办数',
    en: 'Received = completed + pending',
  },
  description: {
    zh: '正文“受理 N 件，办结 a 件，正在办理 b 件”时应有 a + b = N。',
    en: 'When the text says N received, a completed and b still pending, a + b must equal N.',
  },
  messages: {
    mismatch: {
      zh: '受理 {received}，但办结 {completed} + 正在办理 {pending} = {sum}（差 {gap}）',
      en: '{received} received, but {completed} completed + {pending} pending = {sum} (off by {gap})',
    },
  },
  evaluate(model) {
    return claimsOf(model, 'processTriple').flatMap((c): Evaluation[] => {
      const { received: n, completed: a, pending: b } = c.numbers;
      if (!n || !a || !b) return [];
      const place = () => claimPlace(model, c);
      const sum = a.value + b.value;
      const [lo, hi] = [interval(a)[0] + interval(b)[0], interval(a)[1] + interval(b)[1]];
      const [nLo, nHi] = interval(n);
      if (sum === n.value || (lo <= nHi && nLo <= hi && (a.range || b.range || n.range)))
        return [{ outcome: 'pass' }];
      return [
        {
          outcome: 'fail',
          messageId: 'mismatch',
          data: {
            received: shown(n),
            completed: shown(a),
            pending: shown(b),
            sum: fmtNum(sum),
            gap: fmtNum(Math.abs(n.value - sum)),
          },
          cells: [],
          sentence: sentenceOf(c),
          expected: n.value,
          actual: sum,
          place: place(),
        },
      ];
    });
  },
};
