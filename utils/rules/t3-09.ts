import { getCell, isUnknown, t3 } from './lib/cells';
import type { Rule } from './types';

const MENTIONS_FEE = /(收费通知|缴费通知|信息处理费)/;
const NO_NOTICE = /(未|没有|无)(向申请人)?(发出|发送|出具|下发)(过)?(任何)?(收费|缴费)通知/;

export const t309: Rule = {
  id: 'T3-09',
  spec: 'T3-09',
  severity: 'warning',
  formats: ['2021', 'hybrid'],
  title: {
    zh: '逾期未缴费的申请与第六部分信息处理费说明一致',
    en: 'Applications dropped for unpaid fees match the fee statement in section 6',
  },
  description: {
    zh: '表三（六）2“申请人逾期未按收费通知要求缴纳费用”大于 0，说明发出过收费通知；第六部分应说明信息处理费的收取情况，且不能说未发出收费通知。',
    en: 'A non-zero Table 3 (6) 2 (fee notice not paid in time) means fee notices were issued; section 6 should report the information processing fee and must not say that no fee notice was issued.',
  },
  messages: {
    notMentioned: {
      zh: '表三“逾期未缴纳信息处理费”为 {count} 件，但第六部分没有提到信息处理费或收费通知',
      en: 'Table 3 shows {count} applications dropped for an unpaid fee, but section 6 does not mention the processing fee or fee notices',
    },
    contradicts: {
      zh: '表三“逾期未缴纳信息处理费”为 {count} 件，但第六部分说“{quote}”',
      en: 'Table 3 shows {count} applications dropped for an unpaid fee, but section 6 says “{quote}”',
    },
    unreadable: {
      zh: '无法判定：逾期未缴纳信息处理费（总计）未能读出',
      en: 'Cannot be judged: the unpaid-fee total could not be read',
    },
  },
  evaluate(model) {
    const a = t3('r6_2', 'TOT');
    const cell = getCell(model, a);
    if (!model.tables.applications || !cell) return [];
    if (isUnknown(cell))
      return [{ outcome: 'uncertain', messageId: 'unreadable', cells: [a], place: 'r6_2' }];
    if (cell.value === 0) return [{ outcome: 'pass', place: 'r6_2' }];
    const six = model.paragraphs.filter((p) => p.section === '六');
    for (const p of six) {
      const m = NO_NOTICE.exec(p.text.replace(/\s+/g, ''));
      if (m) {
        const sentence = p.text.split(/[。；;]/).find((s) => NO_NOTICE.test(s.replace(/\s+/g, ''))) ?? m[0];
        return [
          {
            outcome: 'fail',
            messageId: 'contradicts',
            data: { count: cell.value!, quote: sentence.trim() },
            cells: [a],
            sentence: { paragraph: p.id, text: sentence.trim() },
            place: 'r6_2',
          },
        ];
      }
    }
    if (six.some((p) => MENTIONS_FEE.test(p.text))) return [{ outcome: 'pass', place: 'r6_2' }];
    return [
      { outcome: 'fail', messageId: 'notMentioned', data: { count: cell.value! }, cells: [a], place: 'r6_2' },
    ];
  },
};
