import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import type { ReportModel } from '../report/model';
import { LogDb } from './db';
import { exportJson } from './export';
import {
  type EvidenceTexts,
  type HubDeps,
  handleLogRequest,
  type LogReply,
  logAudit,
  REPEAT_MS,
} from './hub';
import { getEvidence, getHistory, getRecord, getRecordDetail, getVerdicts, listLatest } from './queries';
import { freshNarrative, nextYear, parseFixture, setCell } from './testing/fixtures';

// The background's log handlers, as plain functions over a fake-indexeddb log: what an audit files
// and sends back to the page, and what each of the popup's requests writes.

let n = 0;
const freshDb = () => new LogDb(`hub-test-${++n}-${Math.random()}`);

const URL_2019 = 'https://www.example.gov.cn/xxgk/2019/report.html';
const URL_2020 = 'https://www.example.gov.cn/xxgk/2020/report.html';
const county = () => parseFixture('2019/seed001-fragment', URL_2019);
const y2019 = () => nextYear(county(), { year: 2019, paragraphs: freshNarrative(2019) });
const y2020 = (carryInNp: number) =>
  nextYear(y2019(), { paragraphs: freshNarrative(2020), cells: { 'applications/carryIn/NP': carryInNp } });

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function deps(over: Partial<HubDeps> & { at?: number } = {}): HubDeps {
  let clock = over.at ?? 1_700_000_000_000;
  return {
    extensionVersion: '0.1.0',
    now: () => clock++,
    ...over,
  };
}

