import { cellLabel } from './labels';
import { getCell, hasFlag, loc } from './lib/cells';
import { tableCells } from './lib/tables';
import type { Evaluation, Rule } from './types';

export const val04: Rule = {
  id: 'VAL-04',
  spec: 'VAL-04',
  severity: 'warning',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '“本年增/减”应为带符号的整数',
    en: '“Change this year” is a signed integer',
  },
  description: {
    zh: '2019 版表二“本年增/减”应能读作带符号的整数（如“+3”“减 45”“增加2”“0”“无变化”）。无法解读作警告；没有增减符号的正数含义不明，按增加理解并作提示。',
    en: 'The 2019 Table 2 “change this year” must read as a signed integer (+3, 减 45, 增加2, 0, 无变化). Unreadable → warning; a bare positive number is ambiguous, read as an increase → note.',
  },
  messages: {
    unparseable: {
      zh: '{cell}“{raw}”无法解读为增减数',
      en: '{cell} “{raw}” cannot be read as a signed change',
    },
    unsigned: {
      zh: '{cell}“{raw}”没有写明增或减，按增加 {value} 理解',
      en: '{cell} “{raw}” does not say increase or decrease; read as +{value}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const a of tableCells(model, 'active').filter((x) => x.endsWith('/delta'))) {
      const c = getCell(model, a)!;
      if (hasFlag(c, 'blank') || hasFlag(c, 'missing')) continue;
      const data = { ...loc('cell', cellLabel(a)), raw: c.raw.trim(), value: c.value ?? '' };
      if (c.value === null || !Number.isInteger(c.value))
        out.push({ outcome: 'fail', messageId: 'unparseable', data, cells: [a], place: a });
      else if (c.value > 0 && !hasFlag(c, 'signed'))
        out.push({ outcome: 'fail', severity: 'info', messageId: 'unsigned', data, cells: [a], place: a });
      else out.push({ outcome: 'pass', place: a });
    }
    return out;
  },
};
