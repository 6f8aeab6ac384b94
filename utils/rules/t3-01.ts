import { T3_COLS } from '../report/model';
import { T3_COL_LABELS } from './labels';
import { loc, t3, val } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import type { Rule } from './types';

export const t301: Rule = {
  id: 'T3-01',
  spec: 'T3-01',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三列勾稽：新收 + 上年结转 = 办理结果总计 + 结转下年度',
    en: 'Table 3 columns: new + carried over = results total + carried forward',
  },
  description: {
    zh: '表三每一列都应满足表头注明的勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
    en: 'Every column of Table 3 must satisfy the identity printed in its header: items one and two add up to items three and four.',
  },
  messages: {
    mismatch: {
      zh: '{col}列：本年新收 {new} + 上年结转 {carryIn} = {lhs}，但办理结果总计 {r7} + 结转下年度 {carryOut} = {rhs}（差 {diff}）',
      en: 'Column {col}: new {new} + carried over {carryIn} = {lhs}, but results total {r7} + carried forward {carryOut} = {rhs} (off by {diff})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    return T3_COLS.map((c) =>
      checkIdentity(model, {
        place: c,
        lhs: [t3('new', c), t3('carryIn', c)],
        rhs: [t3('r7', c), t3('carryOut', c)],
        messageId: 'mismatch',
        data: () => ({
          ...loc('col', T3_COL_LABELS[c]!),
          new: val(model, t3('new', c)),
          carryIn: val(model, t3('carryIn', c)),
          r7: val(model, t3('r7', c)),
          carryOut: val(model, t3('carryOut', c)),
        }),
      }),
    );
  },
};
