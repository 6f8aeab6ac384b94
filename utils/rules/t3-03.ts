import { parseAddress, T3_COLS } from '../report/model';
import { T3_COL_LABELS, t3RowLabel } from './labels';
import { loc, t3, t3Leaves, t3TotBlankOnResultRowsOnly, termsInWords } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import type { Evaluation, Rule } from './types';

export const t303: Rule = {
  id: 'T3-03',
  spec: 'T3-03',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '表三办理结果总计 = 各项办理结果之和',
    en: 'Table 3 results total = sum of all results',
  },
  description: {
    zh: '每一列的（七）总计应等于（一）予以公开、（二）部分公开及（三）至（六）各小项之和（每件申请只计一种情形）。',
    en: 'In every column, (7) total equals (1) disclosed + (2) partly disclosed + every item of (3) to (6); each application is counted once.',
  },
  messages: {
    mismatch: {
      zh: '{col}列：办理结果总计为 {lhs}，但各项办理结果之和为 {rhs}（{terms}；差 {diff}）',
      en: 'Column {col}: the results total is {lhs}, but the results add up to {rhs} ({terms}; off by {diff})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const leaves = t3Leaves(model);
    // 上海 style: per-result 总计 cells are blank by design; the other columns and T3-02 on （七） cover it
    const skipTot = t3TotBlankOnResultRowsOnly(model);
    return T3_COLS.map((c): Evaluation => {
      if (c === 'TOT' && skipTot) return { outcome: 'notApplicable', place: c };
      const parts = leaves.map((l) => t3(l, c));
      return checkIdentity(model, {
        place: c,
        lhs: [t3('r7', c)],
        rhs: parts,
        messageId: 'mismatch',
        data: () => ({
          ...loc('col', T3_COL_LABELS[c]!),
          ...loc(
            'terms',
            termsInWords(model, parts, (a) => t3RowLabel(parseAddress(a)!.row)),
          ),
        }),
      });
    });
  },
};
