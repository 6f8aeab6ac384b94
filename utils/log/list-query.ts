import type { Severity } from '../audit/result';
import type { Format } from '../report/model';
import type { RecordSummary } from './schema';

// What the popup's list asks of the log, and what it gets: plain types and one predicate, so the
// list component depends on these and never on the database module (queries.ts answers them).

export type SeverityFilter = Severity | 'clean';

export interface ListQuery {
  /** matched against title, agency, site and URL (normalized: spacing, punctuation, 繁體, 管委会) */
  query?: string;
  year?: number | null;
  format?: Format | null;
  /** records with at least one finding of this severity; 'clean': with none */
  severity?: SeverityFilter | null;
  /** 1-based */
  page?: number;
  pageSize?: number;
}

/** Whether a query narrows the log: a search, or a year, format or severity filter. */
export const hasFilter = (q: Pick<ListQuery, 'query' | 'year' | 'format' | 'severity'>): boolean =>
  !!q.query || q.year != null || q.format != null || !!q.severity;

/**
 * One page of the list as shown: its rows, and its count once known. The popup draws the unfiltered
 * list's first page before counting the log (list.ts firstRows, countLatest), so for a moment there
 * are rows and no total; the pager says it is counting rather than show a number it does not have.
 */
export interface ShownPage {
  items: RecordSummary[];
  /** the page returned (clamped to the last one) */
  page: number;
  pageSize: number;
  /** absent while the count is being read */
  total?: number;
  pages?: number;
}

export interface ListPage extends ShownPage {
  total: number;
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 50;
