import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import { MODEL_VERSION, type ReportModel } from '../report/model';
import { rules } from '../rules/index';
import { LogDb } from './db';
import { exportJson } from './export';
import { ImportError, importLog } from './import';
import {
  CLAIM_KINDS_OF_V2,
  ModelVersionError,
  migrateModel,
  migrateRecordInput,
  readStoredModel,
} from './migrate';
import { getRecord, getRecordDetail, listLatest } from './queries';
import { freshNarrative, nextYear, parseFixture } from './testing/fixtures';
import { addAudit, setVerdict } from './write';

// Stored models outlive the parser (review M6): records say which model version they hold, old
// exports import under the current model, and a stored record the current schema rejects never
// costs a new audit (relinking and comparing are best-effort, outside the primary write).

let n = 0;
const freshDb = () => new LogDb(`migrate-test-${++n}-${Math.random()}`);
const URL_2019 = 'https://www.example.gov.cn/xxgk/2019/report.html';
const URL_2020 = 'https://www.example.gov.cn/xxgk/2020/report.html';
const y2019 = () =>
  nextYear(parseFixture('2019/seed001-fragment', URL_2019), { year: 2019, paragraphs: freshNarrative(2019) });
const y2020 = () =>
  nextYear(y2019(), { paragraphs: freshNarrative(2020), cells: { 'applications/carryIn/NP': 1 } });
const meta = (url: string, auditedAt: number) => ({ url, extensionVersion: '0.1.0', auditedAt });

/** A stored model spoilt the way a change of the model would spoil it: a field the schema rejects. */
async function spoil(db: LogDb, id: string) {
  await db.details.update(id, {
    model: { ...(await db.details.get(id))!.model, format: 'format-of-2030' } as never,
  });
}

describe('model migrations', () => {
  it('runs the steps from the record’s version to the current one, in order', () => {
    const steps = {
      1: (m: Record<string, unknown>) => ({ ...m, renamed: m.old, old: undefined }),
      2: (m: Record<string, unknown>) => ({ ...m, added: [] }),
    };
    expect(migrateModel({ old: 'x' }, 1, steps, 3)).toEqual({ renamed: 'x', old: undefined, added: [] });
    expect(migrateModel({ renamed: 'x' }, 2, steps, 3)).toEqual({ renamed: 'x', added: [] });
    expect(() => migrateModel({}, 4, steps, 3)).toThrow(ModelVersionError);
    expect(() => migrateModel({}, 1, { 2: steps[2] }, 3)).toThrow(/from version 1/);
  });

  it('gives a record without modelVersion the first version and migrates it to the current one', () => {
    const steps = { 1: (m: Record<string, unknown>) => ({ ...m, added: true }) };
    expect(migrateRecordInput({ id: 'a', model: { x: 1 } }, steps, 2)).toEqual({
      id: 'a',
      model: { x: 1, added: true },
      modelVersion: 2,
    });
  });

  it('reads a stored model under the current schema, or gives null (never throws)', () => {
    const model = y2019();
    expect(readStoredModel(model, 1)).toEqual(model);
    expect(readStoredModel({ ...model, format: 'format-of-2030' }, 1)).toBeNull();
    expect(readStoredModel(model, MODEL_VERSION + 1)).toBeNull();
  });
});

