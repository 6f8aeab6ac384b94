import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index';
import { t301 } from '../rules/t3-01';
import { modelBuilder } from '../rules/testing/model-builder';
import type { Rule } from '../rules/types';
import { fingerprint, fnv1a } from './fingerprint';
import { inferT3, solveT3 } from './infer';
import { fillTemplate } from './message';
import { AuditResultSchema } from './result';
import { computeFigures, runAudit } from './run';

const rule = (over: Partial<Rule>): Rule => ({
  id: 'X-01',
  spec: 'T3-01',
  severity: 'error',
  formats: ['2021'],
  title: { zh: '测试', en: 'test' },
  description: { zh: '测试', en: 'test' },
  messages: { bad: { zh: '{cell}为 {n}', en: '{cell} is {n}' } },
  evaluate: () => [],
  ...over,
});

/** Seed 001's Table 3 as the parser reads it: four cells lost in short rows. */
const seed001 = () =>
  modelBuilder('2019')
    .setRow('applications/new', { NP: 3, BIZ: 2, TOT: 5 })
    .setRow('applications/r1', { TOT: 4 })
    .setRow('applications/r5_1', { BIZ: 1, TOT: 1 })
    .setRow('applications/r7', { BIZ: 2, TOT: 5 })
    .missing('applications/r1/NP', 'applications/r1/BIZ', 'applications/r5_2/NP', 'applications/r7/NP')
    .setRow('reviews/rev', { pending: 1 })
    .setRow('reviews/litDirect', { other: 1, total: 1 })
    .build();

describe('inferT3 (T3-08 pre-pass)', () => {
  it('solves seed 001 to a fixpoint, as report-formats.md §6 works it out', () => {
    const r = inferT3(seed001());
    const v = (a: string) => r.model.tables.applications?.[a.split('/')[0]!]?.[a.split('/')[1]!];
    expect(v('r7/NP')).toMatchObject({ value: 3, flags: ['inferred'] });
    expect(v('r5_2/NP')).toMatchObject({ value: 0, flags: ['inferred'] });
    expect(v('r1/BIZ')).toMatchObject({ value: 1, flags: ['inferred'] });
    expect(v('r1/NP')).toMatchObject({ value: 3, flags: ['inferred'] });
    expect(r.unsolved).toEqual([]);
  });

  it('is pure and idempotent', () => {
    const m = seed001();
    const before = structuredClone(m);
    const once = inferT3(m);
    expect(m).toEqual(before);
    // solved afresh from a copy of its own output (inferT3 files the output's inference with it)
    const twice = solveT3(structuredClone(once.model));
    expect(twice.model).toEqual(once.model);
    expect(twice.steps).toEqual(once.steps);
    expect(twice.unsolved).toEqual(once.unsolved);
    expect(twice.rejected).toEqual(once.rejected);
  });

  it('infers each model once: its output model shares the inference T3-08 reports', () => {
    const m = seed001();
    const once = inferT3(m);
    expect(inferT3(m)).toBe(once);
    expect(inferT3(once.model).steps).toBe(once.steps);
    expect(inferT3(structuredClone(m))).not.toBe(once);
  });

  it('does not apply a negative solution', () => {
    // results total 2, but 部分公开 alone is 3: 予以公开 would have to be −1
    const m = modelBuilder('2021')
      .setRow('applications/r2', { NP: 3, TOT: 3 })
      .setRow('applications/r7', { NP: 2, TOT: 2 })
      .missing('applications/r1/NP', 'applications/r1/TOT')
      .build();
    const r = inferT3(m);
    expect(r.rejected.map((x) => x.cell).sort()).toEqual(['applications/r1/NP', 'applications/r1/TOT']);
    expect(r.unsolved.sort()).toEqual(['applications/r1/NP', 'applications/r1/TOT']);
    expect(r.model.tables.applications?.r1?.NP).toMatchObject({ value: null, flags: ['missing'] });
  });

  it('does not use an identity that needs a blank total', () => {
    const m = modelBuilder('2021')
      .setRow('applications/new', { NP: 3, TOT: 3 })
      .setRow('applications/r1', { NP: 3 })
      .blank('applications/r1/TOT')
      .setRow('applications/r7', { TOT: 3 })
      .missing('applications/r7/NP')
      .build();
    // T3-01 NP gives r7/NP = 3; T3-02 on r1 (blank total) must not be used
    const r = inferT3(m);
    expect(r.steps.map((s) => s.identity)).not.toContain('T3-02:r1');
    expect(r.model.tables.applications?.r7?.NP?.value).toBe(3);
  });
});

