import type { Claim } from '../model';
import { extractClaims } from './index';

// Helpers of the family tests: read one text as one paragraph; the figures of a claim by key.

export const read = (text: string): Claim[] => extractClaims([{ id: 'p1', section: '二', text }]);

export const ofKind = (text: string, kind: Claim['kind']): Claim[] =>
  read(text).filter((c) => c.kind === kind);

/** A claim's figures as key → value (ranges as [lo, hi) when approximate). */
export const figures = (c: Claim | undefined): Record<string, number | [number, number]> | undefined =>
  c &&
  Object.fromEntries(
    Object.entries(c.numbers)
      .filter(([k]) => !k.startsWith('alt'))
      .map(([k, v]) => [k, v.range ?? v.value]),
  );

/**
 * One clause of at least `length` characters: `head`, then `unit(1)`, `unit(2)`, … (no 。 or ；
 * unless a unit has one), and how many units it holds. The long-clause tests and benches read it.
 */
export function longClause(
  head: string,
  unit: (i: number) => string,
  length: number,
): { text: string; n: number } {
  let text = head;
  let n = 0;
  while (text.length < length) text += unit(++n);
  return { text, n };
}
