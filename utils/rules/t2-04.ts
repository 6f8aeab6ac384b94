import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const ROWS = ['art20_5.licensing', 'art20_5.otherServices', 'art20_6.penalty', 'art20_6.coercion'];

export const t204: Rule = {
  id: 'T2-04',
  spec: 'T2-04',
  severity: 'warning',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '没有事项却有处理决定',
    en: 'Decisions without any listed item',
  },
  description: {
    zh: '2019 版表二中，处理决定数量大于 0，而上一年项目数量加本年增/减等于 0（事项清单为空）时，数据可能有误。',
    en: 'In the 2019 format, decisions above 0 while items last year plus this year’s change is 0 (an empty list of items) suggest an error.',
  },
  messages: {
    noItems: {
      zh: '{row}：处理决定数量 {decisions}，但上一年项目数量 {prev} + 本年增/减 {delta} = 0',
      en: '{row}: {decisions} decisions, but items last year {prev} + change {delta} = 0',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const row of ROWS) {
      const addrs = ['prevItems', 'delta', 'decisions'].map((c) => t2(row, c)) as [string, string, string];
      const [p, d, n] = addrs.map((a) => getCell(model, a));
      if (!p || !d || !n || [p, d, n].some(isUnknown)) continue;
      out.push(
        n.value! > 0 && p.value! + d.value! === 0
          ? {
              outcome: 'fail',
              messageId: 'noItems',
              data: {
                ...loc('row', T2_ROW_LABELS[row]!),
                decisions: n.value!,
                prev: p.value!,
                delta: d.value!,
              },
              cells: addrs,
              place: row,
            }
          : { outcome: 'pass', place: row },
      );
    }
    return out;
  },
};
