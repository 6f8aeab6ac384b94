// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeReaders } from '../../cli/sweep';
import { EDUCATION, FINANCE, PARK, type Portal, servePortal, VIEWER_HREF } from '../../tests/sweep/portal';
import { LogDb } from '../log/db';
import { logAudit } from '../log/hub';
import { listLatest } from '../log/queries';
import { politeFetcher } from './fetch';
import {
  createSweep,
  type QueueDeps,
  runQueue,
  setSweepState,
  sweepEntries,
  sweepProgress,
  unfinishedSweeps,
} from './queue';

// The sweep's queue in the log's database (what the extension's runner drives): it resumes after a
// runner dies with links in hand, pauses and cancels through the stored state, files every report
// in the audit log once, and runs the checks across years and bodies over what it read.

let portal: Portal;
beforeAll(async () => {
  portal = await servePortal();
});
afterAll(() => portal.close());

let n = 0;
const freshDb = () => new LogDb(`sweep-queue-${++n}-${Math.random()}`);

function depsFor(db: LogDb, filed: string[]): QueueDeps {
  return {
    fetch: politeFetcher({ pauseMs: 0 }),
    ...nodeReaders('en'),
    // the background's write path, as the extension's runner asks it to file
    file: async (model, audit, url) => {
      filed.push(url);
      return (await logAudit(model, audit, url, { extensionVersion: 'test' }, db))?.recordId ?? null;
    },
  };
}

const ALL_DONE = {
  total: 16,
  done: 16,
  audited: 13,
  withErrors: 1,
  notReport: 1,
  unreadable: 1,
  fetchFailed: 1,
};

describe('the sweep queue', () => {
  it('survives a runner that dies holding links, and files each report once', async () => {
    const db = freshDb();
    const filed: string[] = [];
    const sweep = await createSweep(db, portal.listUrl);
    // the first runner dies after the three list pages and four links
    let steps = 0;
    const deps = depsFor(db, filed);
    const counting: QueueDeps = {
      ...deps,
      fetch: async (url) => {
        steps++;
        return deps.fetch(url);
      },
    };
    await runQueue(db, counting, { concurrency: 2, stop: () => steps >= 7 });
    const midway = await sweepProgress(db, sweep.id);
    expect(midway.total).toBe(16);
    expect(midway.done).toBeGreaterThan(0);
    expect(midway.done).toBeLessThan(16);
    // as a killed runner leaves it: one link taken and never read
    const pending = await db.sweepItems.where('[sweepId+state]').equals([sweep.id, 'pending']).first();
    await db.sweepItems.update(pending!.id, { state: 'taken' });
    expect((await unfinishedSweeps(db)).map((s) => s.id)).toEqual([sweep.id]);

    // the next runner (after a restart) gives the taken link back and finishes
    await runQueue(db, depsFor(db, filed), { concurrency: 2 });
    expect(await sweepProgress(db, sweep.id)).toEqual(ALL_DONE);
    expect((await db.sweeps.get(sweep.id))!.state).toBe('done');
    expect((await db.sweeps.get(sweep.id))!.listPages).toHaveLength(3);
    expect(new Set(filed).size).toBe(filed.length);
    expect(filed).toHaveLength(13);
    // the log holds the twelve reports as audits, one record each
    const log = await listLatest({}, db);
    expect(log.items.map((r) => r.url).sort()).toEqual([...filed].sort());
    const items = await db.sweepItems.where('sweepId').equals(sweep.id).toArray();
    expect(
      items
        .filter((i) => i.recordId)
        .map((i) => i.recordId)
        .sort(),
    ).toEqual(log.items.map((r) => r.id).sort());
    expect(Math.max(...portal.maxInFlight().values())).toBeLessThanOrEqual(2);

    // the checks across years and bodies ran over the years found
    const entries = await sweepEntries(db, sweep.id);
    const edu2022 = entries.find((e) => e.url.endsWith('/edu-2022.html'))!;
    expect(edu2022.model!.agency).toBe(EDUCATION);
    // carried over 0 though 2021 carried 1 forward: the natural persons' column and the total
    const carry = edu2022.audit!.findings.filter((f) => f.spec === 'XYR-01' && f.outcome === 'fail');
    expect(carry).toHaveLength(2);
    expect(carry[0]!.message.zh).toContain(`${EDUCATION}2021年`);
    // the 全真版 viewer's PDF, read and filed under the listed address
    const park = entries.find((e) => e.url === `${portal.origin}${VIEWER_HREF}`)!;
    expect(park).toMatchObject({ status: 'audited', model: { agency: PARK, year: 2020 } });
    expect(filed).toContain(park.url);
    const fin = entries.filter((e) => e.model?.agency === FINANCE && e.model.year === 2023);
    expect(fin).toHaveLength(2);
    for (const e of fin) expect(e.audit!.findings.some((f) => f.spec === 'XBD-01')).toBe(true);
    db.close();
  }, 60_000);

  it('pauses and resumes through the stored state, and a cancel keeps what was read', async () => {
    const db = freshDb();
    const filed: string[] = [];
    const sweep = await createSweep(db, portal.listUrl);
    const deps = depsFor(db, filed);
    let files = 0;
    const pausing: QueueDeps = {
      ...deps,
      file: async (...args) => {
        if (++files === 3) await setSweepState(db, sweep.id, 'paused');
        return deps.file(...args);
      },
    };
    await runQueue(db, pausing, { concurrency: 1 });
    const paused = await sweepProgress(db, sweep.id);
    expect((await db.sweeps.get(sweep.id))!.state).toBe('paused');
    expect(paused.done).toBeLessThan(16);
    // nothing moves while paused
    await runQueue(db, deps, { concurrency: 1 });
    expect(await sweepProgress(db, sweep.id)).toEqual(paused);

    expect(await setSweepState(db, sweep.id, 'running')).toBe(true);
    let more = 0;
    const cancelling: QueueDeps = {
      ...deps,
      file: async (...args) => {
        if (++more === 2) await setSweepState(db, sweep.id, 'cancelled');
        return deps.file(...args);
      },
    };
    await runQueue(db, cancelling, { concurrency: 1 });
    const row = (await db.sweeps.get(sweep.id))!;
    expect(row.state).toBe('cancelled');
    expect(row.finished).toBe(true);
    const cancelled = await sweepProgress(db, sweep.id);
    expect(cancelled.done).toBeGreaterThan(paused.done);
    expect(cancelled.done).toBeLessThan(16);
    expect(cancelled.total).toBe(16);
    expect((await sweepEntries(db, sweep.id)).length).toBe(cancelled.done);
    // a cancelled sweep neither resumes nor runs again
    expect(await setSweepState(db, sweep.id, 'running')).toBe(false);
    expect(await unfinishedSweeps(db)).toEqual([]);
    db.close();
  }, 60_000);
});
