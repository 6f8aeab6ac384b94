import type { Cell } from '../../report/model';

// Money in 万元 for comparison: cells and text amounts may be in 元, 万元 or 亿元.

export { toWan } from '../../report/numbers';

/** Two amounts in 万元 agree to the cent (0.000001 万元). */
export const sameMoney = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 + 1e-9 * Math.abs(a);

/** Does a cell look like money (a unit, or decimals) rather than a count? */
export const moneyLike = (cell: Cell | undefined): boolean =>
  !!cell && (cell.unit !== undefined || /元/.test(cell.raw) || /\d\.\d/.test(cell.raw));
