import { T3_COLS } from '../report/model';
import { cellLabel, T3_COL_LABELS } from './labels';
import { getCell, isUnknown, loc, sumOf, t3, t3Leaves } from './lib/cells';
import type { Evaluation, Rule } from './types';

export const t306: Rule = {
  id: 'T3-06',
  spec: 'T3-06',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三取值范围：任何办理结果或结转下年度都不超过新收 + 上年结转',
    en: 'Table 3 bounds: no result and no carry-forward exceeds new + carried over',
  },
  description: {
    zh: '每一列中，任一办理结果小项和“结转下年度继续办理”都不能大于本列“本年新收 + 上年结转”。勾稽关系无法判定时，这一检查仍然有用。',
    en: 'In every column, no result item and no carry-forward can exceed that column’s new + carried over. Useful when an identity cannot be judged.',
  },
  messages: {
    exceeds: {
      zh: '{cell}为 {value}，超过{col}列本年新收 + 上年结转 = {bound}',
      en: '{cell} is {value}, more than new + carried over = {bound} in column {col}',
    },
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const out: Evaluation[] = [];
    for (const c of T3_COLS) {
      const boundCells = [t3('new', c), t3('carryIn', c)];
      const bound = sumOf(model, boundCells);
      if (bound.unknown.length) {
        out.push({ outcome: 'notApplicable', place: c });
        continue;
      }
      let ok = true;
      for (const row of [...t3Leaves(model), 'carryOut']) {
        const a = t3(row, c);
        const cell = getCell(model, a);
        if (isUnknown(cell) || cell!.value! <= bound.value) continue;
        ok = false;
        out.push({
          outcome: 'fail',
          messageId: 'exceeds',
          data: {
            ...loc('cell', cellLabel(a)),
            ...loc('col', T3_COL_LABELS[c]!),
            value: cell!.value!,
            bound: bound.value,
          },
          cells: [a, ...boundCells],
          expected: bound.value,
          actual: cell!.value!,
          place: `${row}/${c}`,
        });
      }
      if (ok) out.push({ outcome: 'pass', place: c });
    }
    return out;
  },
};
