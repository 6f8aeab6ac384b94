import type { AuditResult } from '../audit/result';
import { runAudit } from '../audit/run';
import type { LogDb } from '../log/db';
import type { ReportModel } from '../report/model';
import type { SweepItemRow, SweepRow, SweepState } from './queue-schema';
import {
  auditSweep,
  emptyProgress,
  readLink,
  readOneListPage,
  type SweepDeps,
  type SweepEntry,
  type SweepProgress,
} from './run';

// The sweep as a queue in the log's database, for the extension: the sweep runs where the MV3
// worker cannot kill it for good. Every step is short and leaves the queue consistent — read one
// list page, or take one link, read it, file it, mark it read — so a runner that dies (worker
// stopped, browser closed) loses at most the links it held, which the next runner takes again.
// Pause and cancel are the sweep's state in the database: a runner looks before taking each link.
// Progress is counted from the stored items, so every page that shows it agrees.

export interface QueueDeps extends SweepDeps {
  /** Files a report's audit in the audit log (the background's write path); the record's id. */
  file(model: ReportModel, audit: AuditResult, url: string): Promise<string | null>;
  now?(): number;
}

export interface RunOptions {
  /** links read at a time over all hosts (the fetcher keeps each host to its own limit) */
  concurrency?: number;
  /** asked before each step: true stops the runner as if it had died (tests) */
  stop?(): boolean;
}

const pad = (index: number) => String(index).padStart(6, '0');
const itemId = (sweepId: string, index: number) => `${sweepId}:${pad(index)}`;

