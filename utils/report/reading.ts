import type { Located, Row, TableKind } from './locate';
import { type CellFlag, type Claim, parseAddress, type ReportModel, TABLE_IDS, type TableId } from './model';
import { hasDigits, isValueLike } from './numbers';

// How a report was read (issue 8 §5, `gouji --explain`, the panel's 读取说明): per table the rows
// as read, which printed label became which row key and which header which column key, what was
// left unplaced, guessed, garbled, blank or missing; and every claim with its sentence.
//
// The record is derived after parsing from what the parser already returns beside the model — the
// rows it located (Parsed.located) and the address → element map its parsers fill — so reading a
// page costs nothing more when nobody asks, and the parsers keep one code path. The result is
// plain data (JSON for the CLI, props for the panel); addresses link it back to the page.

export type RowStatus =
  /** a header or caption row above the data */
  | 'header'
  /** its label named a row key and its values were read */
  | 'placed'
  /** its label was lost; the key was the one its neighbours left (L7) */
  | 'guessed'
  /** placed, but with fewer value cells than the table has columns */
  | 'short'
  /** holds numbers but no row key took them */
  | 'unplaced'
  /** text without numbers below the header (a note, a category caption) */
  | 'text';

export interface RowReading {
  /** 1-based position among the table's rows as read (over every <table> the table spans) */
  n: number;
  /** the row's cells left to right, each merged cell once */
  cells: string[];
  /** the printed label: the cells that did not become values */
  label: string;
  /** the row keys its values went to (表四's one data row holds three) */
  keys: string[];
  status: RowStatus;
  /** numbers in a placed row that no column took (a row wider than the table) */
  left?: string[];
  /** the address of one of its cells, to find it on the page */
  address?: string;
  /** where it is in a document (page and box, lines) */
  at?: string;
}

export interface ColumnReading {
  /** column key, or row·column where one grid row holds several row keys (表四) */
  key: string;
  /** 1-based grid column the values came from */
  column: number;
  /** the header text printed above that column, top to bottom */
  header: string;
}

export interface CellReading {
  row: string;
  col: string;
  raw: string;
  flags: CellFlag[];
}

export interface TableReading {
  table: TableId;
  found: boolean;
  complete: boolean;
  reason?: string;
  /** how many <table> elements its rows came from (a table continued in a second one) */
  elements: number;
  rows: RowReading[];
  columns: ColumnReading[];
  /** official rows not read, each with why */
  missing: { key: string; why: 'not-found' | 'short' | 'guessed' }[];
  /** printed rows or columns the format does not have (FMT-10) */
  extra: string[];
  /** row key → its label as printed, where it differs from the official wording */
  labelVariants: Record<string, string>;
  /** every cell that is not a plain number read from the page: blank, missing, garbled, inferred… */
  flagged: CellReading[];
}

export interface ClaimReading {
  kind: Claim['kind'];
  subject?: string;
  /** name → number as written and its value */
  values: Record<string, { raw: string; value: number; range?: [number, number] }>;
  qualifiers: string[];
  sentence: string;
  paragraph: string;
  /** paragraph address, to find it on the page */
  address: string;
  at?: string;
}

export interface ReadingRecord {
  /** a document's reader's steps (pages, tables found, joined, headers dropped), when it was a file */
  document?: string[];
  tables: TableReading[];
  /** the narrative's section headings as found */
  headings: string[];
  paragraphs: number;
  claims: ClaimReading[];
}

export interface ReadingInput {
  model: ReportModel;
  located: Located;
  elements: Map<string, Element>;
}

/** Where an element is in its document, for documents read into synthetic pages. */
export type Locate = (el: Element) => string | null;

/** Whether a row above i was placed: numbers above every placed row are a header (表四 numbers its 15 columns). */
function placedBefore(readings: RowReading[], i: number): boolean {
  return readings.slice(0, i).some((r) => r.keys.length > 0);
}

const KINDS: TableKind[] = ['active', 'applications', 'reviews', 'legacy'];

/** element → the addresses it was read into, for one table */
function addressesByElement(elements: Map<string, Element>, table: TableId): Map<Element, string[]> {
  const out = new Map<Element, string[]>();
  for (const [address, el] of elements) {
    if (!address.startsWith(`${table}/`)) continue;
    const list = out.get(el);
    if (list) list.push(address);
    else out.set(el, [address]);
  }
  return out;
}

