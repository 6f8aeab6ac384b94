import type { Finding } from './result';

// How findings are weighed wherever they are shown: the overlay's colours and the log's dots. Here,
// not in a view, beside the badge's policy (read-state.ts), so no service worker or log module
// needs a UI module for it.

/** How a finding is drawn: a fail by its severity, any uncertain finding in grey. */
export type Tone = 'error' | 'warning' | 'uncertain' | 'info';
export const TONES: readonly Tone[] = ['error', 'warning', 'uncertain', 'info'];
/** Worst first: a cell named by an error and a warning is drawn red. */
const TONE_RANK: Record<Tone, number> = { error: 0, warning: 1, uncertain: 2, info: 3 };

export const toneOf = (f: Finding): Tone => (f.outcome === 'uncertain' ? 'uncertain' : f.severity);

export const worstTone = (tones: readonly Tone[]): Tone =>
  tones.reduce<Tone>((worst, t) => (TONE_RANK[t] < TONE_RANK[worst] ? t : worst), 'info');

export const byTone = (a: Tone, b: Tone): number => TONE_RANK[a] - TONE_RANK[b];
