import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentFromHtml, releaseDocuments } from '../cli/dom';
import { inferT3 } from './audit/infer';
import { runAudit } from './audit/run';
import { Budget, BudgetExceeded, type BudgetStage } from './budget';
import { extractClaims } from './report/claims';
import { locateTables } from './report/locate';
import type { Paragraph } from './report/model';
import { readNarrative } from './report/narrative';
import { parseReport } from './report/parse';
import { parseApplications } from './report/parse-applications';
import { rules } from './rules/index';

// The time budget of issue 11 / review M4, with a fake clock: time "passes" only when the clock
// is read a given number of times, so every test here is exact, never a race with the machine.

const PAGES = join(__dirname, '../tests/fixtures/pages');
const REPORT = readFileSync(join(PAGES, '2021/seed003-ueditor.html'), 'utf8');

afterAll(releaseDocuments);

/** A clock that stands at 0 for its first `reads` reads after the one that set the deadline, then jumps past any deadline. */
function clockOutAfter(reads: number) {
  let count = -1;
  const clock = () => (++count <= reads ? 0 : Number.POSITIVE_INFINITY);
  return { clock, reads: () => count };
}

/** A clock that never runs out, counting its reads after the one that set the deadline. */
function countingClock() {
  let count = -1;
  return {
    clock: () => {
      count++;
      return 0;
    },
    reads: () => count,
  };
}

/** The error `run` threw, which must be BudgetExceeded. */
function exceeded(run: () => unknown): BudgetExceeded {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BudgetExceeded);
    return e as BudgetExceeded;
  }
  throw new Error('ran to the end: the budget was not honoured');
}

/**
 * The report page with its tables (and the prose between them) printed `copies` times, and
 * `paragraphs` more sentences before them: slower to read at every stage.
 */
function slowPage(copies: number, paragraphs = 0): string {
  const start = REPORT.indexOf('<table');
  const end = REPORT.lastIndexOf('</table>') + '</table>'.length;
  const prose = Array.from({ length: paragraphs }, (_, i) => `<p>第${i + 1}项工作收到申请${i}件。</p>`).join(
    '',
  );
  return REPORT.slice(0, start) + prose + REPORT.slice(start, end).repeat(copies) + REPORT.slice(end);
}

/** A Budget that also notes the stage of every clock read (check is where tick reads it too). */
class RecordingBudget extends Budget {
  readonly stages: BudgetStage[] = [];
  override check(stage: BudgetStage): void {
    this.stages.push(stage);
    super.check(stage);
  }
}

describe('Budget', () => {
  it('reads the clock at every check and throws past the deadline, naming the stage and the limit', () => {
    const { clock, reads } = clockOutAfter(2);
    const budget = new Budget(3000, clock);
    budget.check('tables');
    budget.check('tables');
    expect(reads()).toBe(2);
    const error = exceeded(() => budget.check('rules'));
    expect(error).toMatchObject({ name: 'BudgetExceeded', limitMs: 3000, stage: 'rules' });
    expect(error.message).toBe('reading stopped after 3000 ms (at rules)');
  });

  it('reads the clock once every 256 ticks, and at each tick that weighs 256 units or more', () => {
    const { clock, reads } = countingClock();
    const budget = new Budget(1, clock);
    for (let i = 0; i < 1000; i++) budget.tick('narrative');
    expect(reads()).toBe(3); // at ticks 256, 512 and 768
    for (let i = 0; i < 5; i++) budget.tick('claims', 300);
    expect(reads()).toBe(8);
  });

  it('is measured from when it is made, on the clock it was given', () => {
    let now = 1000;
    const budget = new Budget(50, () => now);
    now = 1050;
    budget.check('tables');
    now = 1051;
    expect(exceeded(() => budget.check('tables')).stage).toBe('tables');
  });
});

