import { parseAddress, T3_COLS } from '../report/model';
import { colLabel, t3RowLabel } from './labels';
import { getCell, hasFlag, loc, t3, t3Leaves, t3TotBlankOnResultRowsOnly, termsInWords } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import type { Evaluation, Rule } from './types';

const PARTS = T3_COLS.filter((c) => c !== 'TOT');

export const t302: Rule = {
  id: 'T3-02',
  spec: 'T3-02',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三行勾稽：总计 = 自然人 + 各类法人或其他组织',
    en: 'Table 3 rows: total = natural persons + each kind of organization',
  },
  description: {
    zh: '表三每一行的总计应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。',
    en: 'In every row of Table 3 the total equals the sum of natural persons, businesses, research institutions, public-interest organizations, legal service providers and others.',
  },
  messages: {
    mismatch: {
      zh: '{row}：{terms} = {rhs}，但总计为 {lhs}（差 {diff}）',
      en: '{row}: {terms} = {rhs}, but the total is {lhs} (off by {diff})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    const table = model.tables.applications;
    if (!table) return [];
    // 上海 style: 总计 filled only on 一、二、（七）、四 → no row check where it is blank
    const skipBlank = t3TotBlankOnResultRowsOnly(model);
    const resultRows = new Set([...t3Leaves(model), 'r3', 'r4', 'r5', 'r6']);
    return Object.keys(table).map((row): Evaluation => {
      if (!table[row]?.TOT) return { outcome: 'notApplicable', place: row };
      if (skipBlank && resultRows.has(row) && hasFlag(getCell(model, t3(row, 'TOT')), 'blank'))
        return { outcome: 'notApplicable', place: row };
      const parts = PARTS.map((c) => t3(row, c));
      return checkIdentity(model, {
        place: row,
        lhs: [t3(row, 'TOT')],
        rhs: parts,
        messageId: 'mismatch',
        data: () => ({
          ...loc('row', t3RowLabel(row)),
          ...loc(
            'terms',
            termsInWords(model, parts, (a) => colLabel('applications', parseAddress(a)!.col)),
          ),
        }),
      });
    });
  },
};
