import type { AuditResult, Localized } from '@/utils/audit/result';
import type { Attachment } from '@/utils/report/attachments';
import type { ReportModel } from '@/utils/report/model';
import type { ReadingRecord } from '@/utils/report/reading';
import { buildMarks, type Mark } from './findings';
import type { Target } from './Overlay';
import { findTextRange } from './text-range';

// From an audit and the parser's element map to what the overlay draws: the marks, and the live
// page node under each. Runs in the content script (the element map never leaves it).

export interface OverlayData {
  model: ReportModel;
  audit: AuditResult;
  /** address (cell, or paragraph/<id>) → the element it was read from */
  elements: ReadonlyMap<string, Element>;
  /** address → the rest of its element on later pages (a PDF cell or paragraph cut by a page break) */
  continued?: ReadonlyMap<string, readonly Element[]>;
  /** inferred cell address → value (T3-08) */
  inferred: ReadonlyMap<string, number>;
  /** the log could not file this audit: the panel says it is not saved */
  logError?: Localized | null;
  /** the report files the page offers (attachments, pdf.js viewers) */
  attachments?: readonly Attachment[];
  /** how the report was read (the panel's 读取说明), worked out when first asked for */
  reading?: () => ReadingRecord;
}

/**
 * The page cell of a value the parser could not read (`8?`, `l0`): the parser keeps no element for
 * it, but the cell is on the page, in the row of the address's other cells and under the column
 * of its column's other cells. Only a cell the parser gave to no address is taken, so a short row
 * (whose values the parser shifted) never gets a box over a neighbour's value.
 */
export function findUnreadCell(
  address: string,
  elements: ReadonlyMap<string, Element>,
  /** the elements of the map as a set: layout() makes it once for every unread cell */
  assigned: ReadonlySet<Element> = new Set(elements.values()),
): Element | null {
  const [table, row, col] = address.split('/');
  if (!table || !row || !col) return null;
  let rowRef: Element | undefined;
  const colRefs: Element[] = [];
  for (const [key, el] of elements) {
    const [t, r, c] = key.split('/');
    if (t !== table) continue;
    if (r === row && !rowRef) rowRef = el;
    else if (c === col && r !== row) colRefs.push(el);
  }
  const tr = rowRef?.closest('tr');
  const grid = rowRef?.closest('table');
  const colRef = colRefs.find((el) => el.closest('table') === grid) ?? colRefs[0];
  if (!tr || !colRef) return null;
  const c = colRef.getBoundingClientRect();
  const middle = c.left + c.width / 2;
  for (const cell of Array.from(tr.children)) {
    if (assigned.has(cell) || !/^T[DH]$/i.test(cell.tagName)) continue;
    const r = cell.getBoundingClientRect();
    if (r.width > 0 && r.left <= middle && middle < r.left + r.width) return cell;
  }
  return null;
}

/** The marks of an audit and the page nodes they are drawn over, in the page's reading order. */
export function layout(data: OverlayData): { marks: Mark[]; targets: Map<string, Target> } {
  const elements = new Map(data.elements);
  let assigned: ReadonlySet<Element> | undefined;
  for (const f of data.audit.findings) {
    for (const address of f.cells) {
      if (elements.has(address)) continue;
      assigned ??= new Set(data.elements.values());
      const cell = findUnreadCell(address, data.elements, assigned);
      if (cell) elements.set(address, cell);
    }
  }
  const marks = buildMarks(data.audit.findings, (a) => elements.has(a), new Set(data.inferred.keys()));
  const targets = new Map<string, Target>();
  for (const mark of marks) {
    if (mark.kind === 'cell') {
      targets.set(mark.key, {
        kind: 'cell',
        el: elements.get(mark.key)!,
        more: data.continued?.get(mark.key),
      });
      continue;
    }
    const { paragraph, text } = mark.sentence!;
    const el = elements.get(`paragraph/${paragraph}`)!;
    const range = findTextRange(el, text);
    // A sentence found in the paragraph's text is drawn there; else the paragraph's boxes are.
    const more = range ? undefined : data.continued?.get(`paragraph/${paragraph}`);
    targets.set(mark.key, { kind: 'sentence', el, range, more });
  }
  // Tab order follows the page: marks sorted by where their node is in the document.
  const position = (m: Mark) => targets.get(m.key)!.el;
  marks.sort((a, b) => {
    const ea = position(a);
    const eb = position(b);
    if (ea === eb) return 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return { marks, targets };
}
