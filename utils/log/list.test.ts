import type { DBCoreTable } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogDb } from './db';
import { searchKey } from './keys';
import { countLatest, firstRows, listLatest, logFacets } from './list';
import type { ListQuery } from './list-query';
import type { AuditRecord } from './schema';
import { syntheticLog, writeBulk } from './testing/synthetic';

// listLatest on a log of 5,000 pages (5,500 records: every 10th page audited twice), checked against
// a plain filter-and-sort over the same records. Timing lives in list.bench.ts, not here.

const COUNT = 5000;
const db = new LogDb('list-test');
let records: AuditRecord[];

beforeAll(async () => {
  records = syntheticLog(COUNT);
  await writeBulk(db, records);
}, 60_000);

/** What listLatest must return, computed the slow, obvious way. */
function expected(q: ListQuery): { ids: string[]; total: number } {
  const query = q.query ? searchKey(q.query) : '';
  const hits = records
    .filter((r) => r.latest === 1)
    .filter((r) => q.year == null || r.year === q.year)
    .filter((r) => q.format == null || r.format === q.format)
    .filter((r) => {
      if (!q.severity) return true;
      const s = r.findings.map((f) => f.severity);
      return q.severity === 'clean' ? s.length === 0 : s.includes(q.severity);
    })
    .filter(
      (r) => !query || [r.title, r.agency, r.site, r.url].some((t) => searchKey(t ?? '').includes(query)),
    )
    .sort((a, b) => b.auditedAt - a.auditedAt);
  const size = q.pageSize ?? 50;
  const page = Math.min(q.page ?? 1, Math.max(1, Math.ceil(hits.length / size)));
  return { ids: hits.slice((page - 1) * size, page * size).map((r) => r.id), total: hits.length };
}

/**
 * Counts what IndexedDB hands Dexie from the audits table of `db`: every key or row a query, a get
 * or a cursor step yields. Installed on a second connection to the same database, before it opens.
 */
function countReads(db: LogDb): { rows: number } {
  const counted = { rows: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'audits') return table;
        const counting: DBCoreTable = {
          ...table,
          async query(req) {
            const res = await table.query(req);
            counted.rows += res.result.length;
            return res;
          },
          async getMany(req) {
            const res = await table.getMany(req);
            counted.rows += res.filter((r) => r !== undefined).length;
            return res;
          },
          async get(req) {
            const res = await table.get(req);
            if (res !== undefined) counted.rows++;
            return res;
          },
          async openCursor(req) {
            const cursor = await table.openCursor(req);
            if (!cursor) return cursor;
            const start = cursor.start.bind(cursor);
            return Object.create(cursor, {
              start: {
                value: (onNext: () => void) =>
                  start(() => {
                    counted.rows++;
                    onNext();
                  }),
              },
            });
          },
        };
        return counting;
      },
    }),
  });
  return counted;
}

describe('the page the popup opens on (issue 11: first paint with 10 000 pages)', () => {
  it('reads its 20 rows off the index and nothing more, the same rows as listLatest', async () => {
    const counted = new LogDb('list-test');
    const reads = countReads(counted);
    const rows = await firstRows(20, counted);
    expect(reads.rows).toBe(20);
    expect(rows.map((r) => r.id)).toEqual(expected({ pageSize: 20 }).ids);
    expect(rows.map((r) => r.id)).toEqual((await listLatest({ pageSize: 20 }, db)).items.map((r) => r.id));
    expect(rows[0]!).not.toHaveProperty('search');
    // the counter sees what the paged list reads: every key of the index, then the page's rows
    reads.rows = 0;
    await listLatest({ page: 2, pageSize: 20 }, counted);
    expect(reads.rows).toBe(COUNT + 20);
    counted.close();
  });

  it('counts the pages apart, without reading them', async () => {
    const counted = new LogDb('list-test');
    const reads = countReads(counted);
    expect(await countLatest(counted)).toBe(COUNT);
    expect(reads.rows).toBe(0);
    counted.close();
  });
});

describe('listLatest over 5,000 pages', () => {
  it('shows one record per page, newest first, in pages', async () => {
    const first = await listLatest({ pageSize: 50 }, db);
    expect(first.total).toBe(COUNT);
    expect(first.pages).toBe(100);
    expect(first.items.map((r) => r.id)).toEqual(expected({}).ids);
    expect(first.items.every((r) => r.latest === 1)).toBe(true);
    expect(first.items[0]!).not.toHaveProperty('search');
    expect(first.items[0]!).not.toHaveProperty('model');
    const p37 = await listLatest({ page: 37, pageSize: 50 }, db);
    expect(p37.items.map((r) => r.id)).toEqual(expected({ page: 37 }).ids);
    const beyond = await listLatest({ page: 999, pageSize: 50 }, db);
    expect(beyond.page).toBe(100);
    expect(beyond.items.map((r) => r.id)).toEqual(expected({ page: 100 }).ids);
  });

  const cases: ListQuery[] = [
    { year: 2021 },
    { year: 2021, page: 3, pageSize: 20 },
    { format: '2019' },
    { format: 'hybrid' },
    { year: 2023, format: 'hybrid' },
    { severity: 'error' },
    { severity: 'info', page: 2 },
    { severity: 'clean' },
    { query: '中宁县' },
    { query: '工业园区管委会' },
    { query: '工业园区 管理委员会', year: 2020 },
    { query: 'site7.gov.cn' },
    { query: '中寧縣財政局' },
    { query: '沙坡头区教育局2018', severity: 'warning' },
    { query: '不存在的机关' },
  ];
  for (const q of cases) {
    it(`filters ${JSON.stringify(q)}`, async () => {
      const got = await listLatest(q, db);
      const want = expected(q);
      expect(got.total).toBe(want.total);
      expect(got.items.map((r) => r.id)).toEqual(want.ids);
    });
  }

  it('finds Traditional-character and 管理委员会 queries', async () => {
    expect((await listLatest({ query: '中寧縣財政局' }, db)).total).toBeGreaterThan(0);
    expect((await listLatest({ query: '工业园区管理委员会' }, db)).total).toBe(
      (await listLatest({ query: '工业园区管委会' }, db)).total,
    );
  });

  it('lists the years and formats for the filters', async () => {
    const f = await logFacets(db);
    expect(f.years).toEqual([2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017]);
    expect(f.formats).toEqual(['2019', '2021', 'hybrid', 'pre2019']);
    expect(f.pages).toBe(COUNT);
  });
});

describe('the "no findings" filter (issue 8)', () => {
  it('leaves out a report with no findings whose tables could not be read', async () => {
    const small = new LogDb('list-test-unread');
    const log = syntheticLog(8).filter((r) => r.findings.length === 0 && r.latest === 1);
    expect(log.length).toBeGreaterThanOrEqual(2);
    const [unread, ...clean] = log;
    unread!.read = {
      level: 'none',
      reasons: [{ kind: 'table', table: 'applications', problem: 'not-in-dom' }],
    };
    await writeBulk(small, log);
    const got = await listLatest({ severity: 'clean' }, small);
    expect(got.items.map((r) => r.id).sort()).toEqual(clean.map((r) => r.id).sort());
    expect(got.items.map((r) => r.id)).not.toContain(unread!.id);
  });
});
