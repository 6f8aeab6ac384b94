import { describe, expect, it } from 'vitest';
import { runAudit } from '../audit/run';
import { LogDb } from './db';
import { exportJsonText } from './export';
import { importLog } from './import';
import { getRecord } from './queries';
import { freshNarrative, nextYear, parseFixture } from './testing/fixtures';
import { addAudit } from './write';

// Reports audited from a file (the report viewer) are filed like pages: with the file's type,
// address, page and hash; the same body's other years are compared whatever their type; records
// without the field (pages, older logs) read, export and import as before.

let n = 0;
const freshDb = () => new LogDb(`documents-test-${++n}-${Math.random()}`);
const PAGE_2019 = 'https://www.example.gov.cn/xxgk/2019/seed001.html';
const PDF_2020 = 'https://www.example.gov.cn/files/2020nb.pdf';
const document = {
  type: 'pdf' as const,
  url: PDF_2020,
  from: 'https://www.example.gov.cn/xxgk/2020/report.html',
  hash: 'ab'.repeat(32),
};

const y2019 = () =>
  nextYear(parseFixture('2019/seed001-fragment', PAGE_2019), {
    year: 2019,
    paragraphs: freshNarrative(2019),
  });
const y2020 = () =>
  nextYear(y2019(), { paragraphs: freshNarrative(2020), cells: { 'applications/carryIn/NP': 3 } });

describe('documents in the log', () => {
  it('files a PDF with its source, and compares it with the body’s page of the year before', async () => {
    const db = freshDb();
    const page = await addAudit(
      y2019(),
      runAudit(y2019()),
      { extensionVersion: '0.1.0', auditedAt: 1000 },
      db,
    );
    expect(page.record.document).toBeUndefined();
    const m = y2020();
    const res = await addAudit(
      m,
      runAudit(m),
      { extensionVersion: '0.1.0', auditedAt: 2000, url: PDF_2020, document },
      db,
    );
    expect(res.record.url).toBe(PDF_2020);
    expect(res.record.document).toEqual(document);
    expect((await getRecord(res.record.id, db))?.document).toEqual(document);
    // a page last year, a PDF this year: the cross-year checks ran between them
    expect(res.previousYear?.id).toBe(page.record.id);
    expect(res.record.findings.some((f) => f.spec === 'XYR-01')).toBe(true);
  });

  it('exports and imports the source; a record without one imports as a page', async () => {
    const db = freshDb();
    const m = y2020();
    await addAudit(
      m,
      runAudit(m),
      { extensionVersion: '0.1.0', auditedAt: 2000, url: PDF_2020, document },
      db,
    );
    await addAudit(y2019(), runAudit(y2019()), { extensionVersion: '0.1.0', auditedAt: 1000 }, db);
    const text = await exportJsonText({}, db);
    const other = freshDb();
    await importLog(text, other);
    const back = JSON.parse(await exportJsonText({}, other)) as {
      records: { url: string; document?: unknown }[];
    };
    expect(back.records.find((r) => r.url === PDF_2020)?.document).toEqual(document);
    expect(back.records.find((r) => r.url === PAGE_2019)).not.toHaveProperty('document');
  });

  it('refuses a malformed source', async () => {
    const db = freshDb();
    const m = y2020();
    const bad = { ...document, hash: 'not-a-hash' };
    await expect(
      addAudit(
        m,
        runAudit(m),
        { extensionVersion: '0.1.0', auditedAt: 2000, url: PDF_2020, document: bad },
        db,
      ),
    ).rejects.toThrow();
  });
});
