import { T2_ROW_LABELS } from './labels';
import { getCell, isUnknown, loc, t2 } from './lib/cells';
import type { Evaluation, Rule } from './types';

const ROWS = ['art20_1.regulations', 'art20_1.normativeDocs'];

export const t201: Rule = {
  id: 'T2-01',
  spec: 'T2-01',
  severity: 'warning',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '对外公开总数量不小于本年新公开数量',
    en: 'Total public is at least the number published this year',
  },
  description: {
    zh: '2019 版表二中“对外公开总数量”是累计数，包含本年新公开的文件，因此不应小于“本年新公开数量”（规章、规范性文件）。该列含义未有官方定义，故作警告。',
    en: 'In the 2019 format, “total public” is cumulative and includes this year’s publications, so it should not be below “published this year” (regulations, normative documents). The column was never officially defined, hence a warning.',
  },
  messages: {
    belowYear: {
      zh: '{row}：对外公开总数量 {total} 小于本年新公开数量 {published}',
      en: '{row}: total public {total} is below published this year {published}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const row of ROWS) {
      const pub = t2(row, 'newPublished');
      const tot = t2(row, 'totalPublic');
      const p = getCell(model, pub);
      const t = getCell(model, tot);
      if (!p || !t || isUnknown(p) || isUnknown(t)) continue;
      if (t.value! >= p.value!) out.push({ outcome: 'pass', place: row });
      else
        out.push({
          outcome: 'fail',
          messageId: 'belowYear',
          data: { ...loc('row', T2_ROW_LABELS[row]!), total: t.value!, published: p.value! },
          cells: [tot, pub],
          expected: p.value!,
          actual: t.value!,
          place: row,
        });
    }
    return out;
  },
};
