import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const ITEM_ROWS = [
  'art20_5.licensing',
  'art20_5.otherServices',
  'art20_6.penalty',
  'art20_6.coercion',
  'art20_8.fees',
];

export const t203: Rule = {
  id: 'T2-03',
  spec: 'T2-03',
  severity: 'error',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '上一年项目数量 + 本年增/减 不能为负',
    en: 'Items last year + change this year cannot be negative',
  },
  description: {
    zh: '2019 版表二中，上一年项目数量加本年增/减就是本年末的事项数，不能小于 0（行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费）。',
    en: 'In the 2019 format, items last year plus this year’s change is the number of items at year end and cannot be negative (licensing, other services, penalties, coercion, fees).',
  },
  messages: {
    negative: {
      zh: '{row}：上一年项目数量 {prev} + 本年增/减 {delta} = {sum}，事项数不能为负',
      en: '{row}: items last year {prev} + change {delta} = {sum}; a number of items cannot be negative',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const row of ITEM_ROWS) {
      const prev = t2(row, 'prevItems');
      const delta = t2(row, 'delta');
      const p = getCell(model, prev);
      const d = getCell(model, delta);
      if (!p || !d || isUnknown(p) || isUnknown(d)) continue;
      const sum = p.value! + d.value!;
      out.push(
        sum >= 0
          ? { outcome: 'pass', place: row }
          : {
              outcome: 'fail',
              messageId: 'negative',
              data: { ...loc('row', T2_ROW_LABELS[row]!), prev: p.value!, delta: d.value!, sum },
              cells: [prev, delta],
              actual: sum,
              place: row,
            },
      );
    }
    return out;
  },
};
