import { getCell, isUnknown } from './lib/cells';
import { childrenOf, isApplicationFollowUp, legacyAddr, parents } from './lib/legacy';
import type { Evaluation, Rule } from './types';

export const s1705: Rule = {
  id: 'S17-05',
  spec: 'S17-05',
  severity: 'warning',
  formats: ['pre2019'],
  title: {
    zh: '统计表依申请公开：办结数、答复数不多于收到申请数',
    en: 'Statistics table, applications: completed and answered do not exceed received',
  },
  description: {
    zh: '申请办结数量和申请答复数量通常不多于收到申请数量；有上年结转的申请时可能例外，故作警告。',
    en: 'Applications completed and applications answered normally do not exceed applications received; carried-over applications are an exception, hence a warning.',
  },
  messages: {
    exceedsReceived: {
      zh: '“{child}”为 {value}，多于“{parent}” {total}（除非有上年结转的申请）',
      en: '“{child}” is {value}, more than “{parent}” {total} (unless applications were carried over)',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    for (const parent of parents(model)) {
      const pa = legacyAddr(model, parent.key);
      const p = getCell(model, pa);
      for (const kid of childrenOf(model, parent.key)) {
        if (!isApplicationFollowUp(parent, kid)) continue;
        const ka = legacyAddr(model, kid.key);
        const k = getCell(model, ka);
        if (isUnknown(p) || isUnknown(k)) continue;
        out.push(
          k!.value! <= p!.value!
            ? { outcome: 'pass', place: kid.key }
            : {
                outcome: 'fail',
                messageId: 'exceedsReceived',
                data: { child: kid.label, value: k!.value!, parent: parent.label, total: p!.value! },
                cells: [ka, pa],
                place: kid.key,
              },
        );
      }
    }
    return out;
  },
};
