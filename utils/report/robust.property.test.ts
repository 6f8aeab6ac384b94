import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromHtml, releaseDocuments } from '../../cli/dom';
import { runAudit } from '../audit/run';
import { AUDIT_BUDGET_MS, Budget } from '../budget';
import { danglingTargets } from '../rules/testing/dangling';
import { ReportModelSchema } from './model-schema';
import { parseReport } from './parse';
import { idiomsArb, modelArb, renderPage } from './testing/markup';

// Robust on anything (issue 11, tables half): generated report pages, then mangled the way broken
// editors, crawlers and hostile pages mangle tables. The reader and the rules never throw, finish
// within the auditor's time budget (BudgetExceeded otherwise), the model stays valid, and every
// finding points at cells and paragraphs that exist. Fixed seed.

const RUNS = Number(process.env.GOUJI_ROBUST_RUNS ?? 60);
const SEED = Number(process.env.GOUJI_GENERATOR_SEED ?? 20261203);

/** One way of breaking a page, applied at the n-th cell it can apply to. */
type Mutation =
  | { kind: 'span'; at: number; attr: 'rowspan' | 'colspan'; value: string }
  | { kind: 'dropCell'; at: number }
  | { kind: 'duplicateCell'; at: number }
  | { kind: 'swapCells'; at: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'unbalanced'; at: number; markup: string };

const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '9'.repeat(40),
    '-99999999999999999999',
    '1e308',
    'NaN',
    '−5',
    '１２,３４５,６７８',
    '增-3',
    '减减5',
    '0.000001万元',
    '约',
    '—0—',
    '<',
    '&amp;#x0;',
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('span' as const),
    at: fc.nat(400),
    attr: fc.constantFrom('rowspan' as const, 'colspan' as const),
    value: fc.oneof(fc.constantFrom('0', '-1', '1000', '99999', 'x', '2.5', ''), fc.nat(30).map(String)),
  }),
  fc.record({ kind: fc.constant('dropCell' as const), at: fc.nat(400) }),
  fc.record({ kind: fc.constant('duplicateCell' as const), at: fc.nat(400) }),
  fc.record({ kind: fc.constant('swapCells' as const), at: fc.nat(400) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(400), text: garbage }),
  fc.record({
    kind: fc.constant('unbalanced' as const),
    at: fc.nat(400),
    markup: fc.constantFrom(
      '<table><tr><td>',
      '</table>',
      '</tr><tr>',
      '<td rowspan="0" colspan="1000">',
      '<tbody>',
      '</td></td>',
      '<table><tr><td>行政复议 行政诉讼</td><td>1</td>',
      '<p>',
      '<tr>',
    ),
  }),
);

const CELL = /<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/g;

function mutate(html: string, m: Mutation): string {
  const cells = [...html.matchAll(CELL)];
  if (!cells.length) return html;
  const hit = cells[m.at % cells.length]!;
  const next = cells[(m.at + 1) % cells.length]!;
  const start = hit.index!;
  const end = start + hit[0].length;
  const replace = (text: string) => html.slice(0, start) + text + html.slice(end);
  switch (m.kind) {
    case 'span':
      return replace(hit[0].replace(/^<(t[dh])\b/, `<$1 ${m.attr}="${m.value}"`));
    case 'dropCell':
      return replace('');
    case 'duplicateCell':
      return replace(hit[0] + hit[0]);
    case 'swapCells':
      if (next.index! <= end) return html;
      return (
        html.slice(0, start) +
        next[0] +
        html.slice(end, next.index!) +
        hit[0] +
        html.slice(next.index! + next[0].length)
      );
    case 'text':
      return replace(hit[0].replace(/>[\s\S]*<\//, `>${m.text.replace(/</g, '&lt;')}</`));
    case 'unbalanced':
      return html.slice(0, start) + m.markup + html.slice(start);
  }
}

describe('mangled tables (fast-check, fixed seed)', () => {
  it(`never throw, finish within the auditor's budget, stay valid and point only at what exists, over ${RUNS} pages`, async () => {
    await fc.assert(
      fc.asyncProperty(
        modelArb,
        idiomsArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 12 }),
        async (model, idioms, mutations) => {
          const html = mutations.reduce(mutate, renderPage(model, idioms).html);
          const url = 'http://www.example.gov.cn/a.html';
          // within the auditor's own deadline: past it, parse or audit throws BudgetExceeded
          const budget = new Budget(AUDIT_BUDGET_MS);
          const read = parseReport(documentFromHtml(html, url), { url, budget }).model;
          await releaseDocuments();
          ReportModelSchema.parse(read);
          const audit = runAudit(read, undefined, undefined, { budget });
          expect(danglingTargets(read, audit.findings)).toEqual([]);
          // A rule that throws is caught by the audit and reported; none may.
          expect(
            audit.findings.filter((f) => /运行出错/.test(f.message.zh)).map((f) => f.message.zh),
          ).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