describe('1 → 2: the claim kinds version 2 added', () => {
  /** A version 1 model: the same paragraphs, none of the claims version 2 added. */
  function version1(): ReportModel {
    const m = y2019();
    m.paragraphs = [
      ...m.paragraphs,
      { id: 'p-web-1', section: '二', text: '全年政府网站发布信息14条，政务微信发布信息169条。' },
      { id: 'p-web-2', section: '二', text: '依托县政府网站发布文件信息15条。' },
    ];
    m.claims = m.claims.filter((c) => !CLAIM_KINDS_OF_V2.includes(c.kind));
    return m;
  }

  it('reads the new kinds from the stored paragraphs and keeps the claims the model had', () => {
    const old = version1();
    const migrated = readStoredModel(structuredClone(old), 1)!;
    expect(migrated.claims.slice(0, old.claims.length)).toEqual(old.claims);
    expect(
      migrated.claims
        .filter((c) => c.kind === 'channelCount')
        .map((c) => [c.paragraph, c.subject, c.numbers.count!.value]),
    ).toEqual([
      ['p-web-1', 'website', 14],
      ['p-web-1', 'wechat', 169],
      ['p-web-2', 'website', 15],
    ]);
  });

  it('lets ARI-05 check a migrated model as it checks a fresh one', () => {
    const ari05 = rules.find((r) => r.id === 'ARI-05')!;
    const fails = (m: ReportModel) => ari05.evaluate(m).filter((e) => e.outcome === 'fail');
    expect(fails(version1())).toEqual([]);
    expect(
      fails(readStoredModel(version1(), 1)!).map((e) => e.outcome === 'fail' && [e.expected, e.actual]),
    ).toEqual([[14, 15]]);
  });

  it('leaves a model it cannot read for the schema to reject', () => {
    expect(migrateModel({ paragraphs: 'x', claims: [] }, 1)).toEqual({ paragraphs: 'x', claims: [] });
  });
});

describe('records carry their model version', () => {
  it('files new audits with the current model version', async () => {
    const db = freshDb();
    const m = y2019();
    const { record } = await addAudit(m, runAudit(m), meta(URL_2019, 1000), db);
    expect(record.modelVersion).toBe(MODEL_VERSION);
    expect((await getRecord(record.id, db))!.modelVersion).toBe(MODEL_VERSION);
  });

  it('imports an export of schema version 2 (no modelVersion) and reads it under the current model', async () => {
    const source = freshDb();
    const m = y2019();
    const { record } = await addAudit(m, runAudit(m), meta(URL_2019, 1000), source);
    const file = await exportJson({}, source);
    const v2 = {
      ...file,
      schemaVersion: 2,
      records: file.records.map(({ modelVersion: _v, ...r }) => r),
    };
    const target = freshDb();
    await importLog(JSON.stringify(v2), target);
    const back = await getRecordDetail(record.id, target);
    expect(back!.record.modelVersion).toBe(MODEL_VERSION);
    expect(back!.record.model).toEqual(record.model);
    // and it is compared with across years like any record
    const next = y2020();
    const res = await addAudit(next, runAudit(next), meta(URL_2020, 2000), target);
    expect(res.previousYear?.id).toBe(record.id);
  });

  it('refuses a record of a model newer than this extension, naming it', async () => {
    const source = freshDb();
    const m = y2019();
    await addAudit(m, runAudit(m), meta(URL_2019, 1000), source);
    const file = await exportJson({}, source);
    const newer = { ...file, records: file.records.map((r) => ({ ...r, modelVersion: MODEL_VERSION + 1 })) };
    const error = await importLog(JSON.stringify(newer), freshDb()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems[0]).toMatchObject({
      section: 'records',
      index: 0,
      path: 'modelVersion',
    });
  });
});

describe('a stored record the current schema rejects never costs a new audit', () => {
  it('files the audit when the body’s next-year record cannot be relinked', async () => {
    const db = freshDb();
    const next = y2020();
    const later = await addAudit(next, runAudit(next), meta(URL_2020, 1000), db);
    await spoil(db, later.record.id);

    const m = y2019();
    const res = await addAudit(m, runAudit(m), meta(URL_2019, 2000), db);
    expect(res.relinked).toEqual([]);
    expect((await getRecord(res.record.id, db))?.url).toBe(URL_2019);
    expect((await listLatest({}, db)).total).toBe(2);
  });

  it('files the audit when the body’s previous-year record cannot be read, and does not compare with it', async () => {
    const db = freshDb();
    const m = y2019();
    const earlier = await addAudit(m, runAudit(m), meta(URL_2019, 1000), db);
    await spoil(db, earlier.record.id);

    const next = y2020();
    const res = await addAudit(next, runAudit(next), meta(URL_2020, 2000), db);
    expect(res.previousYear).toBeNull();
    expect((await getRecord(res.record.id, db))?.crossYear?.against).toBeNull();
  });

  it('files a new version when the page’s previous version cannot be read (no XYR-08 then)', async () => {
    const db = freshDb();
    const m = y2019();
    const first = await addAudit(m, runAudit(m), meta(URL_2019, 1000), db);
    await spoil(db, first.record.id);
    const changed: ReportModel = structuredClone(m);
    changed.tables.applications!.new!.TOT = { raw: '99', value: 99, flags: [] } as never;
    const res = await addAudit(changed, runAudit(changed), meta(URL_2019, 2000), db);
    expect(res.record.version).toBe(2);
    expect(res.change).toBeNull();
  });
});

