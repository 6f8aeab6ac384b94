// A time budget that the reading and audit pipeline honours (issue 11, review M4). The auditor runs
// on the page's main thread: a hostile or broken page that is small enough to pass the size gate can
// still be slow to read, and a parse that ran to the end however long it took would freeze the tab.
// With a budget, the pipeline stops at its next boundary past the deadline (a table, a few hundred
// rows, nodes or paragraphs, a rule) with BudgetExceeded, and the caller says the page was not read.

/**
 * The auditor's second gate, for pages small enough to pass its size gate but slow to read (hostile
 * or broken markup): parse and audit together stop after this long and the page is reported as not
 * read. The largest page the size gate lets through should take about 0.6 s (150 000 cells at about
 * 4 ms per thousand), so 3 s leaves room for a machine several times slower, and stops well before
 * the tab feels hung for good or the browser offers to kill it.
 */
export const AUDIT_BUDGET_MS = 3000;

/** Where the pipeline was when the deadline passed: for developers; users get the limit. */
export type BudgetStage = 'tables' | 'rows' | 'narrative' | 'claims' | 'rules';

/** The pipeline ran past its deadline: the page was not read (never half a result). */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
  constructor(
    readonly limitMs: number,
    readonly stage: BudgetStage,
  ) {
    super(`reading stopped after ${limitMs} ms (at ${stage})`);
  }
}

/** Work units between two clock reads in `tick`: a clock read per row or node would cost more than it guards. */
const STRIDE = 256;

export class Budget {
  private readonly deadline: number;
  private left = STRIDE;

  /** `clock` is injectable so tests can run out of time after a given number of reads. */
  constructor(
    readonly limitMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.deadline = clock() + limitMs;
  }

  /** A coarse boundary (a table, a rule): the clock is read now. */
  check(stage: BudgetStage): void {
    if (this.clock() > this.deadline) throw new BudgetExceeded(this.limitMs, stage);
  }

  /**
   * Fine-grained work (a row, a node, a paragraph): counted, and the clock read once every
   * STRIDE units. A unit is about one row, element or 64 characters of text.
   */
  tick(stage: BudgetStage, units = 1): void {
    this.left -= units;
    if (this.left > 0) return;
    this.left = STRIDE;
    this.check(stage);
  }
}
