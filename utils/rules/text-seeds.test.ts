import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../audit/run';
import { parseReport } from '../report/parse';

// The text, arithmetic and drafting rules on every seed page (each seed in several markups) give
// what report-formats.md §6 expects. The pages are read as if served by the 中宁县 portal, so the
// stated portal of seed 003 (www.znznf.gov.cn) is checked against www.znzf.gov.cn.

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'pages');
const URL = 'http://www.znzf.gov.cn/art/report.html';
const TEXT_RULE = /^(TXT-\d+|ARI-\d+|FMT-(01|02|05|06|07|08|09|11|12|13|14|15)|S17-08)$/;

const audit = (file: string) => {
  const html = readFileSync(join(PAGES, file), 'utf8');
  const { model } = parseReport(documentFromHtml(html, URL), { url: URL });
  return runAudit(model).findings.filter((f) => TEXT_RULE.test(f.rule));
};

const EXPECTED: Record<string, string[]> = {
  // 事宜 for 事项 in the 60号 title; 办理了施工许可证 while 行政许可 decisions are 0 (likely 代办)
  seed000: ['FMT-05 fail info title', 'TXT-12 fail info licensing'],
  seed001: [
    // 15800余 vs 15698; 624 > 48
    'ARI-01 fail warning approx',
    'ARI-01 fail warning exceeds',
    // 六、其他需要报告的情况
    'FMT-06 fail info variant',
    // a 人民政府 report without 社会评议 and 责任追究
    'FMT-08 fail warning missing',
    'FMT-08 fail warning missing',
    // e-mail without @; the electronic-version sentence is cut off
    'FMT-13 fail info email',
    'FMT-13 fail info truncated',
    // Table 4 has 复议 尚未审结 1, the text never mentions 行政复议
    'TXT-05 fail warning unmentioned',
    // 政府集中采购事项 101 项 has no counterpart in the table
    'TXT-09 fail warning projectsMissing',
  ],
  seed002: [
    // 填表单位 银川的神 vs 德胜
    'FMT-11 fail warning mismatch',
    // no 收费及减免; 依申请 only in the statistics table
    'FMT-14 fail info tableOnly',
    'FMT-14 fail warning missing',
    // 四、 twice; 下半年
    'FMT-15 fail info duplicate',
    'FMT-15 fail info period',
    // 各类文件 2 份 via the portal vs 政府网站公开数量 0
    'S17-08 fail warning website',
  ],
  // the portal written www.znznf.gov.cn
  seed003: ['FMT-13 fail info domain'],
  // 规范性文件 目录/清理/备案 while 行政规范性文件 is 0/0/0
  seed004: ['TXT-12 fail info normativeDocs'],
};

describe('text rules on the seed pages (report-formats.md §6)', () => {
  for (const dir of ['2019', '2021', 'pre2019']) {
    for (const file of readdirSync(join(PAGES, dir)).filter((f) => f.endsWith('.html'))) {
      const seed = file.slice(0, 7);
      if (!(seed in EXPECTED)) continue;
      const page = `${dir}/${file}`;
      it(page, () => {
        const findings = audit(page);
        expect(findings.map((f) => `${f.rule} ${f.outcome} ${f.severity} ${f.messageId}`).sort()).toEqual(
          [...EXPECTED[seed]!].sort(),
        );
        // every text finding can be underlined or names its cells, but for contents that are absent
        for (const f of findings.filter((x) => x.rule !== 'FMT-14'))
          expect(f.sentence !== undefined || f.cells.length > 0, f.rule).toBe(true);
        // approximate figures never give an error
        for (const f of findings.filter((x) => x.rule.startsWith('ARI'))) {
          if (/余|约|多|近/.test(f.sentence?.text ?? '')) expect(f.severity).not.toBe('error');
        }
      });
    }
  }

  it('seed 001 ARI-01 explains the intervals, the gap and the adjacent 政府公报 figure', () => {
    const f = audit('2019/seed001-word.html').find((x) => x.messageId === 'approx')!;
    expect(f.message.zh).toContain('差 102（0.65%）');
    expect(f.message.zh).toContain('仅当“4700余条”实为 4791 以上');
    expect(f.message.zh).toContain('政府公报公开 68条”为 15766，差 34');
    expect(f.message.en).toContain('off by 102 (0.65%)');
    expect(f.sentence?.text).toContain('15800 余条');
  });
});