describe('the parser stops at its next boundary once the budget is spent', () => {
  it('between tables: no table after the deadline is read', () => {
    const doc = documentFromHtml(slowPage(10));
    const tables = doc.querySelectorAll('table').length;
    expect(tables).toBeGreaterThanOrEqual(30);
    const { clock, reads } = clockOutAfter(3);
    expect(exceeded(() => locateTables(doc, [], new Budget(10, clock))).stage).toBe('tables');
    // one read per table: the fourth table's check found the time gone
    expect(reads()).toBe(4);
  });

  it('between rows of a table reader', () => {
    const { applications } = locateTables(documentFromHtml(REPORT));
    // 表三 printed twenty times over, each row noting when the reader looks at its cells
    let furthest = -1;
    const rows = Array.from({ length: 20 }, () => applications)
      .flat()
      .map((row, i) => {
        const copy = { ...row };
        Object.defineProperty(copy, 'cells', {
          get: () => {
            furthest = Math.max(furthest, i);
            return row.cells;
          },
        });
        return copy;
      });
    expect(rows.length).toBeGreaterThan(512);
    const { clock } = clockOutAfter(0);
    expect(exceeded(() => parseApplications(rows, () => {}, new Budget(10, clock))).stage).toBe('rows');
    // stopped at the 256th row it ticked, far from the end
    expect(furthest).toBeGreaterThan(0);
    expect(furthest).toBeLessThan(256);
    furthest = -1;
    expect(parseApplications(rows, () => {}).table).not.toBeNull();
    expect(furthest).toBe(rows.length - 1);
  });

  it('between elements of the narrative: what was emitted before the deadline stops there', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>第${i + 1}项工作。</p>`).join('');
    const doc = documentFromHtml(`<html><body>${paragraphs}</body></html>`);
    const put: string[] = [];
    const { clock } = clockOutAfter(0);
    expect(
      exceeded(() => readNarrative(doc, new Set(), (a) => put.push(a), new Budget(10, clock))).stage,
    ).toBe('narrative');
    // stopped within the first 256 elements, of more than 2000 paragraphs
    expect(put.length).toBeGreaterThan(0);
    expect(put.length).toBeLessThan(256);
    expect(readNarrative(doc, new Set(), () => {}).paragraphs.length).toBe(2000);
  });

  it('between paragraphs of the claims, a long paragraph weighing by its length', () => {
    const paragraphs: Paragraph[] = Array.from({ length: 600 }, (_, i) => ({
      id: `p${i + 1}`,
      section: '三',
      text: `本年度共收到政府信息公开申请${i}件，办结${i}件。`,
    }));
    const { clock, reads } = clockOutAfter(1);
    expect(exceeded(() => extractClaims(paragraphs, new Budget(10, clock))).stage).toBe('claims');
    expect(reads()).toBe(2); // at paragraphs 256 and 512
    expect(extractClaims(paragraphs).length).toBeGreaterThanOrEqual(600);

    // one paragraph of 64 000 characters is a thousand units: the clock is read before it is scanned
    const long: Paragraph = { id: 'p1', section: '三', text: '收到申请5件。'.repeat(9143) };
    const counted = countingClock();
    extractClaims([long], new Budget(10, counted.clock));
    expect(counted.reads()).toBe(1);
  });

  it('parseReport gives no model at all past the deadline, whichever stage it reached', async () => {
    const html = slowPage(8, 600);
    // Where a whole parse reads the clock, with a clock that never runs out: every stage, in order …
    const recording = new RecordingBudget(10, countingClock().clock);
    expect(parseReport(documentFromHtml(html), { budget: recording }).model.kind).toBe('report');
    const order = recording.stages.filter((s, i) => s !== recording.stages[i - 1]);
    expect(order).toEqual(['tables', 'rows', 'narrative', 'claims']);
    // … and when time runs out at the first read of each stage, the parse stops right there.
    for (const stage of order) {
      const { clock } = clockOutAfter(recording.stages.indexOf(stage));
      const error = exceeded(() => parseReport(documentFromHtml(html), { budget: new Budget(10, clock) }));
      expect(error.stage).toBe(stage);
      await releaseDocuments();
    }
  });
});

describe('the checks cost little and change nothing', () => {
  it('a budget that is not spent gives the very same model, with about one clock read per table and per 256 units', () => {
    const doc = documentFromHtml(REPORT);
    const { clock, reads } = countingClock();
    const budgeted = parseReport(doc, {
      url: 'http://www.example.gov.cn/a.html',
      budget: new Budget(10, clock),
    });
    const plain = parseReport(doc, { url: 'http://www.example.gov.cn/a.html' });
    expect(budgeted.model).toEqual(plain.model);
    const tables = doc.querySelectorAll('table').length;
    const rows = doc.querySelectorAll('tr').length;
    const elements = doc.body.querySelectorAll('*').length;
    const text = plain.model.paragraphs.reduce((n, p) => n + 1 + (p.text.length >> 6), 0);
    expect(reads()).toBeGreaterThanOrEqual(tables);
    expect(reads()).toBeLessThanOrEqual(tables + Math.ceil((2 * rows + elements + text) / 256));
  });
});

describe('runAudit stops between rules', () => {
  const model = parseReport(documentFromHtml(REPORT)).model;
  const inference = inferT3(model);

  it('reads the clock once every eight rules and gives the same audit when the budget is not spent', () => {
    const { clock, reads } = countingClock();
    const budgeted = runAudit(model, rules, inference, { budget: new Budget(10, clock) });
    // (the read made with the budget is not counted) one per eight rules
    expect(reads()).toBe(Math.floor(rules.length / 8));
    expect(budgeted).toEqual(runAudit(model, rules, inference));
  });

  it('throws past the deadline rather than return the rules it ran as a whole audit', () => {
    const { clock } = clockOutAfter(5);
    const error = exceeded(() => runAudit(model, rules, inference, { budget: new Budget(10, clock) }));
    expect(error.stage).toBe('rules');
  });
});