const ok = (r: LogReply) => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.en}`);
  return r;
};

describe('logAudit', () => {
  it('files a report and gives back its findings for the overlay', async () => {
    const db = freshDb();
    const m = county();
    const a = runAudit(m);
    const res = await logAudit(m, a, URL_2019, deps(), db);
    expect(res).toMatchObject({ type: 'log-result', change: null, previousYear: null });
    expect(res!.findings.map((f) => f.fingerprint)).toEqual(a.findings.map((f) => f.fingerprint));
    const record = await getRecord(res!.recordId, db);
    expect(record).toMatchObject({ url: URL_2019, extensionVersion: '0.1.0', version: 1 });
  });

  it('files nothing for a page that is not a report, or without an audit', async () => {
    const db = freshDb();
    const m = county();
    expect(await logAudit({ ...m, kind: 'none' }, runAudit(m), URL_2019, deps(), db)).toBeNull();
    expect(await logAudit(m, null, URL_2019, deps(), db)).toBeNull();
    expect(await db.audits.count()).toBe(0);
  });

  it('adds no version for the same audit again soon (overlay toggled, page reloaded)', async () => {
    const db = freshDb();
    const m = county();
    const first = await logAudit(m, runAudit(m), URL_2019, deps({ at: 1000 }), db);
    const again = await logAudit(m, runAudit(m), URL_2019, deps({ at: 1000 + 60_000 }), db);
    expect(again!.recordId).toBe(first!.recordId);
    expect(await getHistory(URL_2019, db)).toHaveLength(1);

    // later, or under another engine version, it is a new audit
    const later = await logAudit(m, runAudit(m), URL_2019, deps({ at: 1000 + REPEAT_MS }), db);
    expect(later!.recordId).not.toBe(first!.recordId);
    const upgraded = await logAudit(
      m,
      runAudit(m),
      URL_2019,
      { ...deps({ at: 1000 + REPEAT_MS + 10 }), extensionVersion: '0.2.0' },
      db,
    );
    expect(upgraded!.recordId).not.toBe(later!.recordId);
    expect((await getHistory(URL_2019, db)).map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it('files an audit the user asked for as a new version, even a minute later', async () => {
    const db = freshDb();
    const m = county();
    const first = await logAudit(m, runAudit(m), URL_2019, deps({ at: 1000 }), db);
    const asked = await logAudit(m, runAudit(m), URL_2019, deps({ at: 61_000 }), db, { requested: true });
    expect(asked!.recordId).not.toBe(first!.recordId);
    expect((await getHistory(URL_2019, db)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('says when the tables changed since the last audit (XYR-08), even within minutes', async () => {
    const db = freshDb();
    const m = county();
    await logAudit(m, runAudit(m), URL_2019, deps({ at: 1000 }), db);
    const edited = structuredClone(m);
    setCell(edited, 'applications/new/NP', 99);
    const res = await logAudit(edited, runAudit(edited), URL_2019, deps({ at: 2000 }), db);
    expect(res!.change?.cells.map((c) => c.address)).toContain('applications/new/NP');
    expect(res!.findings.some((f) => f.spec === 'XYR-08')).toBe(true);
    expect(await getHistory(URL_2019, db)).toHaveLength(2);
  });

  it('sends the page the cross-year findings against the same body’s previous year', async () => {
    const db = freshDb();
    const prev = y2019();
    const first = await logAudit(prev, runAudit(prev), URL_2019, deps({ at: 1000 }), db);
    const m = y2020(3);
    const a = runAudit(m);
    const res = await logAudit(m, a, URL_2020, deps({ at: 2000 }), db);
    expect(res!.previousYear).toMatchObject({ id: first!.recordId, url: URL_2019, year: 2019 });
    const xyr01 = res!.findings.filter((f) => f.spec === 'XYR-01');
    expect(xyr01).toHaveLength(1);
    expect(xyr01[0]!.cells).toEqual(['applications/carryIn/NP']);
    // the engine's findings come first, unchanged
    expect(res!.findings.slice(0, a.findings.length)).toEqual(a.findings);

    // the same audit again soon: the stored record, cross-year findings included
    const again = await logAudit(m, runAudit(m), URL_2020, deps({ at: 3000 }), db);
    expect(again!.recordId).toBe(res!.recordId);
    expect(again!.findings.filter((f) => f.spec === 'XYR-01')).toHaveLength(1);
    expect(again!.previousYear?.id).toBe(first!.recordId);
  });
});

describe('handleLogRequest', () => {
  async function filed(db: LogDb): Promise<{ m: ReportModel; id: string; fingerprint: string }> {
    const m = county();
    const res = await logAudit(m, runAudit(m), URL_2019, deps(), db);
    const t401 = res!.findings.find((f) => f.spec === 'T4-01')!;
    return { m, id: res!.recordId, fingerprint: t401.fingerprint };
  }

  it('sets, notes and clears a verdict', async () => {
    const db = freshDb();
    const { fingerprint } = await filed(db);
    const set = ok(
      await handleLogRequest(
        { type: 'log-verdict', url: URL_2019, fingerprint, verdict: 'confirmed', rule: 'T4-01' },
        deps(),
        db,
      ),
    );
    expect(set.verdict).toMatchObject({ verdict: 'confirmed', rule: 'T4-01', note: '' });
    ok(
      await handleLogRequest({ type: 'log-verdict', url: URL_2019, fingerprint, note: '已核实' }, deps(), db),
    );
    expect(await getVerdicts(URL_2019, db)).toMatchObject([{ verdict: 'confirmed', note: '已核实' }]);
    ok(
      await handleLogRequest(
        { type: 'log-verdict', url: URL_2019, fingerprint, verdict: null, note: '' },
        deps(),
        db,
      ),
    );
    expect(await getVerdicts(URL_2019, db)).toEqual([]);
  });

  it('keeps the verdicts of a page served on a port (its key holds a colon)', async () => {
    const db = freshDb();
    const url = 'http://www.example.gov.cn:8080/xxgk/2019/report.html';
    const m = county();
    const res = await logAudit(m, runAudit(m), url, deps(), db);
    const fingerprint = res!.findings[0]!.fingerprint;
    ok(await handleLogRequest({ type: 'log-verdict', url, fingerprint, verdict: 'confirmed' }, deps(), db));
    const detail = await getRecordDetail(res!.recordId, db);
    expect(detail!.record.urlKey).toBe('example.gov.cn:8080/xxgk/2019/report.html');
    expect(detail!.verdicts[fingerprint]?.verdict).toBe('confirmed');
    expect(detail!.history.map((r) => r.id)).toEqual([res!.recordId]);
  });

  describe('evidence', () => {
    const texts = (url = URL_2019): EvidenceTexts => ({
      url: `${url}#gouji`,
      cells: [{ address: 'reviews/rev/total', text: '3' }],
      sentence: '因政府信息公开被申请行政复议4件',
    });

    it('keeps the screenshot, the cells as printed and the sentence', async () => {
      const db = freshDb();
      const { id, fingerprint } = await filed(db);
      const asked: [number, string][] = [];
      const reply = ok(
        await handleLogRequest(
          { type: 'log-evidence', recordId: id, fingerprint, tabId: 7 },
          deps({
            evidenceTexts: async (tabId, fp) => {
              asked.push([tabId, fp]);
              return texts();
            },
            capture: async () => PNG,
          }),
          db,
        ),
      );
      expect(asked).toEqual([[7, fingerprint]]);
      expect(reply.warning).toBeUndefined();
      const [evidence] = await getEvidence(id, db);
      expect(evidence).toMatchObject({
        recordId: id,
        fingerprint,
        url: URL_2019,
        screenshot: PNG,
        cells: [{ address: 'reviews/rev/total', text: '3' }],
        sentence: '因政府信息公开被申请行政复议4件',
      });
      expect(evidence!.capturedAt).toBeGreaterThan(0);
    });

    it('refuses when the tab does not show the record’s page', async () => {
      const db = freshDb();
      const { id, fingerprint } = await filed(db);
      for (const evidenceTexts of [async () => texts(URL_2020), async () => null, undefined]) {
        const reply = await handleLogRequest(
          { type: 'log-evidence', recordId: id, fingerprint, tabId: 7 },
          deps({ ...(evidenceTexts ? { evidenceTexts } : {}), capture: async () => PNG }),
          db,
        );
        expect(reply).toMatchObject({
          ok: false,
          error: { zh: expect.stringContaining('请先在当前标签页') },
        });
      }
      expect(await getEvidence(id, db)).toEqual([]);
    });

    it('keeps the text and says so when the screenshot is not allowed', async () => {
      const db = freshDb();
      const { id, fingerprint } = await filed(db);
      const reply = ok(
        await handleLogRequest(
          { type: 'log-evidence', recordId: id, fingerprint, tabId: 7 },
          deps({
            evidenceTexts: async () => texts(),
            capture: async () => {
              throw new Error('Missing activeTab permission');
            },
          }),
          db,
        ),
      );
      expect(reply.warning?.en).toContain('Missing activeTab permission');
      const [evidence] = await getEvidence(id, db);
      expect(evidence!.screenshot).toBeUndefined();
      expect(evidence!.cells).toHaveLength(1);
    });

    it('names an unknown record', async () => {
      const reply = await handleLogRequest(
        { type: 'log-evidence', recordId: 'nope', fingerprint: 'x', tabId: 1 },
        deps(),
        freshDb(),
      );
      expect(reply).toEqual({
        ok: false,
        error: { zh: '日志中没有记录 nope', en: 'The log has no record nope' },
      });
    });
  });

  it('deletes a record and clears the log', async () => {
    const db = freshDb();
    const { id } = await filed(db);
    const other = nextYear(county(), { year: 2018 });
    await logAudit(other, runAudit(other), URL_2020, deps(), db);
    expect(ok(await handleLogRequest({ type: 'log-delete', id }, deps(), db)).deleted).toBe(true);
    expect(ok(await handleLogRequest({ type: 'log-delete', id }, deps(), db)).deleted).toBe(false);
    expect((await listLatest({}, db)).total).toBe(1);
    ok(await handleLogRequest({ type: 'log-clear' }, deps(), db));
    expect(await db.audits.count()).toBe(0);
    expect(await db.details.count()).toBe(0);
  });

  it('imports an export, and writes nothing from a faulty one, naming record and field', async () => {
    const source = freshDb();
    const { fingerprint } = await filed(source);
    await handleLogRequest(
      { type: 'log-verdict', url: URL_2019, fingerprint, verdict: 'dismissed' },
      deps(),
      source,
    );
    const file = await exportJson({}, source);

    const target = freshDb();
    const reply = ok(
      await handleLogRequest({ type: 'log-import', text: JSON.stringify(file) }, deps(), target),
    );
    expect(reply.imported).toEqual({ records: 1, verdicts: 1, evidence: 0, relinked: 0 });
    expect(await getVerdicts(URL_2019, target)).toMatchObject([{ verdict: 'dismissed' }]);

    const broken = structuredClone(file) as unknown as { records: { format: string }[] };
    broken.records[0]!.format = '2030';
    const empty = freshDb();
    const bad = await handleLogRequest({ type: 'log-import', text: JSON.stringify(broken) }, deps(), empty);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.zh).toContain('第 1 条记录（records[0]）的字段 format');
    expect(bad.error.en).toContain('Record 1 (records[0]), field format');
    expect(await empty.audits.count()).toBe(0);

    const notJson = await handleLogRequest({ type: 'log-import', text: '{' }, deps(), empty);
    expect(notJson).toMatchObject({ ok: false, error: { zh: expect.stringContaining('不是有效的 JSON') } });
  });
});
