import type { Rule } from './types';

// The registry: every rule, one per line, in catalogue order (report-formats.md §5).
// Add a rule with one import line and one entry line; keep this a plain list so merges stay trivial.
export const rules: readonly Rule[] = [];
