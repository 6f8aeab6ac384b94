import { getCell, isUnknown, t3 } from './lib/cells';
import { claimPlace, claimsOf, sentenceOf } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-03: "已全部办结" means nothing is carried forward and every application was handled.

export const txt03: Rule = {
  id: 'TXT-03',
  spec: 'TXT-03',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文称全部办结，表三结转下年度应为 0',
    en: 'Text says all applications were completed: nothing carried forward',
  },
  description: {
    zh: '正文写“已全部办结/全部予以答复”时，表三“结转下年度继续办理”总计应为 0，且办理结果总计等于新收与上年结转之和。',
    en: 'When the text says every application was completed, Table 3 "carried forward" (total) must be 0 and the results total must equal new plus carried over.',
  },
  messages: {
    carryOut: {
      zh: '正文称已全部办结，但表三结转下年度继续办理 {carryOut} 件',
      en: 'The text says all applications were completed, but Table 3 carries {carryOut} forward',
    },
    handled: {
      zh: '正文称已全部办结，但表三办理结果总计 {r7} ≠ 新收 {new} + 上年结转 {carryIn} = {sum}',
      en: 'The text says all applications were completed, but Table 3 results total {r7} ≠ new {new} + carried over {carryIn} = {sum}',
    },
    unreadable: {
      zh: '无法判定：表三总计列有数值未能读出',
      en: 'Cannot be judged: a Table 3 total could not be read',
    },
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const addr = {
      new: t3('new', 'TOT'),
      carryIn: t3('carryIn', 'TOT'),
      r7: t3('r7', 'TOT'),
      carryOut: t3('carryOut', 'TOT'),
    };
    const cells = Object.values(addr);
    return claimsOf(model, 'allCompleted').map((c): Evaluation => {
      const place = claimPlace(model, c);
      const sentence = sentenceOf(c);
      if (cells.some((a) => isUnknown(getCell(model, a))))
        return { outcome: 'uncertain', messageId: 'unreadable', cells, sentence, place };
      const v = (a: string) => getCell(model, a)!.value!;
      if (v(addr.carryOut) !== 0)
        return {
          outcome: 'fail',
          messageId: 'carryOut',
          data: { carryOut: v(addr.carryOut) },
          cells: [addr.carryOut],
          sentence,
          expected: 0,
          actual: v(addr.carryOut),
          place,
        };
      const sum = v(addr.new) + v(addr.carryIn);
      if (v(addr.r7) !== sum)
        return {
          outcome: 'fail',
          messageId: 'handled',
          data: { r7: v(addr.r7), new: v(addr.new), carryIn: v(addr.carryIn), sum },
          cells,
          sentence,
          expected: sum,
          actual: v(addr.r7),
          place,
        };
      return { outcome: 'pass', place };
    });
  },
};
