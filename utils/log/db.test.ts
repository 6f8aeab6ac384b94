import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import { type AuditRowV1, LogDb, STORES_V1, STORES_V2 } from './db';
import { getRecord, getRecordDetail, getVerdicts, listLatest } from './queries';
import { toRows } from './rows';
import { type AuditRecord, type Evidence, FIRST_MODEL_VERSION, type Verdict } from './schema';
import { freshNarrative, nextYear, parseFixture } from './testing/fixtures';
import { addAudit } from './write';

// A log written by the first schema (version 1, no agencyKey) opens intact under the current one,
// with agencyKey backfilled and the cross-year index usable.

const name = () => `migrate-${Math.random()}`;

async function recordOf(fixture: string, url: string, auditedAt: number): Promise<AuditRecord> {
  // build the record through the current code, in a scratch log, then write it the v1 way
  const scratch = new LogDb(name());
  const m = parseFixture(fixture, url);
  const { record } = await addAudit(m, runAudit(m), { extensionVersion: '0.0.1', auditedAt }, scratch);
  scratch.close();
  return record;
}

const v1Row = (r: AuditRecord): AuditRowV1 => {
  const { agencyKey: _drop, ...row } = toRows(r).row;
  return row;
};

describe('schema migration v1 → v2', () => {
  it('keeps every record, verdict and evidence, and backfills agencyKey', async () => {
    const dbName = name();
    const park = await recordOf('2019/seed000-word', 'https://www.example.gov.cn/park/2020.html', 1000);
    const trad = await recordOf('2021/seed003-traditional', 'https://www.example.gov.cn/gxj/2021.html', 2000);
    const records = [park, trad];
    const verdict: Verdict = {
      urlKey: park.urlKey,
      fingerprint: 'VAL-02:1234abcd',
      verdict: 'dismissed',
      note: '行政复议空白即为 0',
      updatedAt: 3000,
      rule: 'VAL-02',
    };
    const evidence: Evidence = {
      id: 'e1',
      recordId: park.id,
      fingerprint: 'VAL-02:1234abcd',
      url: park.url,
      capturedAt: 4000,
      cells: [{ address: 'reviews/rev/total', text: '' }],
    };

    const v1 = new Dexie(dbName);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    await v1.table('audits').bulkAdd(records.map(v1Row));
    await v1.table('details').bulkAdd(records.map((r) => toRows(r).detail));
    await v1.table('verdicts').add(verdict);
    await v1.table('evidence').add(evidence);
    expect(await v1.table('audits').get(park.id)).not.toHaveProperty('agencyKey');
    v1.close();

    const db = new LogDb(dbName);
    await db.open();
    expect(db.verno).toBe(4);
    // a v1 log holds models of the first model version, whatever the code that wrote this test's
    // records; their models are brought to the current shape when read (migrate.ts)
    expect(await getRecord(park.id, db)).toEqual({ ...park, modelVersion: FIRST_MODEL_VERSION });
    expect(await getRecord(trad.id, db)).toEqual({ ...trad, modelVersion: FIRST_MODEL_VERSION });
    expect(park.agencyKey).toBe('宁夏中宁工业园区管委会');
    expect(trad.agencyKey).toBe('中宁县工业和信息化局');
    const byBody = await db.audits
      .where('[agencyKey+site+year]')
      .equals(['中宁县工业和信息化局', 'example.gov.cn', 2021])
      .toArray();
    expect(byBody.map((r) => r.id)).toEqual([trad.id]);
    expect((await listLatest({ query: '中寧縣工業' }, db)).items.map((r) => r.id)).toEqual([trad.id]);
    expect(await getVerdicts(park.url, db)).toEqual([verdict]);
    expect((await getRecordDetail(park.id, db))!.evidence).toEqual([evidence]);

    // and the upgraded log works on: the body's next year compares with the migrated record
    const m = nextYear(parseFixture('2021/seed003-traditional', 'https://www.example.gov.cn/gxj/2022.html'), {
      paragraphs: freshNarrative(2022),
    });
    const res = await addAudit(m, runAudit(m), { extensionVersion: '0.1.0', auditedAt: 5000 }, db);
    expect(res.previousYear?.id).toBe(trad.id);
    db.close();
  });

  it('opens a fresh log at the current version', async () => {
    const db = new LogDb(name());
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'audits',
      'details',
      'evidence',
      'sweepItems',
      'sweeps',
      'verdicts',
    ]);
    db.close();
  });
});

describe('schema migration v3 → v4 (the sweep queue)', () => {
  it('adds the sweep tables and keeps every record, verdict and evidence as they were', async () => {
    const dbName = name();
    const park = await recordOf('2019/seed000-word', 'https://www.example.gov.cn/park/2020.html', 1000);
    const verdict: Verdict = {
      urlKey: park.urlKey,
      fingerprint: 'VAL-02:1234abcd',
      verdict: 'confirmed',
      note: '已核对',
      updatedAt: 3000,
      rule: 'VAL-02',
    };
    const evidence: Evidence = {
      id: 'e1',
      recordId: park.id,
      fingerprint: 'VAL-02:1234abcd',
      url: park.url,
      capturedAt: 4000,
      cells: [{ address: 'reviews/rev/total', text: '' }],
    };
    // a log as version 3 wrote it (the same stores as v2, modelVersion set)
    const v3 = new Dexie(dbName);
    v3.version(3).stores(STORES_V2);
    await v3.open();
    const { row, detail } = toRows(park);
    await v3.table('audits').add(row);
    await v3.table('details').add(detail);
    await v3.table('verdicts').add(verdict);
    await v3.table('evidence').add(evidence);
    v3.close();

    const db = new LogDb(dbName);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await getRecord(park.id, db)).toEqual(park);
    expect(await getVerdicts(park.url, db)).toEqual([verdict]);
    expect((await getRecordDetail(park.id, db))!.evidence).toEqual([evidence]);
    expect((await listLatest({}, db)).items.map((r) => r.id)).toEqual([park.id]);
    expect(await db.sweeps.count()).toBe(0);
    await db.sweeps.add({
      id: 's1',
      list: 'https://www.example.gov.cn/xxgk/nb/index.html',
      createdAt: 1,
      updatedAt: 1,
      state: 'running',
      maxPages: 50,
      pagesToRead: [],
      knownPages: [],
      listPages: [],
      failedListPages: [],
      listed: 0,
      finished: false,
    });
    expect((await db.sweeps.where('state').equals('running').toArray()).map((s) => s.id)).toEqual(['s1']);
    db.close();
  });
});
