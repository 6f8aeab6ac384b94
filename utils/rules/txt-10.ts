import { getCell, isUnknown, t2 } from './lib/cells';
import { sameMoney, toWan } from './lib/money';
import { claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-10: fees stated in the text against Table 2 第二十条第（八）项. F2021: 收费金额 A 万元 ⇔
// 本年收费金额（单位：万元）. F2019's 行政事业性收费 item counts are TXT-06's.

const ROW = 'art20_8.fees';

export const txt10: Rule = {
  id: 'TXT-10',
  spec: 'TXT-10',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文行政事业性收费与表二一致',
    en: 'Administrative fees in the text match Table 2',
  },
  description: {
    zh: '正文“收费金额 A 万元”应等于表二第二十条第（八）项“本年收费金额（单位：万元）”（2021 版）；2019 版的收费事项数由 TXT-06 核对。',
    en: 'A fee amount stated in the text must equal Table 2 article 20(8) "fees collected (10,000 yuan)" (F2021); F2019 fee item counts are checked by TXT-06.',
  },
  messages: {
    mismatch: {
      zh: '正文称收费金额 {stated}（{wan} 万元），但表二本年收费金额为 {table} 万元',
      en: 'The text states fees of {stated} ({wan} × 10,000 yuan), but Table 2 has {table}',
    },
    unreadable: {
      zh: '无法判定：表二本年收费金额未能读出（正文称 {stated}）',
      en: 'Cannot be judged: Table 2 fee amount could not be read (text: {stated})',
    },
  },
  evaluate(model) {
    const row = model.tables.active?.[ROW];
    if (!row || !('amountWan' in row)) return [];
    const a = t2(ROW, 'amountWan');
    const cell = getCell(model, a);
    return claimsOf(model, 'feeAmount').flatMap((c): Evaluation[] => {
      const n = c.numbers.amount;
      if (!n) return [];
      const place = () => claimPlace(model, c);
      if (isUnknown(cell))
        return [
          {
            outcome: 'uncertain',
            messageId: 'unreadable',
            data: { stated: shown(n) },
            cells: [a],
            sentence: sentenceOf(c),
            place: place(),
          },
        ];
      const wan = toWan(n.value, n.unit)!;
      const table = toWan(cell!.value, cell!.unit)!;
      if (sameMoney(wan, table)) return [{ outcome: 'pass' }];
      return [
        {
          outcome: 'fail',
          messageId: 'mismatch',
          data: { stated: shown(n), wan, table },
          cells: [a],
          sentence: sentenceOf(c),
          expected: table,
          actual: wan,
          place: place(),
        },
      ];
    });
  },
};
