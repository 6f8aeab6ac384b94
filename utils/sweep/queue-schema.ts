import type { AuditResult } from '../audit/result';
import type { ReportModel } from '../report/model';
import type { SweepStatus } from './run';

// The stored shape of a sweep's queue (tables `sweeps` and `sweepItems` of the log's database, v4).
// Types only, so utils/log/db.ts can name them without importing the sweep's code.

/** running → paused ⇄ running → done; cancelled from running or paused. */
export type SweepState = 'running' | 'paused' | 'cancelled' | 'done';

export interface SweepRow {
  id: string;
  /** the list page the sweep started from */
  list: string;
  createdAt: number;
  updatedAt: number;
  state: SweepState;
  /** list pages to read at most, the first included */
  maxPages: number;
  /** list pages found and not read yet, in order */
  pagesToRead: string[];
  /** every list page found so far (read or not), so none is queued twice */
  knownPages: string[];
  listPages: string[];
  failedListPages: Array<{ url: string; error: string }>;
  /** items created so far: the next item's index */
  listed: number;
  /** the checks across years and bodies have run over the items read */
  finished: boolean;
}

/** pending: not read; taken: a runner is reading it (back to pending when that runner died); read. */
export type SweepItemState = 'pending' | 'taken' | 'read';

export interface SweepItemRow {
  /** `${sweepId}:${index padded}`: the primary key orders a sweep's items as listed */
  id: string;
  sweepId: string;
  index: number;
  url: string;
  listedTitle: string;
  listPage: string;
  namesReport: boolean;
  state: SweepItemState;
  /** set once read */
  status: SweepStatus | null;
  note: string | null;
  model: ReportModel | null;
  /** the report's own audit, as filed in the log */
  ownAudit: AuditResult | null;
  /** with the cross-year and cross-body findings of the sweep, once finished */
  audit: AuditResult | null;
  /** the log record it was filed as */
  recordId: string | null;
}
