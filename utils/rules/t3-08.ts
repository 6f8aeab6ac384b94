import { inferT3 } from '../audit/infer';
import type { Localized } from '../audit/result';
import { cellLabel, T3_COL_LABELS, t3RowLabel } from './labels';
import { fmtNum, loc } from './lib/cells';
import type { Evaluation, Rule } from './types';

/** T3-01:NP / T3-02:r7 / T3-03:BIZ in words. */
export function identityLabel(identity: string): Localized {
  const [rule, key = ''] = identity.split(':');
  const col = T3_COL_LABELS[key];
  switch (rule) {
    case 'T3-01':
      return {
        zh: `${col?.zh ?? key}列：新收 + 上年结转 = 办理结果总计 + 结转下年度`,
        en: `column ${col?.en ?? key}: new + carried over = results total + carried forward`,
      };
    case 'T3-02': {
      const row = t3RowLabel(key);
      return {
        zh: `${row.zh}行：总计 = 各类申请人之和`,
        en: `row ${row.en}: total = sum of applicant kinds`,
      };
    }
    default:
      return {
        zh: `${col?.zh ?? key}列：办理结果总计 = 各项办理结果之和`,
        en: `column ${col?.en ?? key}: results total = sum of the results`,
      };
  }
}

export const t308: Rule = {
  id: 'T3-08',
  spec: 'T3-08',
  severity: 'info',
  formats: ['2019', '2021', 'hybrid'],
  reportsOnFlags: true,
  title: {
    zh: '表三缺失数值的推算（唯一未知数）',
    en: 'Table 3 missing values inferred from an identity with one unknown',
  },
  description: {
    zh: '表三某个数值未能读出时，若某条勾稽关系（T3-01/02/03）中只有它一个未知数，就由该关系推算出它并标为“推算”，再核对所有关系。推算值为负数或非整数时不采用；涉及推算值的检查只会是“不确定”，不会判为错误。',
    en: 'When a Table 3 value could not be read and some identity (T3-01/02/03) has it as its only unknown, it is solved from that identity and marked inferred; then every identity is checked again. A negative or fractional solution is not used; a check that involves an inferred value can be uncertain, never an error.',
  },
  messages: {
    unsolved: {
      zh: '{cell}未能读出，也无法由勾稽关系推算（每条相关关系中都有不止一个未知数）',
      en: '{cell} could not be read, nor inferred (every identity it is in has more than one unknown)',
    },
    rejected: {
      zh: '{cell}未能读出；由“{identity}”推算得 {value}，不是非负整数，未采用',
      en: '{cell} could not be read; “{identity}” gives {value}, which is not a non-negative integer, so it was not used',
    },
  },
  evaluate(model) {
    const r = inferT3(model);
    if (r.steps.length === 0 && r.unsolved.length === 0) return [];
    const rejected = new Map(r.rejected.map((x) => [x.cell, x]));
    const out: Evaluation[] = r.steps.map((s) => ({ outcome: 'pass', place: s.cell }));
    for (const a of r.unsolved) {
      const rej = rejected.get(a);
      out.push(
        rej
          ? {
              outcome: 'uncertain',
              messageId: 'rejected',
              data: {
                ...loc('cell', cellLabel(a)),
                ...loc('identity', identityLabel(rej.identity)),
                value: fmtNum(rej.value),
              },
              cells: [a],
              place: a,
            }
          : {
              outcome: 'uncertain',
              messageId: 'unsolved',
              data: loc('cell', cellLabel(a)),
              cells: [a],
              place: a,
            },
      );
    }
    return out;
  },
};
