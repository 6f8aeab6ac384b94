import type { Localized } from '../audit/result';
import { T3_COLS } from '../report/model';
import { getCell, hasFlag, labelsOf, sumOf, t3, t3Leaves } from './lib/cells';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-04: outcome counts stated in the text (予以公开 N 件 …) equal the matching Table 3 rows,
// total column; a category (不予公开, 无法提供 …) is the sum of its items.

const ROWS: Record<string, { rows: (leaves: string[]) => string[]; label: Localized }> = {
  予以公开: { rows: () => ['r1'], label: { zh: '予以公开', en: 'disclosed' } },
  部分公开: { rows: () => ['r2'], label: { zh: '部分公开', en: 'partly disclosed' } },
  予以公开及部分公开: {
    rows: () => ['r1', 'r2'],
    label: { zh: '予以公开及部分公开', en: 'disclosed in full or in part' },
  },
  不予公开: { rows: (l) => l.filter((r) => r.startsWith('r3_')), label: { zh: '不予公开', en: 'withheld' } },
  无法提供: {
    rows: (l) => l.filter((r) => r.startsWith('r4_')),
    label: { zh: '无法提供', en: 'cannot be provided' },
  },
  不予处理: {
    rows: (l) => l.filter((r) => r.startsWith('r5_')),
    label: { zh: '不予处理', en: 'not processed' },
  },
  其他处理: {
    rows: (l) => l.filter((r) => r === 'r6' || r.startsWith('r6_')),
    label: { zh: '其他处理', en: 'otherwise handled' },
  },
  结转: { rows: () => ['carryOut'], label: { zh: '结转下年度继续办理', en: 'carried forward' } },
  总计: {
    rows: () => ['r7'],
    label: { zh: '答复（办结）申请', en: 'applications answered (total of outcomes)' },
  },
};

export const txt04: Rule = {
  id: 'TXT-04',
  spec: 'TXT-04',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文办理结果数与表三一致',
    en: 'Outcome counts in the text match Table 3',
  },
  description: {
    zh: '正文“予以公开 N 件”“部分公开 N 件”“不予公开 N 件”“无法提供 N 件”“不予处理 N 件”“其他处理 N 件”“结转 N 件”应等于表三相应行（类别为其各小项之和）的总计列。',
    en: 'Outcome counts in the text (disclosed, partly disclosed, withheld, cannot be provided, not processed, otherwise handled, carried forward) must equal the matching Table 3 rows (a category is the sum of its items), total column.',
  },
  messages: {
    mismatch: {
      zh: '正文称{outcome} {stated}，但表三相应行总计为 {table}',
      en: 'The text states {stated} {outcome}, but Table 3 has {table}',
    },
    unreadable: {
      zh: '无法判定：{cells}未能读出（正文称{outcome} {stated}）',
      en: 'Cannot be judged: {cells} could not be read (text: {stated} {outcome})',
    },
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const leaves = t3Leaves(model);
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'outcomeCount')) {
      const spec = ROWS[c.subject ?? ''];
      const n = c.numbers.count;
      if (!spec || !n) continue;
      const rows = spec.rows(leaves);
      // 上海 style: 总计 blank on per-result rows; then the row is the sum of its columns
      const blankTot = rows.some((r) => hasFlag(getCell(model, t3(r, 'TOT')), 'blank'));
      const cells = blankTot
        ? rows.flatMap((r) => T3_COLS.filter((col) => col !== 'TOT').map((col) => t3(r, col)))
        : rows.map((r) => t3(r, 'TOT'));
      const place = () => claimPlace(model, c);
      const sum = sumOf(model, cells);
      const data = { outcome_zh: spec.label.zh, outcome_en: spec.label.en, stated: shown(n) };
      if (sum.unknown.length) {
        const l = labelsOf(model, sum.unknown);
        out.push({
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: { ...data, cells_zh: l.zh, cells_en: l.en },
          cells,
          sentence: sentenceOf(c),
          place: place(),
        });
        continue;
      }
      if (admits(n, sum.value)) out.push({ outcome: 'pass' });
      else
        out.push({
          outcome: 'fail',
          messageId: 'mismatch',
          data: { ...data, table: sum.value },
          cells,
          sentence: sentenceOf(c),
          expected: sum.value,
          actual: n.value,
          place: place(),
        });
    }
    return out;
  },
};
