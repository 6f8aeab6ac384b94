import type { Localized } from '../audit/result';
import { T4_OUTCOME_WORDS } from '../report/claims';
import { T4_COLS, type T4Col } from '../report/model';
import { cellLabel, T4_BLOCK_LABELS, T4_COL_LABELS } from './labels';
import { getCell, labelsOf, sumOf, t4 } from './lib/cells';
import { UNREADABLE } from './lib/identity';
import { admits, claimPlace, claimsOf, prose, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-05: what the text says about 行政复议 and 行政诉讼 against Table 4: the counts, the outcome
// words (维持/驳回 → 结果维持, 撤销/确认违法/责令履行 → 结果纠正, 撤诉/撤回/终止/调解 → 其他结果,
// 审理中 → 尚未审结), "未发生…" statements, and a non-zero Table 4 block the text never mentions.

const REV = ['rev'] as const;
const LIT = ['litDirect', 'litAfterRev'] as const;
const OUTCOMES: T4Col[] = ['upheld', 'corrected', 'other', 'pending'];
/** Every outcome word the claims read (维持, 撤销, 撤诉, 审理中, …), to quote the sentence's own. */
const OUTCOME_WORD = new RegExp(T4_OUTCOME_WORDS.map(([re]) => re.source).join('|'), 'g');

const blockLabel = (blocks: readonly string[]): Localized =>
  blocks.length === 1 ? T4_BLOCK_LABELS[blocks[0]!]! : { zh: '行政诉讼', en: 'lawsuits' };

export const txt05: Rule = {
  id: 'TXT-05',
  spec: 'TXT-05',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid', 'pre2019'],
  title: {
    zh: '正文行政复议、行政诉讼情况与表四一致',
    en: 'Reviews and lawsuits in the text match Table 4',
  },
  description: {
    zh: '正文所述行政复议、行政诉讼的件数和结果（维持、纠正、撤回终止等其他结果、尚未审结）应与表四相符；“未发生行政复议、行政诉讼”时表四相应部分应为 0；表四有数而正文只字未提的，提示核对。',
    en: 'Review and lawsuit counts and outcomes stated in the text (upheld, corrected, withdrawn/terminated and other, pending) must match Table 4; "no reviews or lawsuits" means the matching Table 4 blocks are 0; a non-zero Table 4 block the text never mentions is flagged for review.',
  },
  messages: {
    countByInstance: {
      zh: '正文称{block} {stated}（按审级计），表四相应总计为 {table}；口径可能不同，需人工核对',
      en: 'The text states {block} {stated} (counted by instance); Table 4 totals {table}. The scopes may differ: check by hand',
    },
    count: {
      zh: '正文称{block} {stated}，但表四相应总计为 {table}',
      en: 'The text states {stated} {block}, but Table 4 totals {table}',
    },
    outcome: {
      zh: '正文称{block}{word} {stated}，但表四“{outcome}”为 {table}',
      en: 'The text says {stated} {block} ended "{word}", but Table 4 "{outcome}" is {table}',
    },
    none: {
      zh: '正文称未发生{block}，但表四有数：{cells}',
      en: 'The text says there were no {block}, but Table 4 has: {cells}',
    },
    unmentioned: {
      zh: '表四{block}有数（{cells}），但正文未提及{block}',
      en: 'Table 4 has {block} figures ({cells}), but the text never mentions {block}',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    const table = model.tables.reviews;
    if (!table) return [];
    const out: Evaluation[] = [];
    const sum = (blocks: readonly string[], col: T4Col) => {
      const cells = blocks.map((b) => t4(b, col));
      return { cells, ...sumOf(model, cells) };
    };
    const nonZero = (blocks: readonly string[]) =>
      blocks
        .flatMap((b) => T4_COLS.map((c) => t4(b, c)))
        .filter((a) => (getCell(model, a)?.value ?? 0) !== 0);
    const inWords = (addresses: string[]) => {
      const items = addresses.map((a) => ({
        l: cellLabel(a, model.legacyRows),
        v: getCell(model, a)?.value ?? 0,
      }));
      return {
        cells_zh: items.map((i) => `${i.l.zh} ${i.v}`).join('、'),
        cells_en: items.map((i) => `${i.l.en} ${i.v}`).join(', '),
      };
    };

    for (const c of claimsOf(model, 'reviewCount', 'litigationCount')) {
      const blocks = c.kind === 'reviewCount' ? REV : LIT;
      const bl = blockLabel(blocks);
      const place = () => claimPlace(model, c);
      const sentence = sentenceOf(c);
      const n = c.numbers.count;
      if (!n) continue;
      const total = sum(blocks, 'total');
      if (total.unknown.length) {
        const l = labelsOf(model, total.unknown);
        out.push({
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: { cells_zh: l.zh, cells_en: l.en },
          cells: total.cells,
          sentence,
          place: place(),
        });
        continue;
      }
      // 一审/二审 counts are cases by instance, a different scope from the table's: ask, don't judge.
      const byInstance = /[一二再]审/.test(c.sentence);
      out.push(
        admits(n, total.value)
          ? { outcome: 'pass' }
          : {
              outcome: byInstance ? 'uncertain' : 'fail',
              messageId: byInstance ? 'countByInstance' : 'count',
              data: { block_zh: bl.zh, block_en: bl.en, stated: shown(n), table: total.value },
              cells: total.cells,
              sentence,
              expected: total.value,
              actual: n.value,
              place: place(),
            },
      );
      // outcome words: an explicit count, or the whole count when the sentence names one outcome only
      const named = OUTCOMES.filter((o) => c.qualifiers.includes(o));
      for (const o of named) {
        const stated = c.numbers[o] ?? (named.length === 1 ? n : undefined);
        if (!stated) continue;
        const s = sum(blocks, o);
        if (s.unknown.length) continue;
        const p = () => `${place()}/${o}`;
        const word = c.sentence.match(OUTCOME_WORD) ?? [];
        out.push(
          admits(stated, s.value)
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'outcome',
                data: {
                  block_zh: bl.zh,
                  block_en: bl.en,
                  word: word.join('、'),
                  outcome_zh: T4_COL_LABELS[o]!.zh,
                  outcome_en: T4_COL_LABELS[o]!.en,
                  stated: shown(stated),
                  table: s.value,
                },
                cells: s.cells,
                sentence,
                expected: s.value,
                actual: stated.value,
                place: p(),
              },
        );
      }
    }

    for (const c of claimsOf(model, 'noReviewOrLitigation')) {
      for (const [q, blocks] of [
        ['rev', REV],
        ['lit', LIT],
      ] as const) {
        if (!c.qualifiers.includes(q)) continue;
        const place = () => claimPlace(model, c, q);
        const bad = nonZero(blocks);
        const bl = blockLabel(blocks);
        out.push(
          bad.length === 0
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'none',
                data: { block_zh: bl.zh, block_en: bl.en, ...inWords(bad) },
                cells: bad,
                sentence: sentenceOf(c),
                place: place(),
              },
        );
      }
    }

    // a non-zero block the text never mentions
    const text = prose(model)
      .map((p) => p.text)
      .join('\n');
    for (const [word, blocks, place] of [
      [/复议/, REV, 'unmentioned/rev'],
      [/诉讼|起诉/, LIT, 'unmentioned/lit'],
    ] as const) {
      const bad = nonZero(blocks);
      if (bad.length === 0) continue;
      const bl = blockLabel(blocks);
      out.push(
        word.test(text)
          ? { outcome: 'pass', place }
          : {
              outcome: 'fail',
              messageId: 'unmentioned',
              data: { block_zh: bl.zh, block_en: bl.en, ...inWords(bad) },
              cells: bad,
              place,
            },
      );
    }
    return out;
  },
};