export async function createSweep(
  db: LogDb,
  list: string,
  { maxPages = 50, now = Date.now() }: { maxPages?: number; now?: number } = {},
): Promise<SweepRow> {
  const row: SweepRow = {
    id: `sw-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    list,
    createdAt: now,
    updatedAt: now,
    state: 'running',
    maxPages: Math.max(1, maxPages),
    pagesToRead: [list],
    knownPages: [list],
    listPages: [],
    failedListPages: [],
    listed: 0,
    finished: false,
  };
  await db.sweeps.add(row);
  return row;
}

/** Pause, resume or cancel. A finished or cancelled sweep stays so; false when nothing changed. */
export async function setSweepState(
  db: LogDb,
  id: string,
  state: Exclude<SweepState, 'done'>,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.sweeps, async () => {
    const row = await db.sweeps.get(id);
    if (!row || row.state === 'done' || row.state === 'cancelled' || row.state === state) return false;
    await db.sweeps.update(id, { state, updatedAt: now });
    return true;
  });
}

export const getSweep = (db: LogDb, id: string) => db.sweeps.get(id);

/** The newest sweep of a list page, if any. */
export async function latestSweepOf(db: LogDb, list: string): Promise<SweepRow | undefined> {
  const rows = await db.sweeps.orderBy('createdAt').reverse().toArray();
  return rows.find((r) => r.list === list);
}

/** Sweeps that still have work: running ones, and cancelled ones whose checks have not run. */
export async function unfinishedSweeps(db: LogDb): Promise<SweepRow[]> {
  const rows = await db.sweeps.where('state').anyOf('running', 'cancelled').toArray();
  return rows.filter((r) => !r.finished).sort((a, b) => a.createdAt - b.createdAt);
}

const hasErrors = (audit: AuditResult | null) =>
  !!audit?.findings.some((f) => f.outcome === 'fail' && f.severity === 'error');

/** The counts, from the stored items. */
export async function sweepProgress(db: LogDb, id: string): Promise<SweepProgress> {
  const items = await db.sweepItems.where('sweepId').equals(id).toArray();
  const progress = emptyProgress(items.length);
  for (const item of items) {
    if (item.state !== 'read') continue;
    progress.done++;
    if (item.status === 'audited') {
      progress.audited++;
      if (hasErrors(item.audit ?? item.ownAudit)) progress.withErrors++;
    } else if (item.status === 'not-a-report') progress.notReport++;
    else if (item.status === 'unreadable') progress.unreadable++;
    else if (item.status === 'fetch-failed') progress.fetchFailed++;
  }
  return progress;
}

const entryOf = (item: SweepItemRow): SweepEntry => ({
  url: item.url,
  listedTitle: item.listedTitle,
  listPage: item.listPage,
  status: item.status ?? 'fetch-failed',
  note: item.note,
  model: item.model,
  audit: item.audit ?? item.ownAudit,
});

/** The links read so far, as listed, with their findings (cross-year and cross-body once finished). */
export async function sweepEntries(db: LogDb, id: string): Promise<SweepEntry[]> {
  const items = await db.sweepItems.where('[sweepId+index]').between([id, -1], [id, Infinity]).toArray();
  return items.filter((i) => i.state === 'read').map(entryOf);
}

/** One list page: its links become items, its further pages join the sweep's list of pages. */
async function readListStep(db: LogDb, sweep: SweepRow, deps: QueueDeps): Promise<void> {
  const url = sweep.pagesToRead[0]!;
  const page = await readOneListPage(url, new URL(sweep.list), deps);
  await db.transaction('rw', [db.sweeps, db.sweepItems], async () => {
    const row = await db.sweeps.get(sweep.id);
    if (!row || row.pagesToRead[0] !== url) return; // another step took it meanwhile
    const patch: Partial<SweepRow> = { pagesToRead: row.pagesToRead.slice(1), updatedAt: Date.now() };
    if ('error' in page) patch.failedListPages = [...row.failedListPages, { url, error: page.error }];
    else {
      const seen = new Set((await db.sweepItems.where('sweepId').equals(row.id).toArray()).map((i) => i.url));
      const fresh = page.links.filter((l) => !seen.has(l.url) && seen.add(l.url));
      await db.sweepItems.bulkAdd(
        fresh.map((link, k) => ({
          id: itemId(row.id, row.listed + k),
          sweepId: row.id,
          index: row.listed + k,
          url: link.url,
          listedTitle: link.title,
          listPage: url,
          namesReport: link.namesReport,
          state: 'pending' as const,
          status: null,
          note: null,
          model: null,
          ownAudit: null,
          audit: null,
          recordId: null,
        })),
      );
      const known = new Set(row.knownPages);
      const next = page.pages.filter((p) => !known.has(p) && known.add(p));
      Object.assign(patch, {
        listPages: [...row.listPages, url],
        listed: row.listed + fresh.length,
        knownPages: [...known],
        pagesToRead: [...(patch.pagesToRead ?? []), ...next],
      });
    }
    await db.sweeps.update(row.id, patch);
  });
}

/** Takes the sweep's next pending link, if it is running and has one. */
async function take(db: LogDb, sweepId: string): Promise<SweepItemRow | null> {
  return db.transaction('rw', [db.sweeps, db.sweepItems], async () => {
    if ((await db.sweeps.get(sweepId))?.state !== 'running') return null;
    const item = await db.sweepItems.where('[sweepId+state]').equals([sweepId, 'pending']).first();
    if (!item) return null;
    await db.sweepItems.update(item.id, { state: 'taken' });
    return { ...item, state: 'taken' };
  });
}

/** One link: read, audited, filed in the log, stored as read. */
async function readItemStep(db: LogDb, item: SweepItemRow, deps: QueueDeps): Promise<void> {
  const read = await readLink(
    { url: item.url, title: item.listedTitle, namesReport: item.namesReport, listPage: item.listPage },
    deps,
  );
  let ownAudit: AuditResult | null = null;
  let recordId: string | null = null;
  let note = read.note;
  if (read.status === 'audited' && read.model) {
    ownAudit = runAudit(read.model);
    try {
      recordId = await deps.file(read.model, ownAudit, item.url);
    } catch (error) {
      // read and audited all the same: the row says the log did not take it
      note = `log: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await db.sweepItems.update(item.id, {
    state: 'read',
    status: read.status,
    note,
    model: read.model,
    ownAudit,
    audit: null,
    recordId,
  });
}

/** The checks across the years and bodies found, over the items read; then the sweep is done. */
async function finishStep(db: LogDb, sweep: SweepRow): Promise<void> {
  const items = (await db.sweepItems.where('sweepId').equals(sweep.id).toArray()).filter(
    (i) => i.state === 'read',
  );
  // from each report's own audit, so finishing twice (a runner died in between) adds nothing twice
  const entries = items.map((i) => ({ ...entryOf(i), audit: i.ownAudit }));
  auditSweep(entries);
  await db.transaction('rw', [db.sweeps, db.sweepItems], async () => {
    for (const [k, item] of items.entries())
      if (item.status === 'audited') await db.sweepItems.update(item.id, { audit: entries[k]!.audit });
    const row = await db.sweeps.get(sweep.id);
    await db.sweeps.update(sweep.id, {
      finished: true,
      state: row?.state === 'cancelled' ? 'cancelled' : 'done',
      updatedAt: Date.now(),
    });
  });
}

/**
 * Runs the queue until no sweep has work it may do (all done, paused or cancelled), one short step
 * at a time. First gives back the links a runner that died was holding. One runner at a time per
 * database (the extension's single offscreen document).
 */
export async function runQueue(db: LogDb, deps: QueueDeps, opts: RunOptions = {}): Promise<void> {
  const stop = opts.stop ?? (() => false);
  await db.sweepItems.filter((i) => i.state === 'taken').modify({ state: 'pending' });
  for (;;) {
    if (stop()) return;
    const sweep = (await unfinishedSweeps(db))[0];
    if (!sweep) return;
    if (sweep.state === 'running' && sweep.pagesToRead.length) {
      const tried = sweep.listPages.length + sweep.failedListPages.length;
      if (tried < sweep.maxPages) {
        await readListStep(db, sweep, deps);
        continue;
      }
    }
    if (sweep.state === 'running') {
      const workers = Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, async () => {
        for (;;) {
          if (stop()) return;
          const item = await take(db, sweep.id);
          if (!item) return;
          await readItemStep(db, item, deps);
        }
      });
      await Promise.all(workers);
      if (stop()) return;
      const now = await db.sweeps.get(sweep.id);
      // paused meanwhile: its links wait; another sweep may have work
      if (now?.state === 'paused') continue;
    }
    const left = await db.sweepItems
      .where('[sweepId+state]')
      .anyOf([sweep.id, 'pending'], [sweep.id, 'taken'])
      .count();
    const row = await db.sweeps.get(sweep.id);
    if (!row || row.state === 'paused') continue;
    if (row.state === 'cancelled' || left === 0) await finishStep(db, row);
  }
}
