import { parseAddress, T3_ORG_SUBTOTAL_COL } from '../report/model';
import { colLabel, t3RowLabel } from './labels';
import { loc, t3, termsInWords } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import type { Rule } from './types';

const ORG_PARTS = ['BIZ', 'RES', 'SOC', 'LEG', 'OTH'];

export const t305: Rule = {
  id: 'T3-05',
  spec: 'T3-05',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三“法人或其他组织小计”列 = 五类组织之和（如有该列）',
    en: 'Table 3 organizations-subtotal column = the five kinds of organization (when present)',
  },
  description: {
    zh: '部分模板在表三加了“法人或其他组织小计”列；该列应等于商业企业、科研机构、社会公益组织、法律服务机构、其他之和。',
    en: 'Some templates add an organizations subtotal column to Table 3; it must equal businesses + research institutions + public-interest organizations + legal service providers + others.',
  },
  messages: {
    mismatch: {
      zh: '{row}：法人或其他组织小计为 {lhs}，但{terms} = {rhs}（差 {diff}）',
      en: '{row}: the organizations subtotal is {lhs}, but {terms} = {rhs} (off by {diff})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    const table = model.tables.applications;
    if (!table) return [];
    return Object.keys(table)
      .filter((row) => table[row]?.[T3_ORG_SUBTOTAL_COL])
      .map((row) => {
        const parts = ORG_PARTS.map((c) => t3(row, c));
        return checkIdentity(model, {
          place: row,
          lhs: [t3(row, T3_ORG_SUBTOTAL_COL)],
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
