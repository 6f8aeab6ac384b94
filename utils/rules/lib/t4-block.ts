import type { Localized } from '../../audit/result';
import { T4_COLS } from '../../report/model';
import { T4_BLOCK_LABELS } from '../labels';
import type { Rule } from '../types';
import { loc, t4, val } from './cells';
import { checkIdentity, UNREADABLE } from './identity';

// T4-01/02/03 are one identity over three blocks of Table 4: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.

const PARTS = T4_COLS.filter((c) => c !== 'total');

export function t4BlockRule(id: string, block: 'rev' | 'litDirect' | 'litAfterRev', title: Localized): Rule {
  const label = T4_BLOCK_LABELS[block]!;
  return {
    id,
    spec: id,
    severity: 'error',
    formats: ['2019', '2021', 'hybrid'],
    title,
    description: {
      zh: `表四“${label.zh}”的结果维持、结果纠正、其他结果、尚未审结四项之和应等于总计。`,
      en: `In Table 4, ${label.en}: upheld + corrected + other outcome + pending must equal the total.`,
    },
    messages: {
      mismatch: {
        zh: '{block}：结果维持 {upheld} + 结果纠正 {corrected} + 其他结果 {other} + 尚未审结 {pending} = {lhs}，但总计为 {rhs}（差 {diff}）',
        en: '{block}: upheld {upheld} + corrected {corrected} + other {other} + pending {pending} = {lhs}, but the total is {rhs} (off by {diff})',
      },
      unreadable: UNREADABLE,
    },
    evaluate(model) {
      if (!model.tables.reviews?.[block]) return [];
      return [
        checkIdentity(model, {
          place: block,
          lhs: PARTS.map((c) => t4(block, c)),
          rhs: [t4(block, 'total')],
          messageId: 'mismatch',
          data: () => ({
            ...loc('block', label),
            ...Object.fromEntries(PARTS.map((c) => [c, val(model, t4(block, c))])),
          }),
        }),
      ];
    },
  };
}
