import { cellLabel } from './labels';
import { getCell, loc } from './lib/cells';
import { countCells, moneyInCountCells, NATIONAL_TABLES } from './lib/tables';
import type { Evaluation, Rule } from './types';

export const val05: Rule = {
  id: 'VAL-05',
  spec: 'VAL-05',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  reportsOnFlags: true,
  title: {
    zh: '类型不符或错栏',
    en: 'Wrong kind of value, or a shifted column',
  },
  description: {
    zh: '计数栏出现金额（带小数或“元”），通常是数值填错了栏：例如“采购项目数量”填了“45996.82万元”，而“采购总金额”空白。',
    en: 'A money-like value (a decimal, or a 元 unit) in a count column usually means the value slid into the wrong column: for example “45996.82万元” under procurement projects while the amount is blank.',
  },
  messages: {
    moneyInCount: {
      zh: '{cell}是计数栏，却填了金额“{raw}”（疑似错栏）',
      en: '{cell} is a count column but holds an amount “{raw}” (shifted column?)',
    },
    shifted: {
      zh: '{cell}是计数栏，却填了金额“{raw}”，而后一栏{next}空白：数值疑似错栏',
      en: '{cell} is a count column but holds an amount “{raw}”, while the next column, {next}, is blank: the value seems to sit in the wrong column',
    },
  },
  evaluate(model) {
    const found = moneyInCountCells(model);
    const out: Evaluation[] = NATIONAL_TABLES.filter(
      (t) => countCells(model, t).length && !found.some((f) => f.cell.startsWith(`${t}/`)),
    ).map((t) => ({ outcome: 'pass', place: t }));
    for (const { cell, blankNext } of found) {
      out.push({
        outcome: 'fail',
        messageId: blankNext ? 'shifted' : 'moneyInCount',
        data: {
          ...loc('cell', cellLabel(cell)),
          raw: getCell(model, cell)!.raw.trim(),
          ...(blankNext ? loc('next', cellLabel(blankNext)) : {}),
        },
        cells: blankNext ? [cell, blankNext] : [cell],
        place: cell,
      });
    }
    return out;
  },
};
