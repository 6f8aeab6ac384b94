import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { parseReport } from '../report/parse';
import { runAudit } from './run';

// The table, value and pre-2019 rules on the seed pages give what report-formats.md §6 expects.
// (The text rules' expectations are tested with those rules.)

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'pages');
const TABLE_RULE = /^(FMT-(03|04|10)|VAL-\d+|T[234]-\d+|S17-0[1-79])$/;

const audit = (file: string) => {
  const html = readFileSync(join(PAGES, file), 'utf8');
  const { model } = parseReport(documentFromHtml(html, 'http://www.example.gov.cn/'), {});
  return runAudit(model)
    .findings.filter((f) => TABLE_RULE.test(f.rule))
    .map((f) => `${f.rule} ${f.outcome} ${f.severity}`)
    .sort();
};

const EXPECTED: Record<string, string[]> = {
  // VAL-02 for the blank 行政复议 block; with blank = 0 every identity holds
  seed000: ['VAL-02 fail warning'],
  // T4-01 复议 0+0+0+1 ≠ 0; 45996.82万元 in 采购项目数量; cumulative = this year's; T3 garbled but
  // every identity holds once r1/r5_2/r7 are inferred
  seed001: [
    'T2-02 fail info',
    'T2-05 uncertain warning',
    'T4-01 fail error',
    'VAL-05 fail warning',
    'VAL-06 fail info',
  ],
  // 26 ≠ 0+0+0+0; 2 policy documents > 0 marked public; a blank indicator; 次 vs 件
  seed002: ['S17-01 fail error', 'S17-03 fail error', 'S17-07 fail warning', 'S17-09 fail info'],
  // `(六)其他` for （六）其他处理 (and the split `处理 | (五)不予` label) → FMT-10 info
  seed003: ['FMT-10 fail info'],
  seed004: [],
};

describe('seed pages (report-formats.md §6)', () => {
  for (const dir of ['2019', '2021', 'pre2019']) {
    for (const file of readdirSync(join(PAGES, dir)).filter((f) => f.endsWith('.html'))) {
      const seed = file.slice(0, 7);
      const page = `${dir}/${file}`;
      if (seed in EXPECTED) it(page, () => expect(audit(page)).toEqual(EXPECTED[seed]));
    }
  }
});

// The whole catalogue, table and text rules together: errors only where §6 finds them.
const ERRORS: Record<string, string[]> = {
  seed000: [],
  seed001: ['T4-01'],
  seed002: ['S17-01', 'S17-03'],
  seed003: [],
  seed004: [],
};

describe('seed pages: errors only where §6 finds them', () => {
  for (const dir of ['2019', '2021', 'pre2019']) {
    for (const file of readdirSync(join(PAGES, dir)).filter((f) => f.endsWith('.html'))) {
      const seed = file.slice(0, 7);
      it(`${dir}/${file}`, () => {
        const html = readFileSync(join(PAGES, dir, file), 'utf8');
        const { model } = parseReport(documentFromHtml(html, 'http://www.example.gov.cn/'), {});
        const errors = runAudit(model)
          .findings.filter((f) => f.severity === 'error')
          .map((f) => `${f.spec} ${f.outcome}`);
        expect(errors.sort()).toEqual(ERRORS[seed]!.map((id) => `${id} fail`));
      });
    }
  }
});

describe('fingerprints', () => {
  it('do not move when page furniture adds a paragraph before the report', () => {
    const html = readFileSync(join(PAGES, '2019/seed001-word.html'), 'utf8');
    const prints = (page: string) => {
      const { model } = parseReport(documentFromHtml(page, 'http://www.example.gov.cn/'), {});
      return runAudit(model)
        .findings.map((f) => f.fingerprint)
        .sort();
    };
    const furnished = html.replace(/<p class="MsoNormal"/, '<p>【打印】【关闭】 字号：大 中 小</p>$&');
    expect(furnished).not.toBe(html);
    expect(prints(furnished)).toEqual(prints(html));
  });
});
