import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrossBody } from '../../audit/cross-body';
import type { Finding } from '../../audit/result';
import { modelBuilder } from '../testing/model-builder';
import { crossBodyRules } from './index';
import { isGovernment } from './xbd-02';

// The checks across the bodies of one sweep, through their runner (utils/audit/cross-body.ts):
// findings filed on the right report, never an error on a guess, never across portals.

const report = (agency: string, year: number, cells: Record<string, number> = {}, host = 'www.x.gov.cn') => {
  const b = modelBuilder('2021').with({
    agency,
    year,
    host,
    title: `${agency}${year}年政府信息公开工作年度报告`,
  });
  for (const [address, value] of Object.entries(cells)) b.set(address, value);
  return b.build();
};
const NEW = 'applications/new/TOT';
const REV = 'reviews/rev/total';
const run = (...reports: Array<[string, ReturnType<typeof report>]>) =>
  runCrossBody(reports.map(([url, model]) => ({ url, model }))).findings;
const specs = (findings: Finding[] | undefined, spec: string) =>
  (findings ?? []).filter((f) => f.spec === spec);

describe('the cross-body catalogue', () => {
  it('has both languages and the same placeholders in each', () => {
    expect(crossBodyRules.map((r) => r.id)).toEqual(['XBD-01', 'XBD-02']);
    for (const rule of crossBodyRules)
      for (const m of [rule.title, rule.description, ...Object.values(rule.messages)]) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en.trim()).not.toBe('');
        const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
        expect(names(m.en)).toEqual(names(m.zh));
      }
  });
});

describe('XBD-01 one version of a body’s report for a year', () => {
  it('flags the same body and year listed twice with other numbers, on both reports', () => {
    const findings = run(
      ['a', report('某县财政局', 2023, { [NEW]: 3, 'applications/new/NP': 3 })],
      ['b', report('某县财政局', 2023, { [NEW]: 4, 'applications/new/NP': 4 })],
    );
    const [onA] = specs(findings.get('a'), 'XBD-01');
    expect(onA).toMatchObject({ outcome: 'fail', severity: 'warning', cells: ['applications/new/NP', NEW] });
    expect(onA!.message.zh).toContain('2 个数字不同');
    expect(onA!.message.en).toContain('3 here, 4 there');
    expect(specs(findings.get('b'), 'XBD-01')).toHaveLength(1);
  });

  it('passes a duplicate link with the same numbers, another year, another body or another portal', () => {
    const findings = run(
      ['a', report('某县财政局', 2023, { [NEW]: 3 })],
      ['b', report('某县财政局', 2023, { [NEW]: 3 })],
      ['c', report('某县财政局', 2022, { [NEW]: 9 })],
      ['d', report('某县教育局', 2023, { [NEW]: 9 })],
      ['e', report('某县财政局', 2023, { [NEW]: 9 }, 'www.y.gov.cn')],
    );
    for (const f of findings.values()) expect(specs(f, 'XBD-01')).toEqual([]);
  });

  it('is uncertain, not a warning, when a differing number is a guess', () => {
    const guessed = modelBuilder('2021')
      .with({
        agency: '某县财政局',
        year: 2023,
        host: 'www.x.gov.cn',
        title: '某县财政局2023年政府信息公开工作年度报告',
      })
      .set(NEW, { raw: '', value: 4, flags: ['inferred'] })
      .build();
    const findings = run(['a', report('某县财政局', 2023, { [NEW]: 3 })], ['b', guessed]);
    expect(specs(findings.get('a'), 'XBD-01')[0]?.outcome).toBe('uncertain');
  });
});

describe('XBD-02 a government’s totals are at least its departments’', () => {
  it('knows a government from a department', () => {
    expect(isGovernment(report('某县人民政府', 2023))).toBe(true);
    expect(isGovernment(report('某市某区', 2023))).toBe(true);
    expect(isGovernment(report('某县教育局', 2023))).toBe(false);
    expect(isGovernment(report('宁夏中宁工业园区', 2023))).toBe(false);
  });

  it('warns on the government’s report when its departments add up to more', () => {
    const findings = run(
      ['gov', report('某县人民政府', 2023, { [NEW]: 5, [REV]: 3 })],
      ['edu', report('某县教育局', 2023, { [NEW]: 4, [REV]: 1 })],
      ['fin', report('某县财政局', 2023, { [NEW]: 3, [REV]: 1 })],
      ['old', report('某县财政局', 2022, { [NEW]: 30 })],
      ['other', report('某县林业局', 2023, { [NEW]: 30 }, 'www.y.gov.cn')],
    );
    const [f, ...rest] = specs(findings.get('gov'), 'XBD-02');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ outcome: 'fail', severity: 'warning', cells: [NEW], expected: 7, actual: 5 });
    expect(f!.message.zh).toContain('某县教育局 4');
    expect(specs(findings.get('edu'), 'XBD-02')).toEqual([]);
  });

  it('passes when the government’s totals cover its parts, and says nothing without parts', () => {
    const covered = run(
      ['gov', report('某县人民政府', 2023, { [NEW]: 7 })],
      ['edu', report('某县教育局', 2023, { [NEW]: 4 })],
      ['fin', report('某县财政局', 2023, { [NEW]: 3 })],
    );
    expect(specs(covered.get('gov'), 'XBD-02')).toEqual([]);
    const alone = run(
      ['gov', report('某县人民政府', 2023, { [NEW]: 0 })],
      ['park', report('某工业园区管委会', 2023, { [NEW]: 9 })],
    );
    expect(specs(alone.get('gov'), 'XBD-02')).toEqual([]);
  });

  it('is uncertain when a part’s total is approximate', () => {
    const part = modelBuilder('2021')
      .with({
        agency: '某县教育局',
        year: 2023,
        host: 'www.x.gov.cn',
        title: '某县教育局2023年政府信息公开工作年度报告',
      })
      .set(NEW, { raw: '约9', value: 9, flags: ['approx'] })
      .build();
    const findings = run(['gov', report('某县人民政府', 2023, { [NEW]: 5 })], ['edu', part]);
    expect(specs(findings.get('gov'), 'XBD-02')[0]?.outcome).toBe('uncertain');
  });
});

