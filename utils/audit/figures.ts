// How the audit's figures (Figures in result.ts) are written: the same in the overlay and the CLI.

/** A ratio as the journalists write it: 56.0%; a dash when the table does not give it. */
export const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
