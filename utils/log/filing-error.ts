import type { Localized } from '../audit/result';

// Where the background keeps the last audit it could not file, for the popup to show. Apart from
// hub.ts, which carries the whole write path: the popup reads this key on its first paint.

/** The last audit the log could not file, kept (storage.local, FILING_ERROR_KEY) for the popup to show. */
export interface FilingError {
  url: string;
  /** epoch ms */
  at: number;
  error: Localized;
}

export const FILING_ERROR_KEY = 'log:filing-error';
