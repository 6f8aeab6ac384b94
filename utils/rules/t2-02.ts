import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const ROWS = ['art20_1.regulations', 'art20_1.normativeDocs'];

export const t202: Rule = {
  id: 'T2-02',
  spec: 'T2-02',
  severity: 'info',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '本年新公开数量与新制作数量、累计数的关系',
    en: 'Published this year versus made this year and the cumulative total',
  },
  description: {
    zh: '本年新公开数量通常不超过本年新制作数量（往年文件也可能今年才公开，故只作提示）；对外公开总数量等于本年新公开数量且大于 0，像是只填了本年数而不是累计数。',
    en: 'Published this year is normally at most made this year (older documents can be published late, so only a note); a total public equal to this year’s publications (and above 0) looks like this year’s figure instead of a cumulative one.',
  },
  messages: {
    publishedExceedsMade: {
      zh: '{row}：本年新公开数量 {published} 大于本年新制作数量 {made}（可能公开了往年制作的文件）',
      en: '{row}: published this year {published} exceeds made this year {made} (older documents published late?)',
    },
    cumulativeEqualsYear: {
      zh: '{row}：对外公开总数量 {total} 等于本年新公开数量 {published}，像是填了本年数而不是累计数',
      en: '{row}: total public {total} equals published this year {published}; it looks like this year’s figure rather than a cumulative total',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const row of ROWS) {
      const [made, pub, tot] = ['newMade', 'newPublished', 'totalPublic'].map((c) => t2(row, c)) as [
        string,
        string,
        string,
      ];
      const m = getCell(model, made);
      const p = getCell(model, pub);
      const t = getCell(model, tot);
      const label = loc('row', T2_ROW_LABELS[row]!);
      if (m && p && !isUnknown(m) && !isUnknown(p)) {
        out.push(
          p.value! <= m.value!
            ? { outcome: 'pass', place: `${row}:made` }
            : {
                outcome: 'fail',
                messageId: 'publishedExceedsMade',
                data: { ...label, published: p.value!, made: m.value! },
                cells: [pub, made],
                place: `${row}:made`,
              },
        );
      }
      if (t && p && !isUnknown(t) && !isUnknown(p)) {
        out.push(
          t.value! === p.value! && p.value! > 0
            ? {
                outcome: 'fail',
                messageId: 'cumulativeEqualsYear',
                data: { ...label, total: t.value!, published: p.value! },
                cells: [tot, pub],
                place: `${row}:cumulative`,
              }
            : { outcome: 'pass', place: `${row}:cumulative` },
        );
      }
    }
    return out;
  },
};
