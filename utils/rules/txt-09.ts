import { getCell, hasFlag, isUnknown, t2 } from './lib/cells';
import { moneyLike, sameMoney, toWan } from './lib/money';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-09 (F2019): "政府集中采购事项 N 项，采购总金额 A 万元" against Table 2 第二十条第（九）项.
// When the amount sits in the 采购项目数量 slot and 采购总金额 is blank (a column shift, VAL-05),
// the amount is compared with that cell and the text's count has no counterpart.

const ROW = 'art20_9.procurement';

export const txt09: Rule = {
  id: 'TXT-09',
  spec: 'TXT-09',
  severity: 'warning',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '正文政府集中采购项目数、金额与表二一致',
    en: 'Procurement projects and amount in the text match Table 2',
  },
  description: {
    zh: '2019 版格式：正文“政府集中采购（事项）N 项，采购总金额 A 万元”应与表二第二十条第（九）项的采购项目数量、采购总金额一致（金额按单位换算为万元比较）。',
    en: 'F2019: "N centralized procurement projects, total A (10,000 yuan)" in the text must match Table 2 article 20(9) projects and amount (amounts compared in 万元).',
  },
  messages: {
    projects: {
      zh: '正文称政府集中采购 {stated}，但表二采购项目数量为 {table}',
      en: 'The text states {stated} procurement projects, but Table 2 has {table}',
    },
    projectsMissing: {
      zh: '正文称政府集中采购 {stated}，但表二采购项目数量栏没有对应数字（该栏填的是金额 {raw}，采购总金额栏为空）',
      en: 'The text states {stated} procurement projects, but Table 2 has no project count (the projects cell holds the amount {raw}, the amount cell is blank)',
    },
    amount: {
      zh: '正文称采购总金额 {stated}，但表二为 {table}',
      en: 'The text states a procurement amount of {stated}, but Table 2 has {table}',
    },
  },
  evaluate(model) {
    const row = model.tables.active?.[ROW];
    if (!row) return [];
    const out: Evaluation[] = [];
    const projA = t2(ROW, 'projects');
    const amtA = t2(ROW, 'amount');
    const proj = getCell(model, projA);
    const amt = getCell(model, amtA);
    const shifted = moneyLike(proj) && (!amt || hasFlag(amt, 'blank') || isUnknown(amt));
    for (const c of claimsOf(model, 'procurement')) {
      const sentence = sentenceOf(c);
      const place = () => claimPlace(model, c);
      const n = c.numbers.projects;
      if (n) {
        if (shifted)
          out.push({
            outcome: 'fail',
            messageId: 'projectsMissing',
            data: { stated: shown(n), raw: proj!.raw },
            cells: [projA, amtA],
            sentence,
            actual: n.value,
            place: `${place()}/projects`,
          });
        else if (proj && !isUnknown(proj))
          out.push(
            admits(n, proj.value!)
              ? { outcome: 'pass' }
              : {
                  outcome: 'fail',
                  messageId: 'projects',
                  data: { stated: shown(n), table: proj.raw || String(proj.value) },
                  cells: [projA],
                  sentence,
                  expected: proj.value!,
                  actual: n.value,
                  place: `${place()}/projects`,
                },
          );
      }
      const a = c.numbers.amount;
      const source = shifted ? proj : amt;
      const sourceA = shifted ? projA : amtA;
      if (a && source && !isUnknown(source)) {
        const text = toWan(a.value, a.unit)!;
        // the header has no unit: an unlabelled cell may be in 万元 or in 元
        const candidates = source.unit
          ? [toWan(source.value, source.unit)!]
          : [toWan(source.value, '万元')!, toWan(source.value, '元')!];
        const ok = candidates.some((v) => sameMoney(v, text));
        out.push(
          ok
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'amount',
                data: { stated: shown(a), table: source.raw || String(source.value) },
                cells: [sourceA],
                sentence,
                expected: candidates[0]!,
                actual: text,
                place: `${place()}/amount`,
              },
        );
      }
    }
    return out;
  },
};
