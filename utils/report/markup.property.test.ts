import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromHtml, releaseDocuments } from '../../cli/dom';
import type { Cell, ReportModel } from './model';
import { ReportModelSchema } from './model-schema';
import { parseReport } from './parse';
import { type ExpectedCell, type Generated, idiomsArb, modelArb, renderPage } from './testing/markup';

// The table reader against generated pages (issue 8): a random valid model of each format,
// rendered in a random combination of real portals' idioms, must be read back exactly, values
// and flags. `npm test` runs a few hundred pages with a fixed seed; `npm run test:generator`
// runs many more (GOUJI_GENERATOR_RUNS). A shrunk counter-example becomes a page fixture.

const RUNS = Number(process.env.GOUJI_GENERATOR_RUNS ?? 200);
const OUT = join(__dirname, '../../test-output/generator');
const SEED = Number(process.env.GOUJI_GENERATOR_SEED ?? 20261203);

// Each page is parsed in its own happy-dom window (the CLI's, where nothing loads or runs), and
// the window is closed right after: happy-dom keeps every open window's DOM, and hundreds of
// pages in one test otherwise ran out of memory.
const norm = (c: Cell | undefined) =>
  c && { value: c.value, flags: [...c.flags].sort(), ...(c.unit ? { unit: c.unit } : {}) };
const want = (c: ExpectedCell) => ({
  value: c.value,
  flags: [...c.flags].sort(),
  ...(c.unit ? { unit: c.unit } : {}),
});

/** Every difference between what was read and what the page says, as `table/row/col: read ≠ want`. */
function differences(model: ReportModel, gen: Generated): string[] {
  const out: string[] = [];
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const expected = gen.expected[id];
    if (!expected) continue;
    const info = model.tableInfo[id];
    if (!info.found) out.push(`${id}: not found (${info.reason})`);
    if (info.missingRows.length) out.push(`${id}: missing rows ${info.missingRows.join(' ')}`);
    if (id !== 'active' && info.extra.length) out.push(`${id}: extra ${info.extra.join(' | ')}`);
    for (const [row, cells] of Object.entries(expected))
      for (const [col, cell] of Object.entries(cells)) {
        const read = norm(model.tables[id]?.[row]?.[col]);
        if (JSON.stringify(read) !== JSON.stringify(want(cell)))
          out.push(`${id}/${row}/${col}: read ${JSON.stringify(read)} ≠ ${JSON.stringify(want(cell))}`);
      }
  }
  if (gen.expected.legacy) {
    const rows = model.legacyRows.filter((r) => !r.heading);
    const read = rows.map((r) => ({
      label: r.label.replace(/\s+/g, ''),
      unit: r.unit.replace(/\s+/g, ''),
      value: want(model.tables.legacy?.[r.key]?.value as ExpectedCell),
    }));
    const expected = gen.expected.legacy.map((r) => ({ label: r.label, unit: r.unit, value: want(r.value) }));
    if (JSON.stringify(read) !== JSON.stringify(expected))
      out.push(`legacy: read ${JSON.stringify(read)} ≠ ${JSON.stringify(expected)}`);
  }
  return out;
}

const FORMAT = { '2019': '2019', '2021': '2021', hybrid: 'hybrid', pre2019: 'pre2019' } as const;

describe('generated pages (fast-check, fixed seed)', () => {
  it(`reads ${RUNS} pages of every format in random real-world markup exactly`, async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, idiomsArb, async (model, idioms) => {
        const gen = renderPage(model, idioms);
        const url = 'http://www.example.gov.cn/art/t1.html';
        const read = parseReport(documentFromHtml(gen.html, url), { url }).model;
        await releaseDocuments();
        ReportModelSchema.parse(read);
        const diff = differences(read, gen);
        const detected = { kind: read.kind, format: read.format, year: read.year };
        const meant = { kind: 'report', format: FORMAT[model.format], year: gen.year };
        if (JSON.stringify(detected) !== JSON.stringify(meant))
          diff.unshift(`detected ${JSON.stringify(detected)} ≠ ${JSON.stringify(meant)}`);
        if (diff.length) {
          // The page as it failed, to turn the shrunk counter-example into a fixture.
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, 'counterexample.html'), gen.html);
          writeFileSync(
            join(OUT, 'counterexample.json'),
            JSON.stringify({ model, idioms, expected: gen.expected }, null, 1),
          );
        }
        expect(diff).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  }, 600_000);
});
