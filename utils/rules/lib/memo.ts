import type { ReportModel } from '../../report/model';

/**
 * A per-model memo of a pure function of the model (the rules stay pure; they share the work). A model
 * is never changed after parsing (inference makes a new one), so what is computed from it stays true;
 * the memo goes with the model, so nothing of one report outlives its audit.
 */
export function perModel<T>(compute: (model: ReportModel) => T): (model: ReportModel) => T {
  const known = new WeakMap<ReportModel, T>();
  return (model) => {
    let value = known.get(model);
    if (value === undefined) {
      value = compute(model);
      known.set(model, value);
    }
    return value;
  };
}