describe('the README’s table of cross-body checks', () => {
  it('has one row per check with its titles, severity and formats', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const table = /<!-- cross-body:start -->([\s\S]*?)<!-- cross-body:end -->/.exec(readme)?.[1] ?? '';
    const rows = table
      .split('\n')
      .filter((l) => /^\|\s*XBD-\d+/.test(l))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(rows.map((r) => r[0])).toEqual(crossBodyRules.map((r) => r.id));
    for (const [id, zh, en, severity, formats] of rows) {
      const rule = crossBodyRules.find((r) => r.id === id)!;
      expect([zh, en, severity, formats]).toEqual([
        rule.title.zh,
        rule.title.en,
        rule.severity,
        rule.formats.join(', '),
      ]);
    }
  });
});

describe('XBD-02 for a compiled report (XDOC-01 across reports)', () => {
  const COMPILED = '本报告由某县人民政府办公室汇总2个乡镇、2个政府组成部门政府信息公开情况编制而成。';
  const compiled = (cells: Record<string, number>, text = COMPILED) => {
    const b = modelBuilder('2021')
      .with({
        agency: '某县人民政府',
        year: 2023,
        host: 'www.x.gov.cn',
        title: '某县人民政府2023年政府信息公开工作年度报告',
      })
      .paragraph('一', text);
    for (const [address, value] of Object.entries(cells)) b.set(address, value);
    return b.build();
  };
  const LIC = 'active/art20_5.licensing/decisions';
  const R1 = 'applications/r1/NP';
  const members = (): Array<[string, ReturnType<typeof report>]> => [
    ['edu', report('某县教育局', 2023, { [NEW]: 2, [R1]: 1, [LIC]: 10 })],
    ['fin', report('某县财政局', 2023, { [NEW]: 1, [R1]: 1, [LIC]: 5 })],
    ['a', report('某县甲镇', 2023, { [NEW]: 1, [LIC]: 3 })],
    ['b', report('某县乙乡', 2023, { [NEW]: 0, [LIC]: 2 })],
  ];

  it('reads the compiling statement as the scope the members must fill', () => {
    const model = compiled({});
    expect(
      model.claims.filter((c) => c.kind === 'aggregationScope').map((c) => [c.subject, c.numbers]),
    ).toEqual([
      [
        'aggregate',
        {
          'township:乡镇': { raw: '2个', value: 2, unit: '个' },
          'department:政府组成部门': { raw: '2个', value: 2, unit: '个' },
        },
      ],
    ]);
  });

  it('warns on every count cell that is not the sum of all the members’ cells, beyond the totals', () => {
    const findings = run(['gov', compiled({ [NEW]: 4, [R1]: 2, [LIC]: 21 })], ...members());
    const fails = specs(findings.get('gov'), 'XBD-02');
    // new TOT 4 = 2+1+1+0 and r1 2 = 1+1 hold; 行政许可 21 ≠ 10+5+3+2 = 20
    expect(fails.map((f) => [f.cells, f.expected, f.actual, f.severity])).toEqual([
      [[LIC], 20, 21, 'warning'],
    ]);
    expect(fails[0]!.message.zh).toContain('全部 4 份成员单位报告的该项合计 20');
    expect(fails[0]!.message.zh).toContain('某县教育局 10');
  });

  it('finds a total above its members’ sum, which the ≥ check of a government alone lets pass', () => {
    const findings = run(['gov', compiled({ [NEW]: 9, [R1]: 2, [LIC]: 20 })], ...members());
    expect(specs(findings.get('gov'), 'XBD-02').map((f) => [f.cells, f.expected, f.actual])).toEqual([
      [[NEW], 4, 9],
    ]);
  });

  it('keeps to the totals’ ≥ check when the sweep lacks a member, or the report is not compiled', () => {
    const [, ...three] = members();
    const missing = run(['gov', compiled({ [NEW]: 9, [LIC]: 99 })], ...three);
    expect(specs(missing.get('gov'), 'XBD-02')).toEqual([]);
    const notCompiled = run(
      ['gov', compiled({ [NEW]: 9, [LIC]: 99 }, '本机关认真做好政务公开工作。')],
      ...members(),
    );
    expect(specs(notCompiled.get('gov'), 'XBD-02')).toEqual([]);
  });
});
