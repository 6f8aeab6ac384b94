import { getCell, hasFlag } from './lib/cells';
import { indicatorRows, legacyAddr } from './lib/legacy';
import type { Evaluation, Rule } from './types';

export const s1707: Rule = {
  id: 'S17-07',
  spec: 'S17-07',
  severity: 'warning',
  formats: ['pre2019'],
  reportsOnFlags: true,
  title: {
    zh: '统计表指标未填写',
    en: 'Statistics table: indicator left blank',
  },
  description: {
    zh: '统计表的每个指标都应填写数值（没有就填 0）；空白无法区分“0”和“漏填”。',
    en: 'Every indicator of the statistics table should have a value (0 when there is none); a blank cannot tell zero from missing.',
  },
  messages: {
    blank: {
      zh: '“{label}”（{unit}）未填写',
      en: '“{label}” ({unit}) is blank',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    let ok = true;
    for (const row of indicatorRows(model)) {
      const a = legacyAddr(model, row.key);
      const c = getCell(model, a);
      if (c && !hasFlag(c, 'blank') && c.raw.trim() !== '') continue;
      ok = false;
      out.push({
        outcome: 'fail',
        messageId: 'blank',
        data: { label: row.label, unit: row.unit || '—' },
        cells: [a],
        place: row.key,
      });
    }
    if (ok) out.push({ outcome: 'pass', place: 'legacy' });
    return out;
  },
};
