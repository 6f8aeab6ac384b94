import type { Localized } from '../audit/result';
import type { TextNumber } from '../report/model';
import { nfkc } from '../report/normalize';
import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, t2 } from './lib/cells';
import { admits, claimPlace, claimsOf, sentenceOf, shown } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-08: 规章 / 规范性文件 counts in the text (制作规范性文件 2 件，全部公开; 废止 N 件; 现行有效
// N 件) against Table 2 第二十条第（一）项.

const WHAT: Record<string, Localized> = {
  made: { zh: '本年制作（制发）', en: 'made this year' },
  published: { zh: '本年新公开', en: 'published this year' },
  repealed: { zh: '本年废止', en: 'repealed this year' },
  valid: { zh: '现行有效', en: 'currently valid' },
};

export const txt08: Rule = {
  id: 'TXT-08',
  spec: 'TXT-08',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文规章、规范性文件件数与表二一致',
    en: 'Regulation and normative-document counts in the text match Table 2',
  },
  description: {
    zh: '正文“制作（制发）规范性文件 N 件（全部公开）”“废止 N 件”“现行有效 N 件”应与表二第二十条第（一）项相应栏一致：2019 版为本年新制作数量、本年新公开数量，2021 版为本年制发件数、本年废止件数、现行有效件数。',
    en: 'Counts of regulations and normative documents made (and all published), repealed and currently valid stated in the text must match Table 2 article 20(1): F2019 made / published this year, F2021 made / repealed / valid.',
  },
  messages: {
    mismatch: {
      zh: '正文称{row}{what} {stated}，但表二为 {table}',
      en: 'The text states {stated} {row} {what}, but Table 2 has {table}',
    },
    unreadable: {
      zh: '无法判定：表二{row}{what}未能读出（正文称 {stated}）',
      en: 'Cannot be judged: Table 2 {row} {what} could not be read (text: {stated})',
    },
  },
  evaluate(model) {
    const table = model.tables.active;
    if (!table) return [];
    const out: Evaluation[] = [];
    for (const c of claimsOf(model, 'documentCount')) {
      const row = c.subject ?? '';
      const cols = table[row];
      if (!cols) continue;
      const f2019 = 'newMade' in cols;
      const label = T2_ROW_LABELS[row] ?? { zh: row, en: row };
      const checks: [keyof typeof WHAT, string, TextNumber][] = [];
      const { made, published, repealed, valid } = c.numbers;
      if (made) checks.push(['made', f2019 ? 'newMade' : 'made', made]);
      if (f2019) {
        const pub = published ?? (made && c.qualifiers.includes('全部公开') ? made : undefined);
        if (pub) checks.push(['published', 'newPublished', pub]);
      } else {
        if (repealed) checks.push(['repealed', 'repealed', repealed]);
        if (valid) checks.push(['valid', 'valid', valid]);
      }
      for (const [what, col, n] of checks) {
        const a = t2(row, col);
        const cell = getCell(model, a);
        const place = () => claimPlace(model, c, what);
        const data = {
          row_zh: label.zh,
          row_en: label.en,
          what_zh: WHAT[what]!.zh,
          what_en: WHAT[what]!.en,
          stated: shown(n),
        };
        if (!cell) continue;
        if (isUnknown(cell)) {
          out.push({
            outcome: 'uncertain',
            messageId: 'unreadable',
            data,
            cells: [a],
            sentence: sentenceOf(c),
            place: place(),
          });
          continue;
        }
        out.push(
          admits(n, cell.value!) || (what === 'valid' && addsUpWithThisYear(c.sentence, n, cell.value!))
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'mismatch',
                data: { ...data, table: cell.value! },
                cells: [a],
                sentence: sentenceOf(c),
                expected: cell.value!,
                actual: n.value,
                place: place(),
              },
        );
      }
    }
    return out;
  },
};

/** 集中发布现行有效…393件，动态更新本年度制发的…77件: a stock stated before this year's additions. */
function addsUpWithThisYear(sentence: string, valid: TextNumber, table: number): boolean {
  const thisYear = /(?:本年度?|今年|当年)[^，。；\d]{0,8}制发[^，。；\d]{0,12}(\d+)\s*件/.exec(
    nfkc(sentence),
  );
  return thisYear !== null && valid.range === undefined && valid.value + Number(thisYear[1]) === table;
}
