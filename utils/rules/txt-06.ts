import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, t2 } from './lib/cells';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-06 (F2019): "行政许可事项 201 项，比上一年减少 45 项" ⇒ 上一年项目数量 − 45 = 201 and
// 本年增/减 = −45 in the row of Table 2.

export const txt06: Rule = {
  id: 'TXT-06',
  spec: 'TXT-06',
  severity: 'error',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '正文事项数与表二上一年项目数量、本年增/减一致',
    en: 'Item counts in the text match Table 2 (previous count and change)',
  },
  description: {
    zh: '2019 版格式：正文“××事项 N 项，比上一年减少/增加 M 项”应满足表二该行“上一年项目数量 ± M = N”，且“本年增/减”为 ±M。',
    en: 'F2019: "N items, M fewer/more than last year" in the text must satisfy previous count ± M = N in that Table 2 row, with the change column = ±M.',
  },
  messages: {
    count: {
      zh: '正文称{row} {stated}，但表二上一年项目数量 {prev} 加本年增/减 {delta} = {sum}',
      en: 'The text states {stated} {row}, but Table 2 previous count {prev} plus change {delta} = {sum}',
    },
    delta: {
      zh: '正文称{row}比上一年{change}，但表二本年增/减为 {delta}',
      en: 'The text says {row} changed by {change}, but Table 2 change column is {delta}',
    },
    unreadable: {
      zh: '无法判定：表二{row}的上一年项目数量或本年增/减未能读出（正文称 {stated}）',
      en: 'Cannot be judged: Table 2 {row} previous count or change could not be read (text: {stated})',
    },
  },
  evaluate(model) {
    const table = model.tables.active;
    if (!table) return [];
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'itemCount')) {
      const row = c.subject ?? '';
      if (!table[row]) continue;
      const n = c.numbers.count;
      if (!n) continue;
      const label = T2_ROW_LABELS[row] ?? { zh: row, en: row };
      const place = () => claimPlace(model, c);
      const sentence = sentenceOf(c);
      const prevA = t2(row, 'prevItems');
      const deltaA = t2(row, 'delta');
      const prev = getCell(model, prevA);
      const delta = getCell(model, deltaA);
      const base = { row_zh: label.zh, row_en: label.en, stated: shown(n) };
      if (isUnknown(prev) || isUnknown(delta)) {
        out.push({
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: base,
          cells: [prevA, deltaA],
          sentence,
          place: place(),
        });
        continue;
      }
      const sum = prev!.value! + delta!.value!;
      out.push(
        admits(n, sum)
          ? { outcome: 'pass' }
          : {
              outcome: 'fail',
              messageId: 'count',
              data: { ...base, prev: prev!.value!, delta: delta!.value!, sum },
              cells: [prevA, deltaA],
              sentence,
              expected: sum,
              actual: n.value,
              place: place(),
            },
      );
      const d = c.numbers.delta;
      if (d) {
        const p = () => `${place()}/delta`;
        out.push(
          d.value === delta!.value
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'delta',
                data: {
                  ...base,
                  change_zh: `${d.value < 0 ? '减少' : '增加'} ${Math.abs(d.value)} 项`,
                  change_en: `${d.value > 0 ? '+' : ''}${d.value} items`,
                  delta: delta!.value!,
                },
                cells: [deltaA],
                sentence,
                expected: delta!.value!,
                actual: d.value,
                place: p(),
              },
        );
      }
    }
    return out;
  },
};
