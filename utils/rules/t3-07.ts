import { getCell, isUnknown, labelsOf, loc, sumOf, t3, valuesInWords } from './lib/cells';
import { UNREADABLE } from './lib/identity';
import { tableCells } from './lib/tables';
import type { Rule } from './types';

export const t307: Rule = {
  id: 'T3-07',
  spec: 'T3-07',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三零申请一致：没有新收也没有结转时，全表应为 0',
    en: 'Table 3 zero activity: with no new and no carried-over applications, every cell is 0',
  },
  description: {
    zh: '本年新收和上年结转的总计都为 0 时，没有任何申请可办理，表三所有单元格都应为 0。',
    en: 'When new and carried-over applications are both 0 in total, there is nothing to handle and every Table 3 cell must be 0.',
  },
  messages: {
    nonZero: {
      zh: '本年新收与上年结转总计均为 0，但表三仍有非零数值：{cells}',
      en: 'New and carried-over applications total 0, yet Table 3 has non-zero values: {cells}',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const start = [t3('new', 'TOT'), t3('carryIn', 'TOT')];
    const s = sumOf(model, start);
    if (s.unknown.length || s.value !== 0) return [{ outcome: 'notApplicable', place: 'applications' }];
    const all = tableCells(model, 'applications');
    const nonZero = all.filter((a) => (getCell(model, a)?.value ?? 0) !== 0);
    if (nonZero.length) {
      return [
        {
          outcome: 'fail',
          messageId: 'nonZero',
          data: loc('cells', valuesInWords(model, nonZero)),
          cells: [...start, ...nonZero],
          place: 'applications',
        },
      ];
    }
    const unknown = all.filter((a) => isUnknown(getCell(model, a)));
    if (unknown.length)
      return [
        {
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: loc('cells', labelsOf(model, unknown)),
          cells: unknown,
          place: 'applications',
        },
      ];
    return [{ outcome: 'pass', place: 'applications' }];
  },
};