describe('import', () => {
  it('counts only the verdicts it wrote (the log’s newer ones stay)', async () => {
    const source = freshDb();
    const m = y2019();
    const { record } = await addAudit(m, runAudit(m), meta(URL_2019, 1000), source);
    const fp = record.findings[0]!.fingerprint;
    await setVerdict(URL_2019, fp, { verdict: 'dismissed' }, source);
    const file = await exportJson({}, source);

    const target = freshDb();
    await importLog(JSON.stringify(file), target);
    await setVerdict(URL_2019, fp, { verdict: 'confirmed' }, target);
    const again = await importLog(JSON.stringify(file), target);
    expect(again.verdicts).toBe(0);
    expect((await getRecordDetail(record.id, target))!.verdicts[fp]?.verdict).toBe('confirmed');
  });

  it('relinks the log’s next-year record to an imported previous year', async () => {
    const source = freshDb();
    const m = y2019();
    await addAudit(m, runAudit(m), meta(URL_2019, 1000), source);
    const file = await exportJson({}, source);

    const target = freshDb();
    const next = y2020();
    const later = await addAudit(next, runAudit(next), meta(URL_2020, 2000), target);
    expect(later.previousYear).toBeNull();
    const summary = await importLog(JSON.stringify(file), target);
    expect(summary.relinked).toBeGreaterThanOrEqual(1);
    const relinked = await getRecord(later.record.id, target);
    expect(relinked?.crossYear?.against?.id).toBe(file.records[0]!.id);
    expect(relinked?.findings.some((f) => f.spec.startsWith('XYR-'))).toBe(true);
  });

  it('keeps a latest version for a page whose record an imported one replaced by id', async () => {
    const db = freshDb();
    const m = y2019();
    const a = await addAudit(m, runAudit(m), meta(URL_2019, 1000), db);
    const b = await addAudit(m, runAudit(m), { ...meta(URL_2019, 2000), requested: true }, db);
    const file = await exportJson({}, db);
    // the file holds page A's latest record's id, but for another page
    const moved = file.records.find((r) => r.id === b.record.id)!;
    const other = {
      ...moved,
      url: URL_2020,
      urlKey: 'www.example.gov.cn/xxgk/2020/report.html'.replace('www.', ''),
      version: 1,
    };
    await importLog(JSON.stringify({ ...file, records: [other], verdicts: [], evidence: [] }), db);
    const latest = await listLatest({}, db);
    expect(latest.items.map((r) => r.url).sort()).toEqual([URL_2019, URL_2020]);
    expect(latest.items.find((r) => r.url === URL_2019)?.id).toBe(a.record.id);
  });

  it('accepts only http(s) and file addresses for records and evidence (L4)', async () => {
    const source = freshDb();
    const m = y2019();
    await addAudit(m, runAudit(m), meta(URL_2019, 1000), source);
    const file = await exportJson({}, source);
    for (const url of [
      'data:text/html,<b>x</b>',
      'javascript:alert(1)',
      'chrome-extension://abc/popup.html',
    ]) {
      const bad = { ...file, records: file.records.map((r) => ({ ...r, url })) };
      const error = await importLog(JSON.stringify(bad), freshDb()).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems[0]).toMatchObject({ section: 'records', path: 'url' });
    }
    const local = {
      ...file,
      records: file.records.map((r) => ({ ...r, url: 'file:///home/a/report.html' })),
    };
    await expect(importLog(JSON.stringify(local), freshDb())).resolves.toMatchObject({ records: 1 });
  });
});
