import { parseAddress, T3_SUBTOTALS } from '../report/model';
import { colLabel, t3RowLabel } from './labels';
import { loc, t3, t3Leaves, termsInWords } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import type { Evaluation, Rule } from './types';

export const t304: Rule = {
  id: 'T3-04',
  spec: 'T3-04',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三类别小计 = 该类各小项之和（如有小计行）',
    en: 'Table 3 category subtotals = sum of their items (when the table has them)',
  },
  description: {
    zh: '官方格式没有类别小计行；若表格加了（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理的小计，小计应等于该类各小项之和。',
    en: 'The official format has no subtotal rows; when a table adds subtotals for (3) withheld, (4) cannot be provided, (5) not processed or (6) otherwise handled, each must equal the sum of its items.',
  },
  messages: {
    mismatch: {
      zh: '{row}·{col}：小计为 {lhs}，但该类各小项之和为 {rhs}（{terms}；差 {diff}）',
      en: '{row} · {col}: the subtotal is {lhs}, but its items add up to {rhs} ({terms}; off by {diff})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    const table = model.tables.applications;
    if (!table) return [];
    // in the 2019 format （六）其他处理 is itself a leaf, not a subtotal
    const leaves = new Set(t3Leaves(model));
    const out: Evaluation[] = [];
    for (const [sub, items] of Object.entries(T3_SUBTOTALS)) {
      if (leaves.has(sub) || !table[sub]) continue;
      for (const c of Object.keys(table[sub]!)) {
        const parts = items.map((i) => t3(i, c));
        out.push(
          checkIdentity(model, {
            place: `${sub}/${c}`,
            lhs: [t3(sub, c)],
            rhs: parts,
            messageId: 'mismatch',
            data: () => ({
              ...loc('row', t3RowLabel(sub)),
              ...loc('col', colLabel('applications', c)),
              ...loc(
                'terms',
                termsInWords(model, parts, (a) => t3RowLabel(parseAddress(a)!.row)),
              ),
            }),
          }),
        );
      }
    }
    return out;
  },
};
