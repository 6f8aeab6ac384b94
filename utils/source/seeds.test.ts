import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../audit/run';
import { readReport } from './index';

// The five seed reports, read as they are (plain text copied out of Word/PDF, tables as
// tab-separated lines), give the findings report-formats.md §6 lists for them. Optional: the
// seeds live in ../shared beside the repository and the suite skips when they are absent.
//
// §6 points not met from the text, and why:
// - seed 000 TXT-12 is met (§6 calls it a likely false positive; it is an info).

const SEEDS = join(__dirname, '../../../shared/seeds');
const present = existsSync(SEEDS);

const seedFile = (n: string) => readdirSync(SEEDS).find((f) => f.startsWith(`${n}_`))!;

async function audit(n: string) {
  const bytes = new Uint8Array(readFileSync(join(SEEDS, seedFile(n))));
  const read = await readReport(bytes, { name: seedFile(n) }, { parseHtml: (h) => documentFromHtml(h) });
  expect(read.kind).toBe('text');
  const model = read.parsed!.model;
  const findings = runAudit(model).findings.filter((f) => f.outcome === 'fail' || f.outcome === 'uncertain');
  return { read, model, findings, ids: findings.map((f) => `${f.rule} ${f.outcome} ${f.severity}`).sort() };
}

const cellsOf = (findings: { rule: string; cells: string[] }[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => [...f.cells].sort());

describe.skipIf(!present)('seed texts (report-formats.md §6)', () => {
  it('000: VAL-02 on the blank 行政复议 block, FMT-05 事宜/事项, TXT-12 施工许可证', async () => {
    const { model, findings, ids } = await audit('000');
    expect([model.kind, model.format, model.year, model.agency]).toEqual([
      'report',
      '2019',
      2020,
      '宁夏中宁工业园区管理委员会',
    ]);
    expect(ids).toEqual(['FMT-05 fail info', 'TXT-12 fail info', 'VAL-02 fail warning']);
    expect(cellsOf(findings, 'VAL-02')).toEqual([
      [
        'reviews/rev/corrected',
        'reviews/rev/other',
        'reviews/rev/pending',
        'reviews/rev/total',
        'reviews/rev/upheld',
      ],
    ]);
    const t4 = model.tables.reviews!;
    expect(t4.rev!.total).toMatchObject({ value: 0, flags: ['blank'] });
    expect(t4.litDirect!.total).toMatchObject({ value: 0, flags: [] });
  });

  it('001: T4-01 the only error; the garbled 表三 is inferred, never an error', async () => {
    const { model, findings, ids } = await audit('001');
    expect([model.format, model.year, model.agency]).toEqual(['2019', 2019, '中宁县人民政府']);
    expect(ids).toEqual([
      'ARI-01 fail warning', // 4700 + 4608 + 6390 vs 15800 余
      'ARI-01 fail warning', // 624 > 48
      'FMT-06 fail info', // 其他需要报告的情况
      'FMT-08 fail warning', // no 社会评议
      'FMT-08 fail warning', // no 责任追究
      'FMT-13 fail info', // URL missing
      'FMT-13 fail info', // e-mail without @
      'T2-02 fail info',
      'T2-05 uncertain warning',
      'T4-01 fail error',
      'TXT-05 fail warning',
      'TXT-09 fail warning',
      'VAL-05 fail warning', // 45996.82万元 in 采购项目数量
      'VAL-06 fail info', // 表三 garbled
      'XDOC-01 fail info', // 29 政府组成部门、直属机构 vs 全县28个政府部门(单位)
    ]);
    expect(cellsOf(findings, 'T4-01')).toEqual([
      [
        'reviews/rev/corrected',
        'reviews/rev/other',
        'reviews/rev/pending',
        'reviews/rev/total',
        'reviews/rev/upheld',
      ],
    ]);
    // r5_2 and r7 lost their NP cell; r1 lost its label, so its row was guessed and all its cells count as garbled.
    const val06 = cellsOf(findings, 'VAL-06')[0]!;
    expect(val06).toEqual(
      expect.arrayContaining([
        'applications/r1/NP',
        'applications/r1/BIZ',
        'applications/r5_2/NP',
        'applications/r7/NP',
      ]),
    );
    expect(val06.filter((c) => !/applications\/(r1|r5_2|r7)\//.test(c))).toEqual([]);
    const t2 = model.tables.active as Record<string, Record<string, { raw: string; value: number | null }>>;
    expect(t2['art20_5.licensing']!.delta).toMatchObject({ value: -45 });
    expect(t2['art20_9.procurement']!.projects!.raw).toBe('45996.82万元');
    const t3 = model.tables.applications!;
    const v = (row: string, col: string) => t3[row as keyof typeof t3]?.[col as 'NP']?.value;
    expect([v('new', 'NP'), v('new', 'BIZ'), v('new', 'TOT'), v('r1', 'TOT'), v('r7', 'TOT')]).toEqual([
      3, 2, 5, 4, 5,
    ]);
    expect(model.tables.reviews!.rev!.pending!.value).toBe(1);
    expect(model.tables.reviews!.litDirect!.other!.value).toBe(1);
  });

  it('002: S17-01 and S17-03 errors on the 2017 statistics table', async () => {
    const { model, findings, ids } = await audit('002');
    expect([model.format, model.year]).toEqual(['pre2019', 2017]);
    expect(ids).toEqual([
      'FMT-11 fail warning', // 的神 / 德胜
      'FMT-14 fail info',
      'FMT-14 fail warning',
      'FMT-15 fail info',
      'FMT-15 fail info',
      'S17-01 fail error',
      'S17-03 fail error',
      'S17-07 fail warning',
      'S17-08 fail warning',
      'S17-09 fail info',
    ]);
    expect(cellsOf(findings, 'S17-01')).toEqual([
      [
        'legacy/1.1.1/value',
        'legacy/1.1.2/value',
        'legacy/1.1.3/value',
        'legacy/1.1.4/value',
        'legacy/1.1/value',
      ],
    ]);
    expect(cellsOf(findings, 'S17-07')).toEqual([['legacy/5.2/value']]);
  });

  it('003: only FMT-10 for the `(六)其他` and split labels', async () => {
    const { model, ids } = await audit('003');
    expect([model.format, model.year, model.agency]).toEqual(['2021', 2021, '中宁县工业和信息化局']);
    expect(ids).toEqual(['FMT-10 fail info']);
    expect(model.tables.active!['art20_5.licensing']!.decisions!.value).toBe(33);
  });

  it('004: only TXT-12 for the 规范性文件 work against a zero row', async () => {
    const { model, findings, ids } = await audit('004');
    expect([model.format, model.year]).toEqual(['2021', 2023]);
    expect(ids).toEqual(['TXT-12 fail info']);
    expect(cellsOf(findings, 'TXT-12')).toEqual([
      [
        'active/art20_1.normativeDocs/made',
        'active/art20_1.normativeDocs/repealed',
        'active/art20_1.normativeDocs/valid',
      ],
    ]);
  });

  it('every cell and sentence knows its line', async () => {
    const { read, findings } = await audit('001');
    expect(read.locations['reviews/rev/pending']).toEqual({ kind: 'text', lines: [113, 113] });
    const ari = findings.find((f) => f.rule === 'ARI-01' && f.sentence)!;
    expect(read.locations[`paragraph/${ari.sentence!.paragraph}`]).toMatchObject({ kind: 'text' });
  });
});
