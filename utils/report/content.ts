import {
  type Cell,
  cellAddress,
  type ReportModel,
  TABLE_IDS,
  type TableId,
  type Unit,
} from '../report/model';

// What a report's tables say, as a hash and as a cell-by-cell difference: XYR-08 (changed after
// publication). Only the numbers count (value and unit, per semantic address): raw text, flags and
// the narrative do not, so an engine upgrade that reads the same numbers differently flagged, or a
// re-typeset page, is not a "change".

type Tables = ReportModel['tables'];

/** address → "value unit" for every cell of every table, in a stable order. */
function cellEntries(tables: Tables): [string, Cell][] {
  const out: [string, Cell][] = [];
  for (const table of TABLE_IDS) {
    const rows = tables[table];
    if (!rows) continue;
    for (const row of Object.keys(rows).sort()) {
      const cols = rows[row]!;
      for (const col of Object.keys(cols).sort())
        out.push([cellAddress(table as TableId, row, col), cols[col]!]);
    }
  }
  return out;
}

const numberOf = (cell: Cell): string => `${cell.value === null ? '?' : cell.value}${cell.unit ?? ''}`;

/** cyrb53: a fast 53-bit string hash (public domain, bryc). Not cryptographic; detects edits. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stable hash of the parsed tables' numbers: `t1:` + 28 hex digits (two seeds of cyrb53). */
export function contentHash(tables: Tables): string {
  const text = cellEntries(tables)
    .map(([a, c]) => `${a}=${numberOf(c)}`)
    .join('\n');
  const hex = (n: number) => n.toString(16).padStart(14, '0');
  return `t1:${hex(cyrb53(text, 0))}${hex(cyrb53(text, 0x9e3779b9))}`;
}

export interface CellVersion {
  raw: string;
  value: number | null;
  unit?: Unit;
}

export interface CellChange {
  address: string;
  /** null: the earlier version has no such cell */
  before: CellVersion | null;
  /** null: the later version has no such cell */
  after: CellVersion | null;
}

const version = (c: Cell): CellVersion => ({
  raw: c.raw,
  value: c.value,
  ...(c.unit ? { unit: c.unit } : {}),
});

/** Cells whose number differs between two versions of the tables, in table order. */
export function diffTables(before: Tables, after: Tables): CellChange[] {
  const a = new Map(cellEntries(before));
  const b = new Map(cellEntries(after));
  const addresses = [...new Set([...a.keys(), ...b.keys()])];
  const order = new Map(TABLE_IDS.map((t, i) => [t, i]));
  addresses.sort((x, y) => {
    const tx = order.get(x.slice(0, x.indexOf('/')) as TableId) ?? 9;
    const ty = order.get(y.slice(0, y.indexOf('/')) as TableId) ?? 9;
    return tx - ty || (x < y ? -1 : x > y ? 1 : 0);
  });
  const out: CellChange[] = [];
  for (const address of addresses) {
    const x = a.get(address);
    const y = b.get(address);
    if (x && y && numberOf(x) === numberOf(y)) continue;
    out.push({ address, before: x ? version(x) : null, after: y ? version(y) : null });
  }
  return out;
}
