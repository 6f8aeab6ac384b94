import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import { contentHash, diffTables } from '../report/content';
import type { ReportModel } from '../report/model';
import { createSweep } from '../sweep/queue';
import { LogDb } from './db';
import {
  getEvidence,
  getHistory,
  getRecord,
  getRecordDetail,
  getVerdicts,
  listLatest,
  logContents,
  logFacets,
} from './queries';
import { clone, freshNarrative, nextYear, parseFixture, setCell } from './testing/fixtures';
import { addAudit, addEvidence, clearLog, deleteRecord, setVerdict } from './write';

let n = 0;
const freshDb = () => new LogDb(`records-test-${++n}-${Math.random()}`);
const meta = (auditedAt: number, url?: string) => ({
  extensionVersion: '0.1.0',
  auditedAt,
  ...(url ? { url } : {}),
});
const audit = (m: ReportModel) => runAudit(m);

const COUNTY_URL = 'https://www.example.gov.cn/xxgk/2019/seed001.html';
const county = () => parseFixture('2019/seed001-fragment', COUNTY_URL);

describe('addAudit', () => {
  it('stores a record that reads back equal, with its identity, hash and counts', async () => {
    const db = freshDb();
    const m = county();
    const a = audit(m);
    const { record, change } = await addAudit(m, a, meta(1_700_000_000_000), db);
    expect(change).toBeNull();
    expect(record).toMatchObject({
      url: COUNTY_URL,
      urlKey: 'example.gov.cn/xxgk/2019/seed001.html',
      site: 'example.gov.cn',
      title: '中宁县2019年政府信息公开工作年度报告',
      agency: '中宁县人民政府',
      agencyKey: '中宁县',
      year: 2019,
      format: '2019',
      publishedAt: '2020-01-20',
      auditedAt: 1_700_000_000_000,
      extensionVersion: '0.1.0',
      contentHash: contentHash(m.tables),
      version: 1,
      latest: 1,
      counts: a.counts,
      figures: a.figures,
      changed: false,
    });
    expect(record.severities.error).toBe(a.findings.filter((f) => f.severity === 'error').length);
    expect(await getRecord(record.id, db)).toEqual(record);
  });

  it('validates what it writes and writes nothing when invalid', async () => {
    const db = freshDb();
    const m = county();
    const bad = { ...audit(m), findings: [{ ...audit(m).findings[0]!, severity: 'fatal' }] };
    await expect(addAudit(m, bad as never, meta(1), db)).rejects.toThrow();
    expect(await db.audits.count()).toBe(0);
    expect(await db.details.count()).toBe(0);
    await expect(addAudit({ ...m, source: null }, audit(m), { extensionVersion: 'x' }, db)).rejects.toThrow(
      /no URL/,
    );
  });
});

describe('content hash', () => {
  it('depends on the numbers only', () => {
    const m = county();
    const same = clone(m);
    same.tables.applications!.new!.TOT!.raw = ' 5 ';
    same.tables.applications!.new!.TOT!.flags = ['approx'];
    same.paragraphs = [];
    expect(contentHash(same.tables)).toBe(contentHash(m.tables));
    setCell(same, 'applications/new/TOT', 6);
    expect(contentHash(same.tables)).not.toBe(contentHash(m.tables));
    expect(contentHash(m.tables)).toMatch(/^t1:[0-9a-f]{28}$/);
  });
});

