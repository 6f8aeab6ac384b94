import { Dexie, type Table } from 'dexie';
import type { Finding } from '../audit/result';
import { FIRST_MODEL_VERSION, type ReportModel } from '../report/model';
import type { SweepItemRow, SweepRow } from '../sweep/queue-schema';
import { LOG_DB_NAME, LOG_DB_VERSION } from './db-identity';
import { agencyKeyOf, searchTextOf } from './keys';
import type { Evidence, RecordSummary, TableChange, Verdict } from './schema';

// The audit log in IndexedDB (Dexie). Written only by the extension's own pages and background,
// never by a content script on the portal's origin.
//
// Tables
// - audits:   one row per audit, the summary the list reads (no model): latest-per-URL, search,
//             filters, sorting and paging all work on these small rows.
// - details:  the heavy part of the same audit, same id: parsed model, findings, XYR-08 change.
//             A list of thousands of records never deserializes a model.
// - verdicts: the reviewer's verdict and note per finding, primary key [urlKey+fingerprint].
// - evidence: screenshots, cell texts and sentences, per record and fingerprint.
//
// Why verdicts are keyed by [urlKey+fingerprint] and not [agencyKey+year+fingerprint]: the URL is
// the one identity of a report that no engine upgrade can change. agencyKey and year are read by
// the parser, and a better parser (agency from ContentSource instead of the title, a corrected year)
// would orphan every verdict keyed by them; an unknown agency ('') would make different reports
// share verdicts. The fingerprint is rule + place, never values (utils/audit/fingerprint.ts), so a
// verdict holds for every version of the page. A report republished under a new URL is a new page
// to the log: its verdicts start empty, as its content may well differ.
//
// Indexes on audits
// - urlKey, [urlKey+version]                 history of a page, newest version
// - [latest+auditedAt]                       the list, newest first, paged by offset
// - [latest+year+auditedAt], [latest+format+auditedAt]   the same, filtered by year / format
// - [agencyKey+site+year]                    (v2) the same body's report of another year: XYR
// - auditedAt                                every version by time (export)
//
// (v4) The sweep queue, kept here so a sweep outlives the popup, its tab, the MV3 worker and a
// browser restart (utils/sweep/queue.ts):
// - sweeps:     one row per sweep: its list, state (running / paused / cancelled / done), the list
//               pages still to read.
// - sweepItems: one row per listed link: pending, taken or read, with what was read. The counts of a
//               sweep's progress are counted from these rows, never kept apart.

/** A stored summary: the record's summary plus its normalized search text. */
export interface AuditRow extends RecordSummary {
  search: string;
}
export type AuditRowV1 = Omit<AuditRow, 'agencyKey' | 'modelVersion'>;

export interface DetailRow {
  id: string;
  model: ReportModel;
  findings: Finding[];
  change: TableChange | null;
}

/** Version 1, the first schema: kept verbatim so the upgrade from it stays tested. */
export const STORES_V1 = {
  audits:
    'id, urlKey, [urlKey+version], auditedAt, [latest+auditedAt], [latest+year+auditedAt], [latest+format+auditedAt]',
  details: 'id',
  verdicts: '[urlKey+fingerprint], urlKey',
  evidence: 'id, recordId, [recordId+fingerprint]',
} as const;

/** Version 2 adds the body key for cross-year matching. */
export const STORES_V2 = {
  ...STORES_V1,
  audits: `${STORES_V1.audits}, agencyKey, [agencyKey+site+year]`,
} as const;

/** v1 → v2: every record gets its agencyKey, from its agency or else its title. */
export function upgradeRowV1(row: AuditRowV1): AuditRow {
  const agencyKey = agencyKeyOf(row.agency, row.title);
  return { ...row, agencyKey, modelVersion: FIRST_MODEL_VERSION, search: searchTextOf(row) };
}

/** Version 4 adds the sweep queue; the log's own tables are unchanged. */
export const STORES_V4 = {
  ...STORES_V2,
  sweeps: 'id, state, createdAt',
  sweepItems: 'id, sweepId, [sweepId+state], [sweepId+index]',
} as const;

export class LogDb extends Dexie {
  audits!: Table<AuditRow, string>;
  details!: Table<DetailRow, string>;
  verdicts!: Table<Verdict, [string, string]>;
  evidence!: Table<Evidence, string>;
  sweeps!: Table<SweepRow, string>;
  sweepItems!: Table<SweepItemRow, string>;

  constructor(name: string = LOG_DB_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) =>
        tx
          .table('audits')
          .toCollection()
          .modify((row: AuditRow) => {
            Object.assign(row, upgradeRowV1(row));
          }),
      );
    // v3: every record says which ReportModel shape it holds; those before hold the first one.
    this.version(3)
      .stores(STORES_V2)
      .upgrade((tx) =>
        tx
          .table('audits')
          .toCollection()
          .modify((row: Partial<AuditRow>) => {
            row.modelVersion ??= FIRST_MODEL_VERSION;
          }),
      );
    // v4: two new tables, nothing to rewrite. The last version is LOG_DB_VERSION: the popup's
    // first-rows script reads only a log at that version (first-rows.ts).
    this.version(LOG_DB_VERSION).stores(STORES_V4);
  }
}

let shared: LogDb | null = null;

/** The extension's log (one instance per page or worker). */
export function logDb(): LogDb {
  shared ??= new LogDb();
  return shared;
}
