import type { LegacyRow } from '../report/model';
import { indicatorRows, labelOf, legacyAddr } from './lib/legacy';
import type { Evaluation, Rule } from './types';

/** The measure a row counts, without its scope (本部门 / 下属单位). */
const measureOf = (row: LegacyRow): string =>
  labelOf(row)
    .replace(/\(不包括机关各业务处室\)/g, '')
    .replace(/及机关各(业务)?处室/g, '')
    .replace(/本部门|下属单位/g, '')
    .replace(/的/g, '');

export const s1709: Rule = {
  id: 'S17-09',
  spec: 'S17-09',
  severity: 'info',
  formats: ['pre2019'],
  title: {
    zh: '统计表同类指标单位一致',
    en: 'Statistics table: the same measure in the same unit',
  },
  description: {
    zh: '同一块内本部门与下属单位的同类指标应使用相同单位（如舆情回应一处用“次”、一处用“件”）。',
    en: 'Within a block, the same measure for the body and for its subordinate units should use the same unit (not 次 in one row and 件 in the other).',
  },
  messages: {
    unitMismatch: {
      zh: '同类指标单位不一致：“{a}”用“{unitA}”，“{b}”用“{unitB}”',
      en: 'The same measure in different units: “{a}” in {unitA}, “{b}” in {unitB}',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    const groups = new Map<string, LegacyRow[]>();
    for (const row of indicatorRows(model).filter((r) => r.parent === null && r.unit)) {
      const k = `${row.block}|${measureOf(row)}`;
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    for (const rows of groups.values()) {
      if (rows.length < 2) continue;
      const [first, ...rest] = rows as [LegacyRow, ...LegacyRow[]];
      const other = rest.find((r) => r.unit !== first.unit);
      const place = `${first.block}:${first.key}`;
      if (!other) {
        out.push({ outcome: 'pass', place });
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'unitMismatch',
        data: { a: first.label, unitA: first.unit, b: other.label, unitB: other.unit },
        cells: [legacyAddr(model, first.key), legacyAddr(model, other.key)],
        place,
      });
    }
    return out;
  },
};
