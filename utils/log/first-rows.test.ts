import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogDb, STORES_V1 } from './db';
import { LOG_IDB_VERSION } from './db-identity';
import { readFirstRowsDirect } from './first-rows';
import { firstRows } from './list';
import { syntheticLog, syntheticRecord, writeBulk } from './testing/synthetic';

// The popup's first rows read without Dexie (first-rows.ts) are firstRows' rows, in firstRows'
// order, on any log; and on a log it cannot vouch for (none yet, another schema version) the read
// gives null and leaves the database as it found it, for Dexie.

const name = () => `first-rows-${Math.random()}`;
const SEED = Number(process.env.GOUJI_GENERATOR_SEED ?? 20261204);

async function exists(dbName: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === dbName);
}

describe('readFirstRowsDirect', () => {
  it('opens the log at the version Dexie gives it', async () => {
    const db = new LogDb(name());
    await db.open();
    expect(db.backendDB().version).toBe(LOG_IDB_VERSION);
    db.close();
  });

  it('gives null on no log, and creates none', async () => {
    const dbName = name();
    expect(await readFirstRowsDirect(20, indexedDB, dbName)).toBeNull();
    expect(await exists(dbName)).toBe(false);
    // Dexie then creates it as it would have
    const db = new LogDb(dbName);
    await writeBulk(db, syntheticLog(3));
    expect(await firstRows(20, db)).toHaveLength(3);
    db.close();
  });

  it('gives null on a log of an older schema, and leaves it for Dexie to upgrade', async () => {
    const dbName = name();
    const v1 = new Dexie(dbName);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    v1.close();
    expect(await readFirstRowsDirect(20, indexedDB, dbName)).toBeNull();
    const db = new LogDb(dbName);
    await db.open();
    expect(db.verno).toBe(4);
    db.close();
  });

  it('does not hold the log: an upgrade elsewhere is not blocked by it', async () => {
    const dbName = name();
    const db = new LogDb(dbName);
    await writeBulk(db, syntheticLog(5));
    db.close();
    const read = readFirstRowsDirect(20, indexedDB, dbName);
    // a newer schema opens while the read may still be running
    const next = new Dexie(dbName);
    next.version(5).stores({ extra: 'id' });
    await next.open();
    expect(next.verno).toBe(5);
    next.close();
    const rows = await read;
    expect(rows === null || rows.length === 5).toBe(true);
  });
});

// getAllRecords reads the page in one request where the browser has it (Chrome 141+, Firefox ESR
// 153, fake-indexeddb); elsewhere a key cursor and one getAll read it in three. Both, on every log.
describe.each([
  ['with getAllRecords', false],
  ['without getAllRecords (a key cursor and one getAll)', true],
])('readFirstRowsDirect %s', (_how, hideGetAllRecords) => {
  const proto = IDBIndex.prototype as { getAllRecords?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
  beforeAll(() => {
    expect(typeof proto.getAllRecords).toBe('function');
    if (hideGetAllRecords)
      Object.defineProperty(proto, 'getAllRecords', { value: undefined, configurable: true });
  });
  afterAll(() => {
    if (hideGetAllRecords && own) Object.defineProperty(proto, 'getAllRecords', own);
  });

  it('reads the newest latest rows of a large log, as firstRows does', async () => {
    const dbName = name();
    const db = new LogDb(dbName);
    await writeBulk(db, syntheticLog(600));
    for (const size of [1, 2, 20, 50]) {
      const direct = await readFirstRowsDirect(size, indexedDB, dbName);
      expect(direct).toHaveLength(size);
      expect(direct).toEqual(await firstRows(size, db));
    }
    // the newest first, older versions of a page left out
    const rows = (await readFirstRowsDirect(20, indexedDB, dbName))!;
    expect(rows.every((r) => r.latest === 1)).toBe(true);
    expect(rows.map((r) => r.auditedAt)).toEqual(rows.map((r) => r.auditedAt).sort((a, b) => b - a));
    expect(rows[0]).not.toHaveProperty('search');
    db.close();
  });

  it('gives firstRows’ rows and order on any log, audit times shared or not (fast-check, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        // each record: which of a few times it was audited at (ties on purpose), and whether it is
        // its page's latest version
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 6 }), latest: fc.boolean() }), {
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 25 }),
        async (shapes, size) => {
          const dbName = name();
          const db = new LogDb(dbName);
          const records = shapes.map((s, i) => {
            const r = syntheticRecord(i, 1, s.latest ? 1 : 0);
            r.auditedAt = 1_700_000_000_000 + s.time;
            return r;
          });
          await writeBulk(db, records);
          const direct = await readFirstRowsDirect(size, indexedDB, dbName);
          expect(direct).toEqual(await firstRows(size, db));
          expect(direct!.length).toBe(Math.min(size, records.filter((r) => r.latest === 1).length));
          db.close();
          await Dexie.delete(dbName);
        },
      ),
      { numRuns: 40, seed: SEED },
    );
  });
});
