import type { Finding } from '../audit/result';
import type { AuditRow, DetailRow } from './db';
import { searchTextOf } from './keys';
import type { AuditRecord, RecordRef, RecordSummary, SeverityCounts } from './schema';
import { toSummary } from './summary';

export { toSummary };

// Records ⇄ the two rows IndexedDB keeps of each (db.ts): the summary the list reads and the heavy
// detail. Plain functions; nothing here opens the database.

export function toRows(record: AuditRecord): { row: AuditRow; detail: DetailRow } {
  const { model, findings, change, ...summary } = record;
  return {
    row: { ...summary, search: searchTextOf(summary) },
    detail: { id: record.id, model, findings, change },
  };
}

export const fromRows = (row: AuditRow, detail: DetailRow): AuditRecord => ({
  ...toSummary(row),
  model: detail.model,
  findings: detail.findings,
  change: detail.change,
});

export const refOf = (r: Pick<RecordSummary, 'id' | 'url' | 'title' | 'year'>): RecordRef => ({
  id: r.id,
  url: r.url,
  title: r.title,
  year: r.year,
});

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const s: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** Newest audit first, then by id descending: the [latest+auditedAt] index read backwards (the unfiltered list). */
export const newestFirst = (
  a: Pick<AuditRow, 'auditedAt' | 'id'>,
  b: Pick<AuditRow, 'auditedAt' | 'id'>,
): number => b.auditedAt - a.auditedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
