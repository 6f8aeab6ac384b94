import { type Cell, type ReportModel, T3_COLS } from '../report/model';
import { isBlankTotal, t3, t3Leaves } from '../rules/lib/cells';

// T3-08 single-unknown inference (report-formats.md §5.4). The identities of T3-01/02/03 are linear
// with ±1 coefficients; an identity with exactly one unknown cell determines it. Solve, apply,
// repeat to a fixpoint. A solution that is negative or not an integer is not applied.
//
// Pure: returns a new model. Idempotent: cells already flagged `inferred` count as unknown again,
// so running it on its own output re-derives the same steps (T3-08 reports them that way).

export interface Identity {
  /** e.g. T3-01:NP, T3-02:new, T3-03:TOT */
  id: string;
  /** Σ plus − Σ minus = 0 */
  plus: string[];
  minus: string[];
}

export interface InferenceStep {
  cell: string;
  value: number;
  identity: string;
}

export interface Rejected {
  cell: string;
  value: number;
  identity: string;
}

export interface InferenceResult {
  model: ReportModel;
  steps: InferenceStep[];
  rejected: Rejected[];
  /** cells that were unknown and stay unknown */
  unsolved: string[];
}

/** The T3-01/02/03 identities over the cells the table has. */
export function t3Identities(model: ReportModel): Identity[] {
  const table = model.tables.applications;
  if (!table) return [];
  const leaves = t3Leaves(model);
  const out: Identity[] = [];
  for (const c of T3_COLS) {
    out.push({
      id: `T3-01:${c}`,
      plus: [t3('new', c), t3('carryIn', c)],
      minus: [t3('r7', c), t3('carryOut', c)],
    });
  }
  for (const row of Object.keys(table)) {
    const parts = T3_COLS.filter((c) => c !== 'TOT').map((c) => t3(row, c));
    out.push({ id: `T3-02:${row}`, plus: [t3(row, 'TOT')], minus: parts });
  }
  for (const c of T3_COLS) {
    out.push({ id: `T3-03:${c}`, plus: [t3('r7', c)], minus: leaves.map((l) => t3(l, c)) });
  }
  return out;
}

const wasUnknown = (cell: Cell | undefined): boolean =>
  !!cell && (cell.value === null || cell.flags.includes('inferred'));

/**
 * Each model's inference, computed once: the auditor infers before the rules, and T3-08 infers again
 * on that output to report the steps. Idempotence (above) makes the output's inference the same, so
 * it is filed for the output model too. Models are never changed after parsing.
 */
const INFERRED = new WeakMap<ReportModel, InferenceResult>();

export function inferT3(model: ReportModel): InferenceResult {
  const known = INFERRED.get(model);
  if (known) return known;
  const result = solveT3(model);
  INFERRED.set(model, result);
  INFERRED.set(result.model, result);
  return result;
}

/** The inference itself (exported for the idempotence test, which must not read the memo). */
export function solveT3(model: ReportModel): InferenceResult {
  const table = model.tables.applications;
  if (!table) return { model, steps: [], rejected: [], unsolved: [] };

  // the working values: null = unknown; only cells present in the table can be solved
  const values = new Map<string, number | null>();
  const unknownAtStart: string[] = [];
  for (const [row, cols] of Object.entries(table)) {
    for (const [col, cell] of Object.entries(cols)) {
      const a = t3(row, col);
      const unknown = wasUnknown(cell);
      values.set(a, unknown ? null : cell.value);
      if (unknown) unknownAtStart.push(a);
    }
  }
  if (unknownAtStart.length === 0) return { model, steps: [], rejected: [], unsolved: [] };

  // identities that need a blank total are not used: a blank total is not a known 0
  // nor those with an absent cell (a row not on the page), which stays unknown and cannot be solved;
  // each identity's cells are listed once, not at every pass of the fixpoint
  const identities: (Identity & { all: string[] })[] = [];
  for (const id of t3Identities(model)) {
    const all = [...id.plus, ...id.minus];
    if (all.every((a) => values.has(a) && !isBlankTotal(model, a))) identities.push({ ...id, all });
  }
  const steps: InferenceStep[] = [];
  const rejected = new Map<string, Rejected>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of identities) {
      let target: string | undefined;
      let unknowns = 0;
      for (const a of id.all) if (values.get(a) === null && ++unknowns === 1) target = a;
      if (unknowns !== 1 || target === undefined) continue;
      let known = 0;
      for (const a of id.plus) if (a !== target) known += values.get(a)!;
      for (const a of id.minus) if (a !== target) known -= values.get(a)!;
      // plus-side target: x + known = 0; minus-side target: known − x = 0
      const x = id.plus.includes(target) ? -known : known;
      if (x < 0 || !Number.isInteger(x)) {
        if (!rejected.has(target)) rejected.set(target, { cell: target, value: x, identity: id.id });
        continue;
      }
      values.set(target, x);
      rejected.delete(target);
      steps.push({ cell: target, value: x, identity: id.id });
      changed = true;
    }
  }

  const solved = new Map(steps.map((s) => [s.cell, s.value]));
  const next: ReportModel = {
    ...model,
    tables: {
      ...model.tables,
      applications: Object.fromEntries(
        Object.entries(table).map(([row, cols]) => [
          row,
          Object.fromEntries(
            Object.entries(cols).map(([col, cell]) => {
              const a = t3(row, col);
              if (!wasUnknown(cell)) return [col, cell];
              const v = solved.get(a);
              if (v === undefined) {
                // stays unknown: back to the page's state (no stale inferred value)
                const flags = cell.flags.filter((f) => f !== 'inferred');
                return [
                  col,
                  { ...cell, value: null, flags: flags.includes('missing') ? flags : [...flags, 'missing'] },
                ];
              }
              const flags = cell.flags.filter((f) => f !== 'missing' && f !== 'inferred');
              return [col, { ...cell, value: v, flags: [...flags, 'inferred'] }];
            }),
          ),
        ]),
      ),
    },
  };
  return {
    model: next,
    steps,
    rejected: [...rejected.values()],
    unsolved: unknownAtStart.filter((a) => !solved.has(a)),
  };
}