describe('runAudit', () => {
  it('seed 001: T4-01 error, no T3 error once the lost cells are inferred', () => {
    const result = runAudit(seed001());
    expect(AuditResultSchema.parse(result)).toEqual(result);
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['T4-01']);
    expect(errors[0]!.message.zh).toBe(
      '行政复议：结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1，但总计为 0（差 1）',
    );
    expect(result.findings.filter((f) => f.rule.startsWith('T3-') && f.outcome === 'fail')).toEqual([]);
    expect(result.figures.applicationsHandled).toBe(5);
  });

  it('runs only the rules of the format and counts the others as not applicable', () => {
    const only2019 = rule({ formats: ['2019'], evaluate: () => [{ outcome: 'pass' }] });
    const r = runAudit(modelBuilder('2021').build(), [only2019]);
    expect(r.counts).toEqual({ pass: 0, fail: 0, uncertain: 0, notApplicable: 1 });
  });

  it('turns a throwing rule into one uncertain finding and runs the others', () => {
    const crash = rule({
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const ok = rule({ id: 'X-02', evaluate: () => [{ outcome: 'pass' }, { outcome: 'notApplicable' }] });
    const r = runAudit(modelBuilder('2021').build(), [crash, ok]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'X-01', outcome: 'uncertain', cells: [] });
    expect(r.findings[0]!.message.en).toContain('boom');
    expect(r.counts).toEqual({ pass: 1, fail: 0, uncertain: 1, notApplicable: 1 });
  });

  it('never reports an error on a guessed cell, whatever the rule says', () => {
    const flagged = (flag: 'inferred' | 'garbled' | 'approx' | 'missing') =>
      modelBuilder('2021').set('applications/new/NP', 3).flag(flag, 'applications/new/NP').build();
    const says = rule({
      evaluate: () => [
        {
          outcome: 'fail',
          messageId: 'bad',
          data: { cell: '新收', n: 3 },
          cells: ['applications/new/NP'],
          place: 'p',
        },
      ],
    });
    for (const flag of ['garbled', 'approx', 'missing'] as const) {
      const [f] = runAudit(flagged(flag), [says]).findings;
      expect(f, flag).toMatchObject({ outcome: 'uncertain', severity: 'warning' });
      expect(f!.message.zh).toContain('不判为错误');
    }
    // an inferred cell (the pre-pass re-derives it, so give it an identity that cannot)
    const inferred = modelBuilder('2021')
      .set('reviews/rev/total', 1)
      .flag('inferred', 'reviews/rev/total')
      .build();
    const onT4 = rule({
      evaluate: () => [
        {
          outcome: 'fail',
          messageId: 'bad',
          data: { cell: 'x', n: 1 },
          cells: ['reviews/rev/total'],
          place: 'p',
        },
      ],
    });
    expect(runAudit(inferred, [onT4]).findings[0]).toMatchObject({ outcome: 'uncertain' });
  });

  it('makes a fail on a blank total uncertain and says which', () => {
    const m = modelBuilder('2021').blank('reviews/rev/total').build();
    const says = rule({
      evaluate: () => [
        {
          outcome: 'fail',
          messageId: 'bad',
          data: { cell: 'x', n: 1 },
          cells: ['reviews/rev/total'],
          place: 'p',
        },
      ],
    });
    const [f] = runAudit(m, [says]).findings;
    expect(f).toMatchObject({ outcome: 'uncertain' });
    expect(f!.message.zh).toContain('总计单元格为空白：行政复议·总计');
  });

  it('makes a fail of a rule that judges the year uncertain when the year was read from the body', () => {
    const fmt04 = rules.find((r) => r.id === 'FMT-04')!;
    // A 2019-format table in a 2022 report: an error when the title says 2022 ...
    const titled = modelBuilder('2019').with({ year: 2022 }).build();
    expect(runAudit(titled, [fmt04]).findings[0]).toMatchObject({ outcome: 'fail', severity: 'error' });
    // ... a warning at most when no title gave the year and the body's clauses did.
    const untitled = modelBuilder('2019').with({ year: 2022, yearFrom: 'body', title: null }).build();
    const [f] = runAudit(untitled, [fmt04]).findings;
    expect(f).toMatchObject({ outcome: 'uncertain', severity: 'warning' });
    expect(f!.message.zh).toContain('报告年度 2022 年取自正文');
    // A rule that does not judge the year is not softened by it.
    const says = rule({
      formats: ['2019'],
      evaluate: () => [
        { outcome: 'fail', messageId: 'bad', data: { cell: 'x', n: 1 }, cells: [], place: 'p' },
      ],
    });
    expect(runAudit(untitled, [says]).findings[0]).toMatchObject({ outcome: 'fail', severity: 'error' });
  });

  it('leaves rules about the flags themselves alone', () => {
    const about = rule({
      severity: 'info',
      reportsOnFlags: true,
      evaluate: () => [
        {
          outcome: 'fail',
          messageId: 'bad',
          data: { cell: 'x', n: 1 },
          cells: ['reviews/rev/total'],
          place: 'p',
        },
      ],
    });
    expect(
      runAudit(modelBuilder('2021').blank('reviews/rev/total').build(), [about]).findings[0],
    ).toMatchObject({
      outcome: 'fail',
      severity: 'info',
    });
  });

  it('fingerprints by rule and place, never by values', () => {
    const a = runAudit(modelBuilder('2021').setRow('applications/new', { NP: 1, TOT: 1 }).build(), [t301]);
    const b = runAudit(modelBuilder('2021').setRow('applications/new', { NP: 7, TOT: 7 }).build(), [t301]);
    expect(a.findings.map((f) => f.fingerprint)).toEqual(b.findings.map((f) => f.fingerprint));
    expect(a.findings[0]!.fingerprint).toBe(fingerprint('T3-01', 'NP'));
    expect(new Set(a.findings.map((f) => f.fingerprint)).size).toBe(a.findings.length);
  });
});

