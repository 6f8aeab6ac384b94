import { keyLabel, TABLE_SHORT } from './labels';
import { loc } from './lib/cells';
import { NATIONAL_TABLES } from './lib/tables';
import type { Evaluation, Rule } from './types';

export const fmt10: Rule = {
  id: 'FMT-10',
  spec: 'FMT-10',
  severity: 'warning',
  formats: ['2019', '2021'],
  title: {
    zh: '表格与规定格式一致',
    en: 'The tables follow the official layout',
  },
  description: {
    zh: '所用格式规定的每一行、每一列都应出现（如 2021 版表三的（六）三个小项、2019 版表二的（九））；缺少作警告。格式之外的行或列（小计、类别合计）和与规定写法不同的标签只作提示；表格有读取不全的行时，异常标签属于读取问题，由 VAL-06 报告。',
    en: 'Every official row and column of the format must be there (the three (6) sub-rows of the 2021 Table 3, the 2019 Table 2 Article 20 (9) block); missing ones are a warning. Extra rows or columns (subtotals) and labels worded differently from the official text are a note; in a table with garbled rows, odd labels are reading noise and VAL-06 reports them.',
  },
  messages: {
    missingRows: {
      zh: '{table}缺少规定的行：{rows}',
      en: '{table} lacks official rows: {rows}',
    },
    extra: {
      zh: '{table}有格式之外的行或列：{extra}',
      en: '{table} has rows or columns the format does not have: {extra}',
    },
    labelVariants: {
      zh: '{table}有 {count} 处标签与规定写法不同：{variants}',
      en: '{table} has {count} labels worded differently from the format: {variants}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const table of NATIONAL_TABLES) {
      const info = model.tableInfo[table];
      if (!info.found) continue;
      const tl = loc('table', TABLE_SHORT[table]);
      let ok = true;
      if (info.missingRows.length) {
        ok = false;
        const labels = info.missingRows.map((r) => keyLabel(table, r));
        out.push({
          outcome: 'fail',
          messageId: 'missingRows',
          data: {
            ...tl,
            rows_zh: labels.map((l) => l.zh).join('、'),
            rows_en: labels.map((l) => l.en).join(', '),
          },
          cells: [],
          place: `${table}:missing`,
        });
      }
      if (info.extra.length) {
        ok = false;
        out.push({
          outcome: 'fail',
          severity: 'info',
          messageId: 'extra',
          data: { ...tl, extra_zh: info.extra.join('、'), extra_en: info.extra.join(', ') },
          cells: [],
          place: `${table}:extra`,
        });
      }
      // in a table read with garbled rows (PDF/OCR conversions) odd labels are reading noise: VAL-06
      const variants = info.garbledRows.length ? [] : Object.entries(info.labelVariants);
      if (variants.length) {
        ok = false;
        const v = (lang: 'zh' | 'en') =>
          variants
            .map(([k, printed]) => `“${printed}” → ${keyLabel(table, k)[lang]}`)
            .join(lang === 'zh' ? '、' : ', ');
        out.push({
          outcome: 'fail',
          severity: 'info',
          messageId: 'labelVariants',
          data: { ...tl, count: variants.length, variants_zh: v('zh'), variants_en: v('en') },
          cells: [],
          place: `${table}:labels`,
        });
      }
      if (ok) out.push({ outcome: 'pass', place: table });
    }
    return out;
  },
};
