import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../audit/result';
import { runAudit } from '../audit/run';
import type { ReportModel } from '../report/model';
import { LogDb } from './db';
import {
  collectRecords,
  csvField,
  EXPORT_PAGE,
  exportCsv,
  exportFileName,
  exportJson,
  exportJsonBlob,
  exportJsonParts,
  toCsv,
} from './export';
import { ImportError, importLog, validateExport } from './import';
import { getRecord, listLatest } from './queries';
import { clone, freshNarrative, nextYear, parseFixture, setCell, tinyModel } from './testing/fixtures';
import { addAudit, addEvidence, setVerdict } from './write';

let n = 0;
const freshDb = () => new LogDb(`export-test-${++n}-${Math.random()}`);
const NOW = new Date('2024-05-01T08:00:00Z');
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const COUNTY = 'https://www.example.gov.cn/xxgk/county-2019.html';
const COUNTY_2020 = 'https://www.example.gov.cn/xxgk/county-2020.html';
const CLEAN = 'https://www.example.gov.cn/xxgk/clean.html';

const TRICKY: Finding = {
  rule: 'T3-01',
  spec: 'T3-01',
  outcome: 'fail',
  messageId: 'mismatch',
  severity: 'error',
  message: { zh: '自然人列：新收 3，"上年结转" 0，\r\n合计 3', en: 'Column NP: new 3, "carried" 0,\nsum 3' },
  cells: ['applications/new/NP', 'applications/carryIn/NP'],
  expected: 3,
  actual: -2,
  fingerprint: 'T3-01:tricky00',
};

/** A log with versions, a changed page, a cross-year pair, a clean report, verdicts and evidence. */
async function buildLog(db: LogDb) {
  const y2019 = nextYear(parseFixture('2019/seed001-fragment', COUNTY), {
    year: 2019,
    paragraphs: freshNarrative(2019),
  });
  const a2019 = runAudit(y2019);
  const first = await addAudit(
    y2019,
    { ...a2019, findings: [...a2019.findings, TRICKY] },
    { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 5, 2) },
    db,
  );
  const changed = clone(y2019);
  setCell(changed, 'applications/new/TOT', 6);
  const second = await addAudit(
    changed,
    runAudit(changed),
    { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 1, 5, 2) },
    db,
  );
  const y2020 = nextYear(y2019, {
    paragraphs: freshNarrative(2020),
    cells: { 'applications/carryIn/NP': 1 },
  });
  const third = await addAudit(
    y2020,
    runAudit(y2020),
    { url: COUNTY_2020, extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 2, 5, 2) },
    db,
  );
  const clean: AuditResult = {
    format: '2021',
    findings: [],
    counts: { pass: 3, fail: 0, uncertain: 0, notApplicable: 0 },
    figures: runAudit(tinyModel()).figures,
  };
  const title = '=HYPERLINK("http://evil.example/","点我")';
  const cleanModel: ReportModel = tinyModel({ title, agency: '@某某 局', source: CLEAN, year: 2022 });
  const fourth = await addAudit(
    cleanModel,
    clean,
    { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 3, 5, 2) },
    db,
  );
  await setVerdict(
    COUNTY,
    TRICKY.fingerprint,
    { verdict: 'confirmed', note: '已核实，见截图, "第3页"\n另附说明', rule: 'T3-01' },
    db,
  );
  await setVerdict(
    COUNTY_2020,
    third.record.findings.find((f) => f.spec === 'XYR-01')!.fingerprint,
    { verdict: 'dismissed' },
    db,
  );
  await addEvidence(
    {
      recordId: second.record.id,
      fingerprint: TRICKY.fingerprint,
      url: COUNTY,
      screenshot: PNG,
      cells: [{ address: 'applications/new/NP', text: '3' }],
      sentence: '共受理政府信息公开申请5件',
      capturedAt: Date.UTC(2024, 1, 6),
    },
    db,
  );
  return { first, second, third, fourth };
}

