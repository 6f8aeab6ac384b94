import type { AuditRow } from './db';
import type { RecordSummary } from './schema';

// Apart from rows.ts, whose other functions pull in the text normalizer: the popup's first-rows
// script (first-rows.ts) needs only this.

/** A stored summary row without its search text: what the list shows. */
export function toSummary(row: AuditRow): RecordSummary {
  const { search: _search, ...summary } = row;
  return summary;
}
