import { TABLE_IDS } from '../report/model';
import { cellLabel } from './labels';
import { getCell, hasFlag, loc, looksLikeMoney } from './lib/cells';
import { countCells } from './lib/tables';
import type { Evaluation, Rule } from './types';

export const val01: Rule = {
  id: 'VAL-01',
  spec: 'VAL-01',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid', 'pre2019'],
  title: {
    zh: '计数单元格应为非负整数',
    en: 'Count cells hold non-negative integers',
  },
  description: {
    zh: '表三、表四的全部单元格，以及表二中除金额和“本年增/减”以外的单元格，都是件数或项数，应为非负整数。空白、“—”“无”等占位符按 0 处理（见 VAL-02）；计数栏出现小数或金额多半是错栏，由 VAL-05 报告。',
    en: 'Every cell of Tables 3 and 4, and of Table 2 except amounts and the signed change, is a count and must be a non-negative integer. Blanks and placeholders count as 0 (VAL-02); a decimal or an amount in a count column is VAL-05’s (usually a shifted column).',
  },
  messages: {
    negative: { zh: '{cell}为负数 {value}', en: '{cell} is negative: {value}' },
    notNumber: { zh: '{cell}为“{raw}”，不是数字', en: '{cell} reads “{raw}”, not a number' },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const table of TABLE_IDS) {
      const cells = countCells(model, table);
      if (!cells.length) continue;
      let ok = true;
      for (const a of cells) {
        const c = getCell(model, a)!;
        // missing cells are VAL-06's, money-like tokens VAL-05's
        if (hasFlag(c, 'missing') || hasFlag(c, 'blank') || looksLikeMoney(c)) continue;
        const messageId = c.value === null ? 'notNumber' : c.value < 0 ? 'negative' : null;
        if (!messageId) continue;
        ok = false;
        out.push({
          outcome: 'fail',
          messageId,
          data: { ...loc('cell', cellLabel(a, model.legacyRows)), raw: c.raw.trim(), value: c.value ?? '' },
          cells: [a],
          place: a,
        });
      }
      if (ok) out.push({ outcome: 'pass', place: table });
    }
    return out;
  },
};