describe('JSON export and import', () => {
  it('round-trips the whole log losslessly', async () => {
    const db = freshDb();
    await buildLog(db);
    const exported = await exportJson({}, db, NOW);
    expect(exported).toMatchObject({
      app: 'gouji',
      kind: 'audit-log',
      schemaVersion: 3,
      exportedAt: '2024-05-01T08:00:00.000Z',
    });
    expect(exported.records).toHaveLength(4);
    expect(exported.verdicts).toHaveLength(2);
    expect(exported.evidence).toHaveLength(1);

    const text = JSON.stringify(exported);
    const other = freshDb();
    expect(await importLog(text, other)).toMatchObject({ records: 4, verdicts: 2, evidence: 1 });
    const again = await exportJson({}, other, NOW);
    expect(again).toEqual(exported);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(text));
    // and the list reads the same
    expect((await listLatest({}, other)).items).toEqual((await listLatest({}, db)).items);

    // importing the same file again changes nothing
    await importLog(text, other);
    expect(await exportJson({}, other, NOW)).toEqual(exported);
  });

  it('writes nothing when a record is malformed, and names the record, the field and the fault', async () => {
    const db = freshDb();
    await buildLog(db);
    const file = JSON.parse(JSON.stringify(await exportJson({}, db, NOW)));
    file.records[1].model.year = '2020';
    const target = freshDb();
    await target.open();
    const err = await importLog(JSON.stringify(file), target).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.problems[0]).toMatchObject({ section: 'records', index: 1, path: 'model.year' });
    expect(err.problems[0].message.zh).toBe(
      '第 2 条记录（records[1]）的字段 model.year：应为数字，实际为 "2020"',
    );
    expect(err.problems[0].message.en).toBe(
      'Record 2 (records[1]), field model.year: expected a number, got "2020"',
    );
    expect(err.localized.zh).toMatch(/^导入失败，日志未作任何改动。第 2 条记录/);
    for (const t of [target.audits, target.details, target.verdicts, target.evidence])
      expect(await t.count()).toBe(0);
  });

  it('names missing fields, bad enum values and several faults', async () => {
    const db = freshDb();
    await buildLog(db);
    const file = JSON.parse(JSON.stringify(await exportJson({}, db, NOW)));
    delete file.records[0].contentHash;
    file.records[2].findings[0].severity = 'fatal';
    file.verdicts[0].verdict = 'maybe';
    const err = (() => {
      try {
        validateExport(file);
      } catch (e) {
        return e as ImportError;
      }
      throw new Error('no error');
    })();
    const msgs = err.problems.map((p) => p.message.zh);
    expect(msgs).toContain('第 1 条记录（records[0]）的字段 contentHash：缺少此字段');
    expect(msgs).toContain(
      '第 3 条记录（records[2]）的字段 findings.0.severity：应为 "error" | "warning" | "info" 之一，实际为 "fatal"',
    );
    expect(msgs).toContain(
      '第 1 条复核结论（verdicts[0]）的字段 verdict：应为 "confirmed" | "dismissed" 之一，实际为 "maybe"',
    );
    expect(err.localized.zh).toContain(`（另有 ${err.problems.length - 1} 处错误）`);
  });

  it('rejects files that are not logs, are newer, or hold duplicates or orphans, leaving the log as it was', async () => {
    const db = freshDb();
    const built = await buildLog(db);
    const file = JSON.parse(JSON.stringify(await exportJson({}, db, NOW)));
    const reject = async (input: unknown) => {
      const e = await importLog(input, db).catch((x) => x);
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    };
    expect((await reject('{"app": "gouji",')).problems[0]!.message.zh).toMatch(
      /^文件头：文件不是有效的 JSON：/,
    );
    expect((await reject({ app: 'other' })).problems[0]!.message.en).toContain(
      'not an audit log exported by Gouji',
    );
    expect((await reject({ ...file, schemaVersion: 9 })).problems[0]!.message.zh).toContain(
      '数据版本 9，本扩展支持到 3',
    );
    const dup = { ...file, records: [...file.records, file.records[0]] };
    expect((await reject(dup)).problems[0]!.message.zh).toBe(
      `第 5 条记录（records[4]）的字段 id：记录编号 ${file.records[0].id} 重复`,
    );

    // an orphan is found inside the transaction: the records before it must not stay written
    const fresh = freshDb();
    const orphan = { ...file, evidence: [{ ...file.evidence[0], recordId: 'nowhere' }] };
    const e = await importLog(orphan, fresh).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.problems[0].message.zh).toBe(
      '第 1 条证据（evidence[0]）的字段 recordId：所属记录 nowhere 既不在文件中，也不在日志中',
    );
    expect(await fresh.audits.count()).toBe(0);

    expect(await getRecord(built.fourth.record.id, db)).toEqual(built.fourth.record);
    expect(await db.audits.count()).toBe(4);
  });

  it('reads an export of schema version 1 (no agencyKey) and backfills it', async () => {
    const db = freshDb();
    await buildLog(db);
    const file = JSON.parse(JSON.stringify(await exportJson({}, db, NOW)));
    const v1 = {
      ...file,
      schemaVersion: 1,
      records: file.records.map(({ agencyKey: _k, ...r }: Record<string, unknown>) => r),
    };
    const other = freshDb();
    await importLog(v1, other);
    expect(await exportJson({}, other, NOW)).toEqual(file);
  });

  it('exports a filtered part: the matching pages with their verdicts and evidence', async () => {
    const db = freshDb();
    const built = await buildLog(db);
    const part = await exportJson({ year: 2019 }, db, NOW);
    expect(part.records.map((r) => r.id)).toEqual([built.second.record.id]);
    expect(part.verdicts.map((v) => v.urlKey)).toEqual(['example.gov.cn/xxgk/county-2019.html']);
    expect(part.evidence).toHaveLength(1);
    const withHistory = await collectRecords({ year: 2019, versions: 'all' }, db);
    expect(withHistory.map((r) => r.version)).toEqual([2, 1]);
  });
});

