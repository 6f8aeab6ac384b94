import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../../utils/audit/run';
import { parseReport } from '../../utils/report/parse';

// Real pages copied from government portals (../shared/corpus/real), read where they are:
// they are never copied into the project, and this suite skips when the folder is absent.

const CORPUS = join(__dirname, '../../../shared/corpus/real');
const present = existsSync(CORPUS);

const REPORTS: [file: string, format: string, year: number | null][] = [
  ['pingtan-gov-cn_2021.html', '2021', 2021],
  ['pingtan-gov-cn_2022.html', '2021', 2022],
  ['pingtan-gov-cn_2023.html', '2021', 2023],
  ['pingtan-gov-cn_2024.html', '2021', 2024],
  ['shanghai-gov-cn_shi-zhengfu-bangongting_2019.html', '2019', 2019],
  // An excerpt without a title: its year is the one its clauses narrate ("2020年，全市…").
  ['shanghai-gov-cn_shi-quanshi_2020_excerpt.html', '2019', 2020],
];

const read = (file: string) => {
  const url = `https://www.example.gov.cn/${file}`;
  return parseReport(documentFromHtml(readFileSync(join(CORPUS, file), 'utf8'), url), { url }).model;
};

describe.skipIf(!present)('real pages (../shared/corpus/real)', () => {
  it.each(REPORTS)('%s: detected as a %s report of %s, 表三 and 表四 complete', (file, format, year) => {
    const model = read(file);
    expect(model).toMatchObject({ kind: 'report', format, year });
    expect(model.tableInfo.applications).toMatchObject({ found: true, complete: true, missingRows: [] });
    expect(model.tableInfo.reviews).toMatchObject({ found: true, complete: true });
    expect(model.tableInfo.active).toMatchObject({ found: true, missingRows: [] });
    const headings = model.headings.map((h) => h.ordinal);
    expect(headings).toEqual(expect.arrayContaining(['二', '三', '四', '五', '六']));
  });

  it('reads the 上海 2019 table 三 the way the catalogue works it (T3-01: 859 + 18 = 805 + 72)', () => {
    const t3 = read('shanghai-gov-cn_shi-zhengfu-bangongting_2019.html').tables.applications!;
    expect([t3.new!.TOT!.value, t3.carryIn!.TOT!.value, t3.r7!.TOT!.value, t3.carryOut!.TOT!.value]).toEqual([
      859, 18, 805, 72,
    ]);
    // 总计 is left blank on per-result rows: blank, never silently zero.
    expect(t3.r1!.TOT).toMatchObject({ value: 0, flags: ['blank'] });
  });

  it('reads 平潭 2021, whose 表三 header and data columns do not line up by index', () => {
    const t3 = read('pingtan-gov-cn_2021.html').tables.applications!;
    expect(Object.values(t3.new!).map((c) => c.value)).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(Object.values(t3.r7!).map((c) => c.value)).toEqual([63, 0, 0, 2, 0, 4, 69]);
  });

  // What the full audit finds on each page, written for review to test-output/corpus-audit/.
  // Every finding there was read by hand; these are the errors a careful auditor stands by.
  const ERRORS: Record<string, string[]> = {
    'pingtan-gov-cn_2021.html': [],
    'pingtan-gov-cn_2022.html': [],
    'pingtan-gov-cn_2023.html': [],
    'pingtan-gov-cn_2024.html': [],
    'shanghai-gov-cn_shi-zhengfu-bangongting_2019.html': [],
    // The city-wide 2020 table balances in 总计 but not per column, and 新收's parts miss 4.
    'shanghai-gov-cn_shi-quanshi_2020_excerpt.html': ['T3-01', 'T3-01', 'T3-01', 'T3-01', 'T3-01', 'T3-02'],
  };

  it.each(Object.entries(ERRORS))(
    '%s: the full audit gives exactly the errors reviewed by hand',
    (file, errors) => {
      const model = read(file);
      const audit = runAudit(model);
      const out = join(__dirname, '../../test-output/corpus-audit');
      mkdirSync(out, { recursive: true });
      const lines = audit.findings.map(
        (f) =>
          `${f.outcome}\t${f.severity}\t${f.spec}\t${f.message.zh}${f.sentence ? `\n\t「${f.sentence.text}」` : ''}`,
      );
      writeFileSync(join(out, file.replace(/\.html$/, '.txt')), `${lines.join('\n')}\n`);
      const found = audit.findings
        .filter((f) => f.outcome === 'fail' && f.severity === 'error')
        .map((f) => f.spec);
      expect(found.sort()).toEqual(errors);
    },
  );

  it('上海 2019: the share 占33.9% is worked against 答复 805, the base of its sibling shares (L6)', () => {
    const audit = runAudit(read('shanghai-gov-cn_shi-zhengfu-bangongting_2019.html'));
    const shares = audit.findings.filter((f) => f.spec === 'ARI-02' && f.outcome === 'fail');
    expect(shares.map((f) => f.message.zh)).toEqual(['占比 33.9%，但 258件 ÷ 805件 = 32.05%']);
  });

  it('上海 2020 excerpt: the year is read from the body and said to be, so no year rule errs on it', () => {
    const model = read('shanghai-gov-cn_shi-quanshi_2020_excerpt.html');
    expect(model).toMatchObject({ title: null, year: 2020, yearFrom: 'body' });
    const period = runAudit(model).findings.filter((f) => f.rule === 'FMT-02');
    expect(period).toMatchObject([{ outcome: 'uncertain', severity: 'info' }]);
    expect(period[0]!.message.zh).toContain('报告年度 2020 年取自正文');
  });

  it('does not take the 2014 工作要点 letter for a report', () => {
    expect(read('pingtan-gov-cn_negative-2014-gongzuo-yaodian-han.html').kind).toBe('none');
  });

  it('recognises the column page as an index of reports', () => {
    expect(read('pingtan-gov-cn_nianbao-index.html').kind).toBe('index');
  });
});
