import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import type { Cell, ReportModel } from './model';
import { ReportModelSchema } from './model-schema';
import { parseReport } from './parse';

// Every page fixture against the values written by hand, from the seed text, beside it.

const ROOT = join(__dirname, '../../tests/fixtures/pages');

type ExpectedCell = number | null | Partial<Cell>;
interface Expected {
  kind: ReportModel['kind'];
  format?: ReportModel['format'];
  year?: number;
  agency?: string | null;
  title?: string;
  publishedAt?: string | null;
  tables?: {
    active: Record<string, Record<string, ExpectedCell>> | null;
    applications: Record<string, Record<string, ExpectedCell>> | null;
    reviews: Record<string, Record<string, ExpectedCell>> | null;
    legacy: { label: string; unit?: string; value: ExpectedCell }[] | null;
  };
}

function fixtures(): { name: string; html: string; expected: Expected }[] {
  const out = [];
  for (const dir of readdirSync(ROOT, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(ROOT, dir.name))) {
      if (!file.endsWith('.html')) continue;
      const base = join(ROOT, dir.name, file.replace(/\.html$/, ''));
      const expected = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as Expected;
      out.push({ name: `${dir.name}/${file}`, html: readFileSync(`${base}.html`, 'utf8'), expected });
    }
  }
  return out;
}

/** The cell as the expectation speaks of it: a bare number, null, or the fields it names. */
function comparable(cell: Cell | undefined, expected: ExpectedCell): unknown {
  if (!cell) return undefined;
  if (expected === null || typeof expected === 'number') return cell.value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) out[key] = cell[key as keyof Cell];
  return out;
}

const all = fixtures();

describe('page fixtures', () => {
  it('are there to test', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, html, expected } of all) {
    it(name, () => {
      const url = `http://www.example.gov.cn/${name}`;
      const { model } = parseReport(documentFromHtml(html, url), { url });
      expect(() => ReportModelSchema.parse(model)).not.toThrow();
      expect(model.kind).toBe(expected.kind);
      if (expected.kind !== 'report') return;
      expect({
        format: model.format,
        year: model.year,
        agency: model.agency,
        title: model.title,
        publishedAt: model.publishedAt,
      }).toEqual({
        format: expected.format,
        year: expected.year,
        agency: expected.agency,
        title: expected.title,
        publishedAt: expected.publishedAt,
      });
      const tables = expected.tables!;
      for (const id of ['active', 'applications', 'reviews'] as const) {
        const want = tables[id];
        if (want === null) {
          expect(model.tables[id], id).toBeNull();
          continue;
        }
        const actual: Record<string, Record<string, unknown>> = {};
        for (const [row, cols] of Object.entries(want))
          for (const [col, cell] of Object.entries(cols)) {
            actual[row] ??= {};
            actual[row]![col] = comparable(model.tables[id]?.[row]?.[col], cell);
          }
        expect(actual, id).toEqual(want);
      }
      if (tables.legacy === null) expect(model.tables.legacy).toBeNull();
      else {
        const rows = model.legacyRows.filter((r) => !r.heading);
        const actual = tables.legacy.map((want, i) => {
          const row = rows[i];
          return {
            label: row?.label.replace(/\s+/g, ''),
            ...(want.unit !== undefined ? { unit: row?.unit } : {}),
            value: comparable(row ? model.tables.legacy?.[row.key]?.value : undefined, want.value),
          };
        });
        expect(actual).toEqual(tables.legacy.map((w) => ({ ...w, label: w.label.replace(/\s+/g, '') })));
      }
    });
  }
});
