import { getCell, t2 } from './lib/cells';
import type { Rule } from './types';

const ROW = 'art20_8.fees';

export const t213: Rule = {
  id: 'T2-13',
  spec: 'T2-13',
  severity: 'info',
  formats: ['2021', 'hybrid'],
  title: {
    zh: '2021 版（八）行政事业性收费填的是金额（万元）',
    en: '2021 format (8) administrative fees holds an amount in 10,000 yuan',
  },
  description: {
    zh: '2021 版表二（八）“本年收费金额（单位：万元）”是金额，不再是 2019 版的收费项目数；（五）（六）“本年处理决定数量”是件数。数值本身由 VAL-01/VAL-03 检查，这里只看（八）是否仍按项目数填写。',
    en: 'In the 2021 format, Table 2 (8) “fees collected (10,000 yuan)” is an amount, no longer the 2019 count of fee items; (5) and (6) decisions are counts. VAL-01/VAL-03 check the values; this check only looks for (8) still filled in as a count of items.',
  },
  messages: {
    countInAmount: {
      zh: '（八）本年收费金额填写为“{raw}”，像是收费项目数而不是金额（万元）',
      en: '(8) fees collected reads “{raw}”, which looks like a number of fee items rather than an amount in 10,000 yuan',
    },
  },
  evaluate(model) {
    const a = t2(ROW, 'amountWan');
    const cell = getCell(model, a);
    if (!cell) return [];
    if (/[项件个]/.test(cell.raw))
      return [
        {
          outcome: 'fail',
          messageId: 'countInAmount',
          data: { raw: cell.raw.trim() },
          cells: [a],
          place: ROW,
        },
      ];
    return [{ outcome: 'pass', place: ROW }];
  },
};
