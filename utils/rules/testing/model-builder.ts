import { extractClaims } from '../../report/claims';
import {
  type Cell,
  emptyTableInfo,
  type Format,
  type LegacyRow,
  type Paragraph,
  parseAddress,
  type ReportModel,
  T2_ROWS_2019,
  T2_ROWS_2021,
  T3_COLS,
  T4_BLOCKS,
  T4_COLS,
  type Table,
  type TableId,
  type TableInfo,
  t3Rows,
} from '../../report/model';

// Models for rule tests without a page: start from an all-zero 2019 or 2021 report (or an empty
// pre-2019 one) and set cells by semantic address.
//
//   modelBuilder('2021').set('applications/new/NP', 3).missing('applications/r1/NP').build()

export const num = (n: number, raw = String(n)): Cell => ({ raw, value: n, flags: [] });
export const blankCell = (): Cell => ({ raw: '', value: 0, flags: ['blank'] });
export const missingCell = (): Cell => ({ raw: '', value: null, flags: ['missing'] });

const zeroTable = (rows: string[], cols: readonly string[]): Table =>
  Object.fromEntries(rows.map((r) => [r, Object.fromEntries(cols.map((c) => [c, num(0)]))]));

function t2Table(format: '2019' | '2021'): Table {
  const rows = format === '2019' ? T2_ROWS_2019 : T2_ROWS_2021;
  return Object.fromEntries(rows.map((r) => [r.key, Object.fromEntries(r.cols.map((c) => [c, num(0)]))]));
}

const foundInfo = (): TableInfo => ({ ...emptyTableInfo(), found: true, complete: true });

export class ModelBuilder {
  private model: ReportModel;

  constructor(format: Format = '2021') {
    const year = format === '2019' ? 2019 : format === 'pre2019' ? 2017 : 2021;
    const tabled = format === '2019' || format === '2021';
    const f = format === '2019' ? '2019' : '2021';
    this.model = {
      kind: 'report',
      title: `某县${year}年政府信息公开工作年度报告`,
      agency: '某县人民政府',
      year,
      publishedAt: null,
      format,
      formatSignals: { f2019: [], f2021: [] },
      source: null,
      host: null,
      tables: {
        active: tabled ? t2Table(f) : null,
        applications: tabled ? zeroTable(t3Rows(f), T3_COLS) : null,
        reviews: tabled ? zeroTable([...T4_BLOCKS], T4_COLS) : null,
        legacy: null,
      },
      tableInfo: {
        active: tabled ? foundInfo() : emptyTableInfo(),
        applications: tabled ? foundInfo() : emptyTableInfo(),
        reviews: tabled ? foundInfo() : emptyTableInfo(),
        legacy: emptyTableInfo(),
      },
      legacyRows: [],
      headings: [],
      paragraphs: [],
      claims: [],
    };
  }

  /** Set a cell: a number, or a whole cell ({raw, value, flags, unit}). */
  set(address: string, value: number | Cell): this {
    const a = parseAddress(address);
    if (!a) throw new Error(`bad address ${address}`);
    const table = this.model.tables[a.table] ?? {};
    this.model.tables[a.table] = table;
    const row = table[a.row] ?? {};
    table[a.row] = row;
    row[a.col] = typeof value === 'number' ? num(value) : value;
    if (!this.model.tableInfo[a.table].found) this.model.tableInfo[a.table] = foundInfo();
    return this;
  }

  /** Set several cells of one row at once: setRow('applications/new', {NP: 3, TOT: 3}). */
  setRow(tableRow: string, values: Record<string, number | Cell>): this {
    for (const [col, v] of Object.entries(values)) this.set(`${tableRow}/${col}`, v);
    return this;
  }

  blank(...addresses: string[]): this {
    for (const a of addresses) this.set(a, blankCell());
    return this;
  }

  missing(...addresses: string[]): this {
    for (const a of addresses) this.set(a, missingCell());
    return this;
  }

  /** Add flags to existing cells. */
  flag(flag: Cell['flags'][number], ...addresses: string[]): this {
    for (const address of addresses) {
      const a = parseAddress(address)!;
      const cell = this.model.tables[a.table]?.[a.row]?.[a.col];
      if (!cell) throw new Error(`no cell at ${address}`);
      if (!cell.flags.includes(flag)) cell.flags.push(flag);
    }
    return this;
  }

  deleteRow(table: TableId, row: string): this {
    delete this.model.tables[table]?.[row];
    return this;
  }

  table(table: TableId, value: Table | null): this {
    this.model.tables[table] = value;
    return this;
  }

  info(table: TableId, info: Partial<TableInfo>): this {
    this.model.tableInfo[table] = { ...this.model.tableInfo[table], ...info };
    return this;
  }

  /**
   * A pre-2019 indicator table: rows in order; `parent` is the key of the 其中 parent. Values are
   * numbers or null (blank).
   */
  legacy(
    rows: Array<Partial<LegacyRow> & { key: string; label: string; value?: number | null | Cell }>,
  ): this {
    const table: Table = {};
    this.model.legacyRows = rows.map((r) => ({
      key: r.key,
      label: r.label,
      unit: r.unit ?? '件',
      parent: r.parent ?? null,
      block: r.block ?? '一',
      heading: r.heading ?? false,
    }));
    for (const r of rows) {
      if (r.heading) continue;
      const v = r.value;
      table[r.key] = {
        value: v === undefined || v === null ? blankCell() : typeof v === 'number' ? num(v) : v,
      };
    }
    this.model.tables.legacy = table;
    this.model.tableInfo.legacy = foundInfo();
    return this;
  }

  paragraph(section: Paragraph['section'], text: string): this {
    this.model.paragraphs.push({ id: `p${this.model.paragraphs.length + 1}`, section, text });
    return this;
  }

  with(patch: Partial<ReportModel>): this {
    this.model = { ...this.model, ...patch };
    return this;
  }

  /** The model, with the claims parseReport would read from its paragraphs (unless given with `with`). */
  build(): ReportModel {
    const model = structuredClone(this.model);
    if (model.claims.length === 0) model.claims = extractClaims(model.paragraphs);
    return model;
  }
}

export const modelBuilder = (format: Format = '2021'): ModelBuilder => new ModelBuilder(format);
