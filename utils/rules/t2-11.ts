import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const ROWS = ['art20_1.regulations', 'art20_1.normativeDocs'];

export const t211: Rule = {
  id: 'T2-11',
  spec: 'T2-11',
  severity: 'error',
  formats: ['2021', 'hybrid'],
  title: {
    zh: '现行有效件数不小于本年制发件数 − 本年废止件数',
    en: 'Documents in force are at least issued minus repealed this year',
  },
  description: {
    zh: '现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止，而上年数不小于 0，所以现行有效件数 ≥ 本年制发件数 − 本年废止件数（规章、行政规范性文件）。',
    en: 'In force = last year’s in force + issued − repealed, and last year’s figure is at least 0, so in force ≥ issued − repealed this year (regulations, normative documents).',
  },
  messages: {
    belowNet: {
      zh: '{row}：现行有效件数 {valid} 小于本年制发件数 {made} − 本年废止件数 {repealed} = {net}',
      en: '{row}: {valid} in force is below issued {made} − repealed {repealed} = {net}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const row of ROWS) {
      const addrs = ['made', 'repealed', 'valid'].map((c) => t2(row, c)) as [string, string, string];
      const [m, r, v] = addrs.map((a) => getCell(model, a));
      if (!m || !r || !v || [m, r, v].some(isUnknown)) continue;
      const net = m.value! - r.value!;
      out.push(
        v.value! >= net
          ? { outcome: 'pass', place: row }
          : {
              outcome: 'fail',
              messageId: 'belowNet',
              data: {
                ...loc('row', T2_ROW_LABELS[row]!),
                valid: v.value!,
                made: m.value!,
                repealed: r.value!,
                net,
              },
              cells: addrs,
              expected: net,
              actual: v.value!,
              place: row,
            },
      );
    }
    return out;
  },
};
