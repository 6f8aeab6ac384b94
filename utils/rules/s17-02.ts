import { getCell, isUnknown } from './lib/cells';
import { childrenOf, isApplicationFollowUp, legacyAddr, parents } from './lib/legacy';
import type { Evaluation, Rule } from './types';

export const s1702: Rule = {
  id: 'S17-02',
  spec: 'S17-02',
  severity: 'error',
  formats: ['pre2019'],
  title: {
    zh: '统计表“其中”项不大于总数',
    en: 'Statistics table: no 其中 item exceeds its total',
  },
  description: {
    zh: '“其中”列出的每一项都是总数的一部分，不能大于总数。',
    en: 'Every 其中 item is part of its total and cannot exceed it.',
  },
  messages: {
    childExceeds: {
      zh: '其中“{child}”为 {value}，大于“{parent}” {total}',
      en: 'The 其中 item “{child}” is {value}, more than “{parent}” {total}',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    for (const parent of parents(model)) {
      const pa = legacyAddr(model, parent.key);
      const p = getCell(model, pa);
      if (isUnknown(p)) continue;
      for (const kid of childrenOf(model, parent.key)) {
        // 申请办结/答复 ≤ 收到申请 is S17-05's (a warning: carry-overs are possible)
        if (isApplicationFollowUp(parent, kid)) continue;
        const ka = legacyAddr(model, kid.key);
        const k = getCell(model, ka);
        if (isUnknown(k)) continue;
        out.push(
          k!.value! <= p!.value!
            ? { outcome: 'pass', place: kid.key }
            : {
                outcome: 'fail',
                messageId: 'childExceeds',
                data: { child: kid.label, value: k!.value!, parent: parent.label, total: p!.value! },
                cells: [ka, pa],
                expected: p!.value!,
                actual: k!.value!,
                place: kid.key,
              },
        );
      }
    }
    return out;
  },
};