describe('JSON export in parts (a large log)', () => {
  const RECORDS = 2 * EXPORT_PAGE + 37;
  const EVIDENCE = EXPORT_PAGE + 21;
  /** A screenshot-sized data URL (about 40 kB), different per piece so no part can repeat another. */
  const screenshot = (i: number) => `data:image/png;base64,${`${i}`.padStart(8, '0').repeat(5000)}`;

  async function largeLog(db: LogDb) {
    const result: AuditResult = {
      format: '2021',
      findings: [TRICKY],
      counts: { pass: 3, fail: 1, uncertain: 0, notApplicable: 0 },
      figures: runAudit(tinyModel()).figures,
    };
    const ids: string[] = [];
    for (let i = 0; i < RECORDS; i++) {
      // 90 pages of 90 bodies (no cross-year pairing to relink on import), most with several versions
      const url = `https://www.example.gov.cn/xxgk/p${i % 90}.html`;
      const year = 2020 + (i % 3);
      const agency = `第${i % 90}县人民政府`;
      const model = tinyModel({ source: url, year, agency, title: `${agency}${year}年报告 ${i}` });
      const { record } = await addAudit(
        model,
        result,
        { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 1) + i * 60_000, requested: true },
        db,
      );
      ids.push(record.id);
    }
    for (let i = 0; i < 12; i++)
      await setVerdict(
        `https://www.example.gov.cn/xxgk/p${i}.html`,
        TRICKY.fingerprint,
        { verdict: 'confirmed' },
        db,
      );
    for (let i = 0; i < EVIDENCE; i++)
      await addEvidence(
        {
          recordId: ids[i % ids.length]!,
          fingerprint: TRICKY.fingerprint,
          url: `https://www.example.gov.cn/xxgk/p${i % 90}.html`,
          screenshot: screenshot(i),
          cells: [{ address: 'applications/new/NP', text: String(i) }],
          capturedAt: Date.UTC(2024, 2, 1) + ((i * 7919) % EVIDENCE) * 1000,
        },
        db,
      );
  }

  it('writes the same JSON as one string would, one page of records or evidence per part, and reads back whole', async () => {
    const db = freshDb();
    await largeLog(db);
    const parts: string[] = [];
    for await (const part of exportJsonParts({}, db, NOW)) parts.push(part);
    const text = parts.join('');
    const whole = await exportJson({}, db, NOW);
    expect(text).toBe(JSON.stringify(whole));
    // envelope, three pages of records, the verdicts, two pages of evidence, the close
    expect(parts).toHaveLength(1 + 3 + 1 + 2 + 1);
    // no part holds more than one page of models or screenshots
    const count = (part: string, key: string) => part.split(`"${key}":`).length - 1;
    expect(parts.map((p) => count(p, 'model'))).toEqual([0, EXPORT_PAGE, EXPORT_PAGE, 37, 0, 0, 0, 0]);
    expect(parts.map((p) => count(p, 'screenshot'))).toEqual([0, 0, 0, 0, 0, EXPORT_PAGE, 21, 0]);

    const file = JSON.parse(text);
    expect(file.records).toHaveLength(RECORDS);
    expect(file.evidence).toHaveLength(EVIDENCE);
    expect(file.verdicts).toHaveLength(12);
    expect(file.evidence.map((e: { screenshot: string }) => e.screenshot).sort()).toEqual(
      Array.from({ length: EVIDENCE }, (_, i) => screenshot(i)).sort(),
    );

    // the file imports into an empty log that then exports the same
    const other = freshDb();
    expect(await importLog(text, other)).toMatchObject({
      records: RECORDS,
      verdicts: 12,
      evidence: EVIDENCE,
    });
    const again = JSON.stringify(await exportJson({}, other, NOW));
    expect(again).toBe(text);
  }, 120_000);

  it('exports a filtered part in parts too, and as a Blob of its parts', async () => {
    const db = freshDb();
    await largeLog(db);
    for (const filter of [{ year: 2021 }, { year: 2022, versions: 'all' as const }, { query: 'p7' }]) {
      const parts: string[] = [];
      for await (const part of exportJsonParts(filter, db, NOW)) parts.push(part);
      expect(parts.join('')).toBe(JSON.stringify(await exportJson(filter, db, NOW)));
    }
    const blob = await exportJsonBlob({}, db);
    expect(blob.type).toBe('application/json');
    const back = JSON.parse(await blob.text());
    expect(back.records).toHaveLength(RECORDS);
    expect(back.evidence).toHaveLength(EVIDENCE);
    expect({ ...back, exportedAt: null }).toEqual({
      ...JSON.parse(JSON.stringify(await exportJson({}, db))),
      exportedAt: null,
    });
  }, 120_000);
});

