import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, t2 } from './lib/cells';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-07: decision counts in the text (行政许可处理决定 52772 项) equal Table 2's 处理决定数量 /
// 本年处理决定数量 of the same row.

export const txt07: Rule = {
  id: 'TXT-07',
  spec: 'TXT-07',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文处理决定数与表二一致',
    en: 'Decision counts in the text match Table 2',
  },
  description: {
    zh: '正文“行政许可/其他对外管理服务事项/行政处罚/行政强制处理决定 N 项”应等于表二该行的处理决定数量。',
    en: 'Decision counts stated in the text for licensing, other services, penalties and coercive measures must equal the decisions column of that Table 2 row.',
  },
  messages: {
    mismatch: {
      zh: '正文称{row}处理决定 {stated}，但表二为 {table}',
      en: 'The text states {stated} {row} decisions, but Table 2 has {table}',
    },
    unreadable: {
      zh: '无法判定：表二{row}处理决定数量未能读出（正文称 {stated}）',
      en: 'Cannot be judged: Table 2 {row} decisions could not be read (text: {stated})',
    },
  },
  evaluate(model) {
    const table = model.tables.active;
    if (!table) return [];
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'decisionCount')) {
      const row = c.subject ?? '';
      const n = c.numbers.count;
      if (!n || !table[row] || !('decisions' in table[row]!)) continue;
      const label = T2_ROW_LABELS[row] ?? { zh: row, en: row };
      const a = t2(row, 'decisions');
      const cell = getCell(model, a);
      const place = () => claimPlace(model, c);
      const data = { row_zh: label.zh, row_en: label.en, stated: shown(n) };
      if (isUnknown(cell)) {
        out.push({
          outcome: 'uncertain',
          messageId: 'unreadable',
          data,
          cells: [a],
          sentence: sentenceOf(c),
          place: place(),
        });
        continue;
      }
      out.push(
        admits(n, cell!.value!)
          ? { outcome: 'pass' }
          : {
              outcome: 'fail',
              messageId: 'mismatch',
              data: { ...data, table: cell!.value! },
              cells: [a],
              sentence: sentenceOf(c),
              expected: cell!.value!,
              actual: n.value,
              place: place(),
            },
      );
    }
    return out;
  },
};
