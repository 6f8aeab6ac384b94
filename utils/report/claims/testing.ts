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
