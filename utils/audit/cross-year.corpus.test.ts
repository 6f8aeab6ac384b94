import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import type { ReportModel } from '../report/model';
import { parseReport } from '../report/parse';
import { textSimilarity } from '../rules/xyr/xyr-06';
import { runCrossYear } from './cross-year';

// The one real same-body series we have: 平潭综合实验区's reports for 2021–2024, read from
// ../shared/corpus/real where they are (never copied here); skipped when the folder is absent.

const CORPUS = join(__dirname, '../../../shared/corpus/real');
const present = existsSync(CORPUS);

function read(year: number): ReportModel {
  const url = `https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/${year}.htm`;
  const html = readFileSync(join(CORPUS, `pingtan-gov-cn_${year}.html`), 'utf8');
  return parseReport(documentFromHtml(html, url), { url }).model;
}

describe.skipIf(!present)('cross-year checks on 平潭综合实验区 2021–2024', () => {
  it('compares each year with the one before and finds what a careful auditor would', () => {
    const [y21, y22, y23, y24] = [2021, 2022, 2023, 2024].map(read);
    const runs = [runCrossYear(y22!, y21!), runCrossYear(y23!, y22!), runCrossYear(y24!, y23!)];
    expect(runs.map((r) => r.compared)).toEqual([true, true, true]);
    // carry-over holds every year (2021 carried 1 application of a natural person into 2022)
    for (const r of runs) expect(r.findings.filter((f) => f.spec === 'XYR-01')).toEqual([]);
    const specs = (i: number) => runs[i]!.findings.map((f) => f.spec).sort();
    expect(specs(0)).toEqual(['XYR-07']);
    expect(specs(1)).toEqual(['XYR-02', 'XYR-07']);
    expect(specs(2)).toEqual(['T4-04', 'XYR-02', 'XYR-07']);
    expect(runs[1]!.findings.find((f) => f.spec === 'XYR-02')!.message.zh).toBe(
      '规范性文件：上一年度报告《平潭综合实验区2022年度政府信息公开工作年度报告》（2022年）现行有效 698 + 本年制发 77 − 本年废止 132 = 643，但本年现行有效件数为 470（差 173）',
    );
    expect(runs[2]!.findings.find((f) => f.spec === 'T4-04')).toMatchObject({
      severity: 'info',
      expected: 9,
      actual: 19,
    });
    // not copied: the narratives differ from year to year
    for (const [a, b] of [
      [y22, y21],
      [y23, y22],
      [y24, y23],
    ] as const) {
      expect(textSimilarity(a!, b!)!.score).toBeLessThan(0.5);
    }
  });
});
