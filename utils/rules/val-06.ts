import type { Localized } from '../audit/result';
import { TABLE_IDS } from '../report/model';
import { cellLabel, keyLabel, rowLabel, TABLE_SHORT } from './labels';
import { fmtNum, getCell, loc } from './lib/cells';
import { tableCells } from './lib/tables';
import type { Evaluation, Rule } from './types';

const join = (parts: Localized[], zhSep: string, enSep: string): Localized => ({
  zh: parts.map((p) => p.zh).join(zhSep),
  en: parts.map((p) => p.en).join(enSep),
});

export const val06: Rule = {
  id: 'VAL-06',
  spec: 'VAL-06',
  severity: 'info',
  formats: ['2019', '2021', 'hybrid', 'pre2019'],
  reportsOnFlags: true,
  title: {
    zh: '表格读取可信度',
    en: 'How reliably the tables were read',
  },
  description: {
    zh: '某行读出的数字少于数据栏数，或标签无法辨认（常见于 PDF/OCR 转换的页面）时，缺失的数值按未知处理；能由勾稽关系推算的（T3-08）标为推算。涉及未知或推算数值的检查只会是“不确定”。',
    en: 'When a row yields fewer numbers than it has columns, or its label cannot be read (typical of PDF or OCR conversions), the missing values are unknown; those an identity determines are inferred (T3-08). A check involving an unknown or inferred value is uncertain at most.',
  },
  messages: {
    partial: {
      zh: '{table}未能完整读出：{detail}',
      en: '{table} was not read completely: {detail}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    for (const table of TABLE_IDS) {
      const info = model.tableInfo[table];
      const cells = tableCells(model, table);
      if (!info.found && !cells.length) continue;
      const garbledRows = [...new Set([...info.garbledRows])];
      // one walk over the table's cells for the three flags (most cells have none)
      const missing: string[] = [];
      const inferred: string[] = [];
      const garbledCells: string[] = [];
      for (const a of cells) {
        const flags = getCell(model, a)?.flags;
        if (!flags?.length) continue;
        if (flags.includes('missing')) missing.push(a);
        if (flags.includes('inferred')) inferred.push(a);
        if (flags.includes('garbled')) garbledCells.push(a);
      }
      // with garbled rows, odd labels are reading noise too (FMT-10 leaves them to this rule)
      const oddLabels = garbledRows.length ? Object.keys(info.labelVariants) : [];
      if (!garbledRows.length && !missing.length && !inferred.length && !garbledCells.length) {
        out.push({ outcome: 'pass', place: table });
        continue;
      }
      const parts: Localized[] = [];
      if (garbledRows.length) {
        const rows = join(
          garbledRows.map((r) => rowLabel(table, r, model.legacyRows)),
          '、',
          ', ',
        );
        parts.push({ zh: `读取不全的行：${rows.zh}`, en: `rows read incompletely: ${rows.en}` });
      }
      const lost = missing.length + inferred.length;
      if (lost) parts.push({ zh: `${lost} 个数值缺失`, en: `${lost} values missing` });
      if (inferred.length) {
        const list = join(
          inferred.map((a) => {
            const l = cellLabel(a, model.legacyRows);
            const v = fmtNum(getCell(model, a)!.value!);
            return { zh: `${l.zh} = ${v}`, en: `${l.en} = ${v}` };
          }),
          '、',
          '; ',
        );
        parts.push({
          zh: `其中 ${inferred.length} 个已由勾稽关系推算（${list.zh}）`,
          en: `${inferred.length} of them inferred from the identities (${list.en})`,
        });
      }
      if (missing.length)
        parts.push({ zh: `${missing.length} 个无法推算`, en: `${missing.length} could not be inferred` });
      if (oddLabels.length) {
        const labels = join(
          oddLabels.map((k) => keyLabel(table, k, model.legacyRows)),
          '、',
          ', ',
        );
        parts.push({ zh: `标签辨认不清：${labels.zh}`, en: `labels hard to read: ${labels.en}` });
      }
      if (garbledCells.length) {
        parts.push({
          zh: `${garbledCells.length} 个数值辨认不清`,
          en: `${garbledCells.length} values hard to read`,
        });
      }
      out.push({
        outcome: 'fail',
        messageId: 'partial',
        data: { ...loc('table', TABLE_SHORT[table]), ...loc('detail', join(parts, '；', '; ')) },
        cells: [...new Set([...missing, ...inferred, ...garbledCells])],
        place: table,
      });
    }
    return out;
  },
};