describe('figures', () => {
  it('computes the rates journalists ask for', () => {
    const m = modelBuilder('2021')
      .setRow('applications/new', { NP: 8, TOT: 8 })
      .setRow('applications/carryIn', { NP: 2, TOT: 2 })
      .setRow('applications/r1', { NP: 5, TOT: 5 })
      .setRow('applications/r2', { NP: 1, TOT: 1 })
      .setRow('applications/r7', { NP: 8, TOT: 8 })
      .setRow('reviews/rev', { corrected: 1, upheld: 3, total: 4 })
      .setRow('reviews/litDirect', { corrected: 1, total: 2 })
      .setRow('reviews/litAfterRev', { upheld: 2, total: 2 })
      .build();
    expect(computeFigures(m)).toEqual({
      applicationsHandled: 8,
      applicationsTotal: 10,
      substantiveDisclosureRate: 6 / 8,
      reviewCorrectionRate: 1 / 4,
      litigationCorrectionRate: 1 / 4,
    });
  });

  it('is null when a denominator is 0 or unknown, and reads blank per-result totals from their parts', () => {
    expect(computeFigures(modelBuilder('2021').build())).toMatchObject({
      substantiveDisclosureRate: null,
      reviewCorrectionRate: null,
      litigationCorrectionRate: null,
    });
    const shanghai = modelBuilder('2019')
      .setRow('applications/r1', { NP: 258, BIZ: 12 })
      .blank('applications/r1/TOT')
      .setRow('applications/r7', { NP: 767, BIZ: 35, TOT: 805 })
      .missing('reviews/rev/total')
      .build();
    const f = computeFigures(shanghai);
    expect(f.substantiveDisclosureRate).toBeCloseTo(270 / 805);
    expect(f.reviewCorrectionRate).toBeNull();
  });
});

describe('messages and fingerprints', () => {
  it('fills localized and plain placeholders, and leaves unknown ones visible', () => {
    const data = { row_zh: '本年新收', row_en: 'new', n: 5 };
    expect(fillTemplate('{row}：{n}，{x}', data, 'zh')).toBe('本年新收：5，{x}');
    expect(fillTemplate('{row}: {n}', data, 'en')).toBe('new: 5');
  });

  it('hashes with FNV-1a', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
  });
});
