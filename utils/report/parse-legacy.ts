import type { Budget } from '../budget';
import type { Row } from './locate';
import { type Cell, cellAddress, emptyTableInfo, type LegacyRow, type Table } from './model';
import { chineseToNumber, labelKey, stripOrdinal } from './normalize';
import { readCount } from './numbers';
import type { ParsedTable } from './parse-applications';

// Pre-2019 indicator tables: `统计指标 | 单位 | 汇总数`, hierarchy given by 一、 blocks,
// （一） items and 其中 children. Keys follow that hierarchy: `1.1` is 一（一）, `1.1.2` its
// second 其中 child; an indicator without ordinal after an item is the item's sibling (`1.2a`).

const BLOCK = /^([一二三四五六七八九十]+)[、.．]/;
const ITEM = /^[(（]\s*([一二三四五六七八九十]+)\s*[)）]/;
const CHILD = /^其中\s*[:：]?/;
const UNIT = /^(?:件|次|人|个|条|项|份|家|篇|期|场|万元|元|%|天|分)(?:\/(?:件|次|人|个))?$/;

export interface ParsedLegacy extends ParsedTable {
  rows: LegacyRow[];
  /** texts of the table's non-indicator rows (footer: 填表单位, 日期 …) */
  notes: { text: string; el: Element }[];
}

export function parseLegacy(
  rows: Row[],
  put: (address: string, el: Element) => void,
  budget?: Budget,
): ParsedLegacy {
  const none = { table: null, rows: [], notes: [] };
  if (!rows.length) return { ...none, info: emptyTableInfo('not-found') };
  const info = emptyTableInfo();
  info.found = true;
  const table: Table = {};
  const meta: LegacyRow[] = [];
  const notes: { text: string; el: Element }[] = [];
  let block = '0';
  let itemCount = 0;
  let siblings = 0;
  /** the last indicator that is not a child: a 其中 list hangs from it */
  let lastParentable: string | null = null;
  /** the indicator whose 其中 list is open, and how many children it has so far */
  let listParent: string | null = null;
  let childCount = 0;

  for (const row of rows) {
    budget?.tick('rows');
    const texts = row.cells.map((c) => c.text);
    const first = texts[0] ?? '';
    const key0 = labelKey(first);
    if (key0.includes('统计指标')) continue;
    const unitCell = row.cells.length >= 3 ? row.cells[row.cells.length - 2] : undefined;
    const valueCell = row.cells.length >= 2 ? row.cells[row.cells.length - 1] : undefined;
    const unit = unitCell ? labelKey(unitCell.text) : '';
    const blockMatch = BLOCK.exec(key0);
    if (blockMatch && !UNIT.test(unit)) {
      block = String(chineseToNumber(blockMatch[1]!) ?? block);
      itemCount = 0;
      lastParentable = null;
      listParent = null;
      meta.push({ key: block, label: first, unit: '', parent: null, block, heading: true });
      continue;
    }
    if (!unitCell || !valueCell || !UNIT.test(unit)) {
      if (first) notes.push({ text: texts.join(' '), el: row.cells[0]!.el });
      continue;
    }
    let key: string;
    let parent: string | null = null;
    const itemMatch = ITEM.exec(key0);
    if (itemMatch) {
      itemCount = chineseToNumber(itemMatch[1]!) ?? itemCount + 1;
      key = `${block}.${itemCount}`;
      siblings = 0;
      lastParentable = key;
      listParent = null;
    } else if (CHILD.test(key0) || listParent) {
      // 其中 opens a list under the last indicator; rows right after a child continue it.
      if (CHILD.test(key0) || !listParent) {
        listParent = lastParentable;
        childCount = 0;
      }
      parent = listParent;
      childCount++;
      key = `${parent ?? block}.${childCount}`;
    } else {
      // An indicator without ordinal right after an item (工作人员数量 after 机构数量) is its sibling.
      siblings++;
      key = `${block}.${itemCount}${String.fromCharCode(96 + siblings)}`;
      lastParentable = key;
    }
    const cell: Cell = readCount(valueCell.text);
    table[key] = { value: cell };
    put(cellAddress('legacy', key, 'value'), valueCell.el);
    meta.push({
      key,
      label: stripOrdinal(first.trim()).replace(CHILD, '').trim(),
      unit: unitCell.text.trim(),
      parent,
      block,
      heading: false,
    });
  }
  info.complete = meta.some((m) => !m.heading);
  return { table, info, rows: meta, notes };
}
