import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import { LogDb } from '../log/db';
import { parseFixture } from '../log/testing/fixtures';
import { addAudit, setVerdict } from '../log/write';
import { exportXlsx } from './log';

// The popup's XLSX export: the log's records, whole or filtered, with the reviewer's verdicts.

const COUNTY = 'https://www.example.gov.cn/xxgk/county-2019.html';
const BUREAU = 'https://www.example.gov.cn/xxgk/bureau-2021.html';

describe('exportXlsx', () => {
  it('writes the log’s reports and findings with verdicts, and only the filtered part when filtered', async () => {
    const db = new LogDb(`xlsx-${Math.random()}`);
    const county = parseFixture('2019/seed001-fragment', COUNTY);
    const countyAudit = runAudit(county);
    await addAudit(county, countyAudit, { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 5) }, db);
    const bureau = parseFixture('2021/seed003-ueditor', BUREAU);
    await addAudit(
      bureau,
      runAudit(bureau),
      { extensionVersion: '0.1.0', auditedAt: Date.UTC(2024, 0, 6) },
      db,
    );
    const judged = countyAudit.findings[0]!;
    await setVerdict(COUNTY, judged.fingerprint, { verdict: 'dismissed', note: '表格为图片' }, db);

    const all = await readXlsxFile(await exportXlsx({}, 'zh', db));
    const [reports, findings] = all.map((s) => s.data);
    const link = reports![0]!.indexOf('链接');
    expect(
      reports!
        .slice(1)
        .map((r) => r[link])
        .sort(),
    ).toEqual([BUREAU, COUNTY]);
    expect(findings!.length - 1).toBe(countyAudit.findings.length + runAudit(bureau).findings.length);
    const row = findings!.find((r) => r[2] === judged.spec && r[10] === '表格为图片');
    expect(row?.[9]).toBe('误报');

    const some = await readXlsxFile(await exportXlsx({ year: 2021 }, 'zh', db));
    expect(some[0]!.data.slice(1).map((r) => r[link])).toEqual([BUREAU]);
  });
});
