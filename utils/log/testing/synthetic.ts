import type { Finding, Severity } from '../../audit/result';
import { FORMATS, MODEL_VERSION } from '../../report/model';
import type { LogDb } from '../db';
import { agencyKeyOf, siteOf, urlKeyOf } from '../keys';
import { severityCounts, toRows } from '../rows';
import type { AuditRecord } from '../schema';
import { tinyModel } from './fixtures';

// Thousands of small, varied records for list tests and benches, written in bulk.

const PLACES = [
  '中宁县',
  '青铜峡市',
  '沙坡头区',
  '海原县',
  '兴庆区',
  '金凤区',
  '西夏区',
  '永宁县',
  '贺兰县',
  '灵武市',
];
const BODIES = [
  '人民政府',
  '工业和信息化局',
  '财政局',
  '教育局',
  '工业园区管理委员会',
  '自然资源局',
  '卫生健康委员会',
];

export function syntheticRecord(i: number, version = 1, latest: 0 | 1 = 1): AuditRecord {
  const agency = `${PLACES[i % PLACES.length]}${BODIES[Math.floor(i / PLACES.length) % BODIES.length]}`;
  const year = 2017 + (i % 8);
  const format = year < 2019 ? 'pre2019' : year < 2021 ? '2019' : FORMATS[i % 13 === 0 ? 3 : 1];
  const host = `www.site${i % 25}.gov.cn`;
  const url = `https://${host}/xxgk/${year}/${i}.html`;
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const findings: Finding[] = [];
  // i % 4: 0 clean, 1 an info, 2 a warning, 3 an error and a warning
  const kinds: Severity[][] = [[], ['info'], ['warning'], ['error', 'warning']];
  for (const [k, severity] of kinds[i % 4]!.entries()) {
    findings.push({
      rule: 'T3-01',
      spec: 'T3-01',
      outcome: 'fail',
      severity,
      message: { zh: `第 ${i} 条 ${severity}`, en: `record ${i} ${severity}` },
      cells: ['applications/new/TOT'],
      fingerprint: `T3-01:${k}`,
    });
  }
  return {
    id: `r${String(i).padStart(6, '0')}-v${version}`,
    url,
    urlKey: urlKeyOf(url),
    site: siteOf(host),
    title,
    agency,
    modelVersion: MODEL_VERSION,
    agencyKey: agencyKeyOf(agency),
    year,
    format,
    publishedAt: `${year + 1}-01-20`,
    auditedAt: 1_700_000_000_000 + i * 60_000 + version,
    extensionVersion: '0.1.0',
    contentHash: `t1:${i}`,
    version,
    latest,
    counts: { pass: 10, fail: findings.length, uncertain: 0, notApplicable: 0 },
    figures: {
      applicationsHandled: null,
      applicationsTotal: null,
      substantiveDisclosureRate: null,
      reviewCorrectionRate: null,
      litigationCorrectionRate: null,
    },
    severities: severityCounts(findings),
    crossYear: null,
    changed: false,
    model: tinyModel({ title, agency, year, format, host, source: url }),
    findings,
    change: null,
  };
}

/**
 * `count` pages; every 10th page also has an older version (so the log holds count + count/10
 * records and the list must show `count`).
 */
export function syntheticLog(count: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      const old = syntheticRecord(i, 1, 0);
      old.auditedAt -= 30_000;
      out.push(old);
      out.push(syntheticRecord(i, 2, 1));
    } else out.push(syntheticRecord(i));
  }
  return out;
}

export async function writeBulk(db: LogDb, records: AuditRecord[]): Promise<void> {
  const rows = records.map(toRows);
  await db.transaction('rw', db.audits, db.details, async () => {
    await db.audits.bulkAdd(rows.map((r) => r.row));
    await db.details.bulkAdd(rows.map((r) => r.detail));
  });
}