function tableReading(input: ReadingInput, table: TableKind, locate?: Locate): TableReading {
  const { model } = input;
  const info = model.tableInfo[table];
  const rows: Row[] = input.located[table];
  const byElement = addressesByElement(input.elements, table);
  const guessed = new Set(info.garbledRows);
  const data = model.tables[table] ?? {};

  // grid column of each column key, counted over the rows that gave it
  const columnVotes = new Map<string, Map<number, number>>();
  const columnsOfRow = new Map<number, string[]>();
  const columnUsed = (r: RowReading, key: string) => columnsOfRow.get(r.n - 1)?.includes(key) ?? false;
  const readings: RowReading[] = rows.map((row, i) => {
    const addresses: string[] = [];
    const labelParts: string[] = [];
    const left: string[] = [];
    for (const cell of row.cells) {
      const own = byElement.get(cell.el);
      if (own) addresses.push(...own);
      else if (cell.text) {
        labelParts.push(cell.text);
        if (hasDigits(cell.text) && isValueLike(cell.text)) left.push(cell.text);
      }
    }
    const keys = [...new Set(addresses.map((a) => parseAddress(a)!.row))];
    const several = keys.length > 1;
    for (const address of addresses) {
      const { row: r, col } = parseAddress(address)!;
      const cell = row.cells.find((c) => byElement.get(c.el)?.includes(address));
      if (!cell) continue;
      const key = several ? `${r}·${col}` : col;
      const votes = columnVotes.get(key) ?? new Map<number, number>();
      votes.set(cell.col, (votes.get(cell.col) ?? 0) + 1);
      columnVotes.set(key, votes);
      columnsOfRow.set(i, [...(columnsOfRow.get(i) ?? []), key]);
    }
    let status: RowStatus;
    if (keys.length) {
      const flags = keys.flatMap((k) => Object.values(data[k] ?? {}).flatMap((c) => c.flags));
      status = flags.includes('garbled')
        ? 'guessed'
        : keys.some((k) => guessed.has(k)) || flags.includes('missing')
          ? 'short'
          : 'placed';
    } else status = row.cells.some((c) => hasDigits(c.text)) ? 'unplaced' : 'text';
    const at = locate?.(row.cells[0]!.el) ?? undefined;
    return {
      n: i + 1,
      cells: row.cells.map((c) => c.text),
      label: labelParts.join(' '),
      keys,
      status,
      ...(keys.length && left.length ? { left } : {}),
      ...(addresses[0] ? { address: addresses[0] } : {}),
      ...(at ? { at } : {}),
    };
  });
  // Rows above a placed row are its headers (a caption, the column heads, 表四's numbered
  // column row); rows after the last one are notes, or numbers that no row key took.
  let lastPlaced = -1;
  readings.forEach((r, i) => {
    if (r.keys.length) lastPlaced = i;
  });
  readings.forEach((r, i) => {
    if (!r.keys.length && i < lastPlaced && (r.status === 'text' || !placedBefore(readings, i)))
      r.status = 'header';
  });

  const columns: ColumnReading[] = [];
  for (const [key, votes] of columnVotes) {
    const column = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    // The header of a column is the block of header rows right above the first row that used it.
    const first = readings.findIndex((r) => r.keys.length && columnUsed(r, key));
    let top = first;
    while (top > 0 && readings[top - 1]!.status === 'header') top--;
    const header: string[] = [];
    // Values are taken from a row's right end, so a header row narrower than the data (its label
    // cell spans fewer columns, as in a PDF table continued on the next page) is aligned right.
    const width = rows[first]!.slots.length;
    for (let i = top; i < first; i++) {
      const slots = rows[i]!.slots;
      const text = slots[column - Math.max(0, width - slots.length)]?.text;
      if (text && header[header.length - 1] !== text) header.push(text);
    }
    columns.push({ key, column: column + 1, header: header.join(' / ') });
  }
  columns.sort((a, b) => a.column - b.column || a.key.localeCompare(b.key));

  const placedStatus = new Map<string, RowStatus>();
  for (const r of readings) for (const k of r.keys) placedStatus.set(k, r.status);
  const missing: TableReading['missing'] = [
    ...info.missingRows.map((key) => ({ key, why: 'not-found' as const })),
    ...info.garbledRows
      .filter((key) => !info.missingRows.includes(key))
      .map((key) => ({
        key,
        why: placedStatus.get(key) === 'guessed' ? ('guessed' as const) : ('short' as const),
      })),
  ];

  const flagged: CellReading[] = [];
  for (const [row, cells] of Object.entries(data))
    for (const [col, cell] of Object.entries(cells))
      if (cell.flags.length) flagged.push({ row, col, raw: cell.raw, flags: [...cell.flags] });

  return {
    table,
    found: info.found,
    complete: info.complete,
    ...(info.reason ? { reason: info.reason } : {}),
    elements: new Set(rows.map((r) => r.table)).size,
    rows: readings,
    columns,
    missing,
    extra: [...info.extra],
    labelVariants: { ...info.labelVariants },
    flagged,
  };
}

/** How the report was read, as plain data. `locate` adds document places (pages, lines). */
export function readingRecord(input: ReadingInput, locate?: Locate): ReadingRecord {
  const { model } = input;
  const tables = KINDS.filter((k) => TABLE_IDS.includes(k)).map((k) => tableReading(input, k, locate));
  const claims: ClaimReading[] = model.claims.map((claim) => {
    const address = `paragraph/${claim.paragraph}`;
    const el = input.elements.get(address);
    const at = el ? (locate?.(el) ?? undefined) : undefined;
    return {
      kind: claim.kind,
      ...(claim.subject ? { subject: claim.subject } : {}),
      values: Object.fromEntries(
        Object.entries(claim.numbers).map(([name, n]) => [
          name,
          { raw: n.raw, value: n.value, ...(n.range ? { range: n.range } : {}) },
        ]),
      ),
      qualifiers: [...(claim.qualifiers ?? [])],
      sentence: claim.sentence,
      paragraph: claim.paragraph,
      address,
      ...(at ? { at } : {}),
    };
  });
  return {
    tables,
    headings: model.headings.map((h) => (h.text.startsWith(h.ordinal) ? h.text : `${h.ordinal}、${h.text}`)),
    paragraphs: model.paragraphs.length,
    claims,
  };
}