/** RFC 4180 reader for the tests. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('CSV export', () => {
  it('opens in Excel and WPS: BOM, CRLF, quoted fields, one row per finding, one per clean report', async () => {
    process.env.TZ = 'Asia/Shanghai';
    const db = freshDb();
    const built = await buildLog(db);
    const csv = await exportCsv({}, 'zh', db);
    expect(
      csv.startsWith(
        '\uFEFF网址,网站,发布机关,标题,年度,格式,发布日期,审核时间,版本,规则,检查项,严重程度,结果,说明（中文）,说明（英文）,单元格,应为,实为,复核结论,复核备注,读取情况\r\n',
      ),
    ).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const [header, ...body] = rows;
    expect(header).toHaveLength(21);
    expect(body.every((r) => r.length === 21)).toBe(true);
    const records = [built.fourth.record, built.third.record, built.second.record, built.first.record];
    expect(body).toHaveLength(records.reduce((s, r) => s + Math.max(1, r.findings.length), 0));

    // the clean report: one row, report fields only, formula-guarded title and agency
    const clean = body.filter((r) => r[0] === CLEAN);
    expect(clean).toEqual([
      [
        CLEAN,
        'example.gov.cn',
        "'@某某 局",
        `'=HYPERLINK("http://evil.example/","点我")`,
        '2022',
        '2021年格式',
        '2023-01-20',
        '2024-04-05 10:00:00',
        '1',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        // the test's model has no tables and no narrative: a report with no findings, yet not clean
        '未能读取表格：表二 主动公开：未找到；表三 收到和处理申请：未找到；表四 行政复议、行政诉讼：未找到；正文：未找到各部分标题',
      ],
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/"",""点我"")"`);

    // the finding with commas, quotes and newlines, its verdict and note, field by field
    const tricky = body.find((r) => r[9] === 'T3-01' && r[13]!.includes('"上年结转"'))!;
    expect(tricky).toEqual([
      COUNTY,
      'example.gov.cn',
      '中宁县人民政府',
      '中宁县2019年政府信息公开工作年度报告',
      '2019',
      '2019年试行格式',
      '2020-01-20',
      '2024-01-05 10:00:00',
      '1',
      'T3-01',
      'T3-01',
      '错误',
      '不符',
      '自然人列：新收 3，"上年结转" 0，\r\n合计 3',
      'Column NP: new 3, "carried" 0,\nsum 3',
      'applications/new/NP; applications/carryIn/NP',
      '3',
      '-2',
      '已确认',
      '已核实，见截图, "第3页"\n另附说明',
      tricky[20],
    ]);
    expect(tricky[20]).toMatch(/^(未能读取表格|部分内容未能读取|表格和正文均已读取)/);

    // cross-year and changed-after-publication findings are rows like any other
    const x = body.find((r) => r[10] === 'XYR-01')!;
    expect(x[0]).toBe(COUNTY_2020);
    expect(x[18]).toBe('误报');
    expect(body.some((r) => r[10] === 'XYR-08' && r[8] === '2')).toBe(true);
  });

  it('has English headers and labels when asked', async () => {
    const db = freshDb();
    await buildLog(db);
    const rows = parseCsv((await exportCsv({ query: 'clean' }, 'en', db)).slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['URL', 'Site', 'Agency', 'Title']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![5]).toBe('2021 format');
  });

  it('guards formulas and quotes only what needs it', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 10')).toBe("'+86 10");
    expect(csvField('-3')).toBe('-3');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField(null)).toBe('');
    expect(toCsv([], [], 'zh').split('\r\n')).toHaveLength(2);
    expect(exportFileName('csv', new Date(2024, 2, 1, 12))).toBe('gouji-log-2024-03-01.csv');
  });
});