describe('versions of a page', () => {
  it('adds a version on re-audit; the list shows the latest and the history keeps both', async () => {
    const db = freshDb();
    const m = county();
    const first = await addAudit(m, audit(m), meta(1000), db);
    // the same page through another link: http, a fragment
    const again = await addAudit(
      m,
      audit(m),
      meta(2000, 'http://example.gov.cn/xxgk/2019/seed001.html#t3'),
      db,
    );
    expect(again.record.version).toBe(2);
    expect(again.change).toBeNull();
    const page = await listLatest({}, db);
    expect(page.total).toBe(1);
    expect(page.items[0]!.id).toBe(again.record.id);
    const history = await getHistory(COUNTY_URL, db);
    expect(history.map((h) => [h.version, h.latest])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    expect(history[1]!.id).toBe(first.record.id);
  });

  it('XYR-08: a re-audit with other numbers returns the change with both versions’ cells', async () => {
    const db = freshDb();
    const m = county();
    const v1 = await addAudit(m, audit(m), meta(Date.UTC(2024, 2, 1)), db);
    const edited = clone(m);
    setCell(edited, 'applications/new/TOT', 6);
    setCell(edited, 'reviews/rev/total', 1);
    const v2 = await addAudit(edited, audit(edited), meta(Date.UTC(2024, 5, 1)), db);
    expect(v2.change?.previous).toEqual({
      id: v1.record.id,
      version: 1,
      auditedAt: Date.UTC(2024, 2, 1),
      contentHash: v1.record.contentHash,
    });
    expect(v2.change?.cells).toEqual([
      { address: 'applications/new/TOT', before: { raw: '5', value: 5 }, after: { raw: '6', value: 6 } },
      { address: 'reviews/rev/total', before: { raw: '0', value: 0 }, after: { raw: '1', value: 1 } },
    ]);
    expect(v2.record.changed).toBe(true);
    const f = v2.record.findings.find((x) => x.spec === 'XYR-08')!;
    expect(f).toMatchObject({
      severity: 'info',
      outcome: 'fail',
      cells: ['applications/new/TOT', 'reviews/rev/total'],
    });
    expect(f.message.zh).toMatch(
      /第 1 版）不同：2 个单元格的数字有变化，如 本年新收·总计 5 → 6；行政复议·总计 0 → 1$/,
    );
    expect(f.message.en).toContain('2 cells changed, e.g. new this year · total 5 → 6');

    // back to the first numbers: a change again, with another fingerprint
    const v3 = await addAudit(m, audit(m), meta(Date.UTC(2024, 6, 1)), db);
    const f3 = v3.record.findings.find((x) => x.spec === 'XYR-08')!;
    expect(f3.fingerprint).not.toBe(f.fingerprint);
    // unchanged: no XYR-08
    const v4 = await addAudit(m, audit(m), meta(Date.UTC(2024, 7, 1)), db);
    expect(v4.change).toBeNull();
    expect(v4.record.findings.some((x) => x.spec === 'XYR-08')).toBe(false);
  });

  it('diffTables lists added and removed cells', () => {
    const m = county();
    const without = clone(m);
    delete without.tables.reviews!.rev!.total;
    expect(diffTables(m.tables, without.tables)).toEqual([
      { address: 'reviews/rev/total', before: { raw: '0', value: 0 }, after: null },
    ]);
  });
});

describe('verdicts', () => {
  it('survive a re-audit and an engine upgrade that rewords the finding', async () => {
    const db = freshDb();
    const m = county();
    const a = audit(m);
    const t401 = a.findings.find((f) => f.spec === 'T4-01')!;
    const v1 = await addAudit(m, a, meta(1000), db);
    await setVerdict(COUNTY_URL, t401.fingerprint, { verdict: 'confirmed', rule: 'T4-01' }, db);
    await setVerdict(COUNTY_URL, t401.fingerprint, { note: '复议尚未审结 1 件，总计漏填' }, db);

    const upgraded = {
      ...a,
      findings: a.findings.map((f) =>
        f === t401 ? { ...f, message: { zh: '新措辞', en: 'new wording' } } : f,
      ),
    };
    const v2 = await addAudit(m, upgraded, { extensionVersion: '0.2.0', auditedAt: 2000 }, db);
    const detail = await getRecordDetail(v2.record.id, db);
    expect(detail!.verdicts[t401.fingerprint]).toMatchObject({
      verdict: 'confirmed',
      note: '复议尚未审结 1 件，总计漏填',
      rule: 'T4-01',
    });
    expect((await getRecordDetail(v1.record.id, db))!.verdicts[t401.fingerprint]?.verdict).toBe('confirmed');

    // clearing both verdict and note removes it
    expect(await setVerdict(COUNTY_URL, t401.fingerprint, { verdict: null, note: '' }, db)).toBeNull();
    expect(await getVerdicts(COUNTY_URL, db)).toEqual([]);
  });
});

describe('cross-year in the log', () => {
  const y2019 = () => nextYear(county(), { year: 2019, paragraphs: freshNarrative(2019) });
  const y2020 = (carryInNp = 0) =>
    nextYear(y2019(), { paragraphs: freshNarrative(2020), cells: { 'applications/carryIn/NP': carryInNp } });
  const URL_2020 = 'https://www.example.gov.cn/xxgk/2020/report.html';

  it('compares a report with the same body’s previous year and names it', async () => {
    const db = freshDb();
    const prev = await addAudit(y2019(), audit(y2019()), meta(1000), db);
    const m = y2020(3);
    const res = await addAudit(m, audit(m), meta(2000, URL_2020), db);
    expect(res.previousYear?.id).toBe(prev.record.id);
    expect(res.record.crossYear?.against).toEqual({
      id: prev.record.id,
      url: COUNTY_URL,
      title: '中宁县2019年政府信息公开工作年度报告',
      year: 2019,
    });
    const x = res.record.findings.filter((f) => f.spec === 'XYR-01');
    expect(x).toHaveLength(1);
    expect(x[0]!.message.zh).toContain('《中宁县2019年政府信息公开工作年度报告》（2019年）');
    expect(res.record.severities.error).toBeGreaterThanOrEqual(1);
    const detail = await getRecordDetail(res.record.id, db);
    expect(detail!.previousYear?.id).toBe(prev.record.id);
    expect(detail!.followThrough).not.toBeNull();

    // the same audit again within repeatWithin: that record back, nothing written
    const again = await addAudit(m, audit(m), { ...meta(3000, URL_2020), repeatWithin: 60_000 }, db);
    expect(again.repeated).toBe(true);
    expect(again.record).toEqual(res.record);
    expect(again.previousYear?.id).toBe(prev.record.id);
    expect(again.crossYear.map((f) => f.fingerprint)).toEqual(res.crossYear.map((f) => f.fingerprint));
    expect(await getHistory(URL_2020, db)).toHaveLength(1);
  });

  it('compares saved pages read without a host by the site they were filed under', async () => {
    const db = freshDb();
    const a = { ...y2019(), host: null };
    await addAudit(a, audit(a), meta(1000), db);
    const b = y2020(3); // read with its host, the year before without
    const res = await addAudit(b, audit(b), meta(2000, URL_2020), db);
    expect(res.record.site).toBe('example.gov.cn');
    expect(res.previousYear).not.toBeNull();
    expect(res.record.findings.filter((f) => f.spec === 'XYR-01')).toHaveLength(1);
  });

  it('never compares with another body of the same portal', async () => {
    const db = freshDb();
    await addAudit(y2019(), audit(y2019()), meta(1000), db);
    const park = parseFixture('2019/seed000-ueditor'); // 2020, 宁夏中宁工业园区管理委员会
    setCell(park, 'applications/carryIn/NP', 4);
    const res = await addAudit(park, audit(park), meta(2000), db);
    expect(res.previousYear).toBeNull();
    expect(res.record.crossYear?.against).toBeNull();
    expect(res.record.findings.some((f) => f.spec === 'XYR-01')).toBe(false);
  });

  it('refreshes next year’s record when last year’s report is audited later, and after a delete', async () => {
    const db = freshDb();
    const m = y2020(3);
    const later = await addAudit(m, audit(m), meta(1000, URL_2020), db);
    expect(later.record.findings.some((f) => f.spec === 'XYR-01')).toBe(false);
    const prev = await addAudit(y2019(), audit(y2019()), meta(2000), db);
    expect(prev.relinked).toEqual([later.record.id]);
    const relinked = await getRecord(later.record.id, db);
    expect(relinked!.findings.filter((f) => f.spec === 'XYR-01')).toHaveLength(1);
    expect(relinked!.crossYear?.against?.id).toBe(prev.record.id);
    expect(relinked!.severities.error).toBe(later.record.severities.error + 1);

    await deleteRecord(prev.record.id, db);
    const alone = await getRecord(later.record.id, db);
    expect(alone!.findings.some((f) => f.spec === 'XYR-01')).toBe(false);
    expect(alone!.crossYear?.against).toBeNull();
  });
});

describe('evidence, delete and clear', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgo=';

  it('keeps evidence per record and fingerprint, validated', async () => {
    const db = freshDb();
    const m = county();
    const { record } = await addAudit(m, audit(m), meta(1000), db);
    const e = await addEvidence(
      {
        recordId: record.id,
        fingerprint: 'T4-01:abc',
        url: COUNTY_URL,
        screenshot: PNG,
        cells: [{ address: 'reviews/rev/total', text: '0' }],
        sentence: '其中1件引起行政诉讼',
        capturedAt: 5000,
      },
      db,
    );
    expect(await getEvidence(record.id, db)).toEqual([e]);
    await expect(
      addEvidence(
        { recordId: record.id, fingerprint: 'x', url: COUNTY_URL, screenshot: 'javascript:1', cells: [] },
        db,
      ),
    ).rejects.toThrow();
    await expect(
      addEvidence({ recordId: 'nope', fingerprint: 'x', url: COUNTY_URL, cells: [] }, db),
    ).rejects.toThrow(/no record/);
  });

  it('deleting the latest version promotes the previous one; deleting the last drops the page’s verdicts', async () => {
    const db = freshDb();
    const m = county();
    const v1 = await addAudit(m, audit(m), meta(1000), db);
    const v2 = await addAudit(m, audit(m), meta(2000), db);
    await setVerdict(COUNTY_URL, 'T4-01:x', { verdict: 'dismissed' }, db);
    await addEvidence({ recordId: v2.record.id, fingerprint: 'T4-01:x', url: COUNTY_URL, cells: [] }, db);
    expect(await deleteRecord(v2.record.id, db)).toBe(true);
    expect(await db.evidence.count()).toBe(0);
    const page = await listLatest({}, db);
    expect(page.items.map((i) => i.id)).toEqual([v1.record.id]);
    expect(await getVerdicts(COUNTY_URL, db)).toHaveLength(1);
    await deleteRecord(v1.record.id, db);
    expect(await getVerdicts(COUNTY_URL, db)).toHaveLength(0);
    expect(await deleteRecord('missing', db)).toBe(false);
  });

  it('clearLog empties every table; logContents says beforehand what goes', async () => {
    const db = freshDb();
    const m = county();
    const { record } = await addAudit(m, audit(m), meta(1000), db);
    // a second version of the same page (asked for) and another page
    await addAudit(m, audit(m), { ...meta(2000), requested: true }, db);
    const other = county();
    await addAudit(other, audit(other), meta(3000, 'https://www.example.gov.cn/xxgk/2019/other.html'), db);
    await setVerdict(COUNTY_URL, 'T4-01:x', { verdict: 'dismissed' }, db);
    await setVerdict(COUNTY_URL, 'T4-02:y', { verdict: 'confirmed' }, db);
    await addEvidence({ recordId: record.id, fingerprint: 'T4-01:x', url: COUNTY_URL, cells: [] }, db);
    expect(await logContents(db)).toEqual({ pages: 2, versions: 3, verdicts: 2, evidence: 1 });
    await createSweep(db, 'https://www.example.gov.cn/xxgk/nb/index.html');
    expect(await db.sweeps.count()).toBe(1);
    await clearLog(db);
    expect(await logContents(db)).toEqual({ pages: 0, versions: 0, verdicts: 0, evidence: 0 });
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'audits',
      'details',
      'evidence',
      'sweepItems',
      'sweeps',
      'verdicts',
    ]);
    for (const t of db.tables) expect(await t.count()).toBe(0);
    expect((await listLatest({}, db)).total).toBe(0);
    expect(await logFacets(db)).toEqual({ years: [], formats: [], pages: 0 });
  });
});
