import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { nodePdfOptions } from '../../cli/pdf-node';
import type { Cell, ReportModel } from '../report/model';
import { readReport } from './index';

// Every document fixture (tests/fixtures/documents/, made by scripts/make-fixture-docs.ts from
// the fixture pages) against the page's hand-written expectation, with what the document
// cannot carry written down beside it in <name>.expected.json.

const DOCUMENTS = join(__dirname, '../../tests/fixtures/documents');
const PAGES = join(__dirname, '../../tests/fixtures/pages');

type ExpectedCell = number | null | Partial<Cell>;
type Tables = Record<
  'active' | 'applications' | 'reviews',
  Record<string, Record<string, ExpectedCell>> | null
> & {
  legacy: { label: string; unit?: string; value: ExpectedCell }[] | null;
};
interface PageExpected {
  kind: ReportModel['kind'];
  format?: ReportModel['format'];
  year?: number;
  agency?: string | null;
  title?: string;
  publishedAt?: string | null;
  tables?: Tables;
}
interface DocumentExpected {
  /** the fixture page the document was made from */
  from: string;
  kind: 'pdf' | 'docx' | 'text';
  /** fields that differ from the page's expectation, and why */
  differs?: Partial<Omit<PageExpected, 'tables'>> & {
    cells?: Record<string, ExpectedCell>;
    why?: string;
  };
}

function comparable(cell: Cell | undefined, expected: ExpectedCell): unknown {
  if (!cell) return undefined;
  if (expected === null || typeof expected === 'number') return cell.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) out[key] = cell[key as keyof Cell];
  return out;
}

const read = (file: string) =>
  readReport(
    new Uint8Array(readFileSync(join(DOCUMENTS, file))),
    { name: file },
    { parseHtml: (html) => documentFromHtml(html), pdf: nodePdfOptions() },
  );

const fixtures = readdirSync(DOCUMENTS).filter((f) => f.endsWith('.expected.json'));

describe('document fixtures', () => {
  it('are there to test: PDF, DOCX and both text layouts', () => {
    const kinds = fixtures.map(
      (f) => (JSON.parse(readFileSync(join(DOCUMENTS, f), 'utf8')) as DocumentExpected).kind,
    );
    expect(new Set(kinds)).toEqual(new Set(['pdf', 'docx', 'text']));
  });

  for (const file of fixtures) {
    const name = file.replace(/\.expected\.json$/, '');
    it(name, { timeout: 60_000 }, async () => {
      const doc = JSON.parse(readFileSync(join(DOCUMENTS, file), 'utf8')) as DocumentExpected;
      const page = JSON.parse(
        readFileSync(join(PAGES, doc.from.replace(/\.html$/, '.expected.json')), 'utf8'),
      ) as PageExpected;
      const result = await read(name);
      expect(result.kind).toBe(doc.kind);
      expect(result.problem).toBeUndefined();
      const model = result.parsed!.model;
      const { cells: cellOverrides = {}, why: _why, ...meta } = doc.differs ?? {};
      const want = { ...page, ...meta };
      expect({
        kind: model.kind,
        format: model.format,
        year: model.year,
        agency: model.agency,
        title: model.title?.replace(/\s+/g, ''),
        publishedAt: model.publishedAt,
      }).toEqual({
        kind: want.kind,
        format: want.format,
        year: want.year,
        agency: want.agency,
        title: want.title?.replace(/\s+/g, ''),
        publishedAt: want.publishedAt,
      });
      const tables = page.tables!;
      for (const id of ['active', 'applications', 'reviews'] as const) {
        const wantTable = tables[id];
        if (wantTable === null) {
          expect(model.tables[id], id).toBeNull();
          continue;
        }
        const expected: Record<string, unknown> = {};
        const actual: Record<string, unknown> = {};
        for (const [row, cols] of Object.entries(wantTable))
          for (const [col, cell] of Object.entries(cols)) {
            const address = `${id}/${row}/${col}`;
            const w = address in cellOverrides ? cellOverrides[address]! : cell;
            expected[address] = w === null || typeof w === 'number' ? w : w;
            actual[address] = comparable(model.tables[id]?.[row]?.[col], w);
            if (typeof w === 'number' || w === null) expected[address] = w;
          }
        expect(actual, id).toEqual(expected);
      }
      if (tables.legacy === null) expect(model.tables.legacy).toBeNull();
      else {
        const rows = model.legacyRows.filter((r) => !r.heading);
        const actual = tables.legacy.map((w, i) => ({
          label: rows[i]?.label.replace(/\s+/g, ''),
          value: comparable(rows[i] ? model.tables.legacy?.[rows[i]!.key]?.value : undefined, w.value),
        }));
        expect(actual).toEqual(
          tables.legacy.map((w) => ({ label: w.label.replace(/\s+/g, ''), value: w.value })),
        );
      }
      // Every value cell the parser read knows where it is in the document.
      const addresses = [...result.parsed!.elements.keys()].filter((a) =>
        /^(active|applications|reviews|legacy)\//.test(a),
      );
      expect(addresses.length).toBeGreaterThan(20);
      for (const address of addresses)
        expect(result.locations[address], address).toMatchObject({ kind: doc.kind });
    });
  }
});

describe('PDF', () => {
  it('draws every cell on its page: a table broken over two pages keeps both pages', async () => {
    const result = await read('seed000.pdf');
    const pages = result.pages!;
    const at = (address: string) => {
      const location = result.locations[address];
      if (location?.kind !== 'pdf') throw new Error(`no PDF location for ${address}`);
      return location.boxes[0]!;
    };
    const first = at('applications/new/TOT');
    const last = at('applications/carryOut/TOT');
    expect(last.page).toBeGreaterThan(first.page);
    for (const { page, box } of [first, last]) {
      const { width, height } = pages[page - 1]!;
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[2]).toBeLessThanOrEqual(width);
      expect(box[3]).toBeLessThanOrEqual(height + 1);
      expect(box[2] - box[0]).toBeGreaterThan(10);
    }
    // The total column is the rightmost: the same x on both pages.
    expect(Math.abs(first.box[2] - last.box[2])).toBeLessThan(2);
    expect(result.explain.join('\n')).toMatch(/跨页续表已合并/);
  });

  it('boxes a row cut by a page break on both pages, in the same columns', async () => {
    const result = await read('seed003.pdf');
    // 7. 属于行政执法案卷 starts at the foot of page 4 and ends at the top of page 5
    for (const col of ['NP', 'TOT']) {
      const location = result.locations[`applications/r3_7/${col}`];
      if (location?.kind !== 'pdf') throw new Error('no PDF location');
      const [upper, lower] = location.boxes;
      expect(location.boxes.map((b) => b.page)).toEqual([4, 5]);
      expect(upper!.box[3]).toBeGreaterThan(result.pages![3]!.height * 0.85);
      expect(lower!.box[1]).toBeLessThan(result.pages![4]!.height * 0.15);
      expect(Math.abs(upper!.box[0] - lower!.box[0])).toBeLessThan(1);
      expect(Math.abs(upper!.box[2] - lower!.box[2])).toBeLessThan(1);
    }
    // A row that does not cross the break keeps one box.
    const whole = result.locations['applications/r3_6/TOT'];
    expect(whole?.kind === 'pdf' && whole.boxes.length).toBe(1);
  });

  it('says a scan has no text layer, and does not audit it', async () => {
    const result = await read('scanned.pdf');
    expect(result.kind).toBe('pdf');
    expect(result.problem?.code).toBe('scanned');
    expect(result.problem?.zh).toMatch(/^扫描件，没有文字层/);
    expect(result.parsed).toBeNull();
  });
});
