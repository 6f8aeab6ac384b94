import { T3_COLS } from '../report/model';
import { getCell, hasFlag, isUnknown, sumOf, t3 } from './lib/cells';
import { claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-03: "已全部办结" means nothing is carried forward and every application was handled.
// A 总计 left blank on a row whose columns carry figures is read as the sum of its columns (the
// blank is not a zero there), and a 结转 figure stated in the text itself contradicts the claim too.

const COLS = T3_COLS.filter((c) => c !== 'TOT');

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
    textCarry: {
      zh: '正文称已全部办结，但正文又称结转下年度 {stated}',
      en: 'The text says all applications were completed, yet it also says {stated} were carried forward',
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
    // 总计 blank while the row's columns carry figures: the row's total is the sum of its columns
    const rowOf: Record<string, string> = {
      [addr.new]: 'new',
      [addr.carryIn]: 'carryIn',
      [addr.r7]: 'r7',
      [addr.carryOut]: 'carryOut',
    };
    const byColumns = (a: string): number | null => {
      const row = rowOf[a]!;
      const sum = sumOf(
        model,
        COLS.map((col) => t3(row, col)),
      );
      return sum.unknown.length === 0 && sum.value > 0 ? sum.value : null;
    };
    const carried = claimsOf(model, 'outcomeCount').filter(
      (x) => x.subject === '结转' && (x.numbers.count?.value ?? 0) > 0,
    );
    return claimsOf(model, 'allCompleted').flatMap((c): Evaluation[] => {
      const place = () => claimPlace(model, c);
      const sentence = sentenceOf(c);
      const out: Evaluation[] = [];
      const said = carried[0]?.numbers.count;
      if (said)
        out.push({
          outcome: 'fail',
          messageId: 'textCarry',
          data: { stated: shown(said) },
          // the text against itself: no cell of the table decides it
          cells: [],
          sentence,
          actual: said.value,
          expected: 0,
          place: `${place()}/text`,
        });
      const table = evaluateTable(place, sentence);
      return [...out, table];
    });

    function evaluateTable(place: () => string, sentence: ReturnType<typeof sentenceOf>): Evaluation {
      if (cells.some((a) => isUnknown(getCell(model, a))))
        return { outcome: 'uncertain', messageId: 'unreadable', cells, sentence, place: place() };
      const v = (a: string) => {
        const cell = getCell(model, a)!;
        return hasFlag(cell, 'blank') ? (byColumns(a) ?? 0) : cell.value!;
      };
      const carryOutCells = hasFlag(getCell(model, addr.carryOut), 'blank')
        ? COLS.map((col) => t3('carryOut', col))
        : [addr.carryOut];
      if (v(addr.carryOut) !== 0)
        return {
          outcome: 'fail',
          messageId: 'carryOut',
          data: { carryOut: v(addr.carryOut) },
          cells: carryOutCells,
          sentence,
          expected: 0,
          actual: v(addr.carryOut),
          place: place(),
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
          place: place(),
        };
      return { outcome: 'pass' };
    }
  },
};
