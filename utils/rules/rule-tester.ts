import { describe, expect, it } from 'vitest';
import { inferT3 } from '../audit/infer';
import type { Finding, Severity } from '../audit/result';
import { runRule } from '../audit/run';
import type { ReportModel } from '../report/model';
import { parseReport } from '../report/parse';
import type { Rule } from './types';

// ESLint's RuleTester, for our rules: `valid` cases must give no finding, `invalid` cases must give
// exactly the findings listed, in order. A case is a small HTML page (testing/pages.ts) read by
// the extension's parser, or a model (testing/model-builder.ts) for what a page cannot show. Each case runs the way an audit runs it: T3-08
// inference first, then the rule with run.ts's central policies (guess → uncertain, …).

export interface Case {
  /** shown in the test name */
  name?: string;
  /** a whole page or a fragment: parsed with parseReport */
  html?: string;
  model?: ReportModel;
  url?: string;
}

export interface ExpectedFinding {
  messageId: string;
  /** default 'fail' */
  outcome?: 'fail' | 'uncertain';
  severity?: Severity;
  /** every cell the finding names, in any order */
  cells: string[];
  /** substrings the zh / en message must contain */
  zh?: string;
  en?: string;
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

export interface RuleTests {
  valid: Case[];
  invalid: InvalidCase[];
}

const caseKey = (c: Case): string =>
  c.html !== undefined ? `html:${c.html}|${c.url ?? ''}` : `model:${JSON.stringify(c.model)}`;

/** The tester's checks of the tests themselves; throws on a malformed test suite. */
export function checkCases(rule: Rule, tests: RuleTests): void {
  if (!tests.valid.length) throw new Error(`${rule.id}: at least one valid case is required`);
  if (!tests.invalid.length) throw new Error(`${rule.id}: at least one invalid case is required`);
  const seen = new Map<string, string>();
  [...tests.valid, ...tests.invalid].forEach((c, i) => {
    const label = c.name ?? `case ${i + 1}`;
    if ((c.html === undefined) === (c.model === undefined))
      throw new Error(`${rule.id} ${label}: give exactly one of html or model`);
    const key = caseKey(c);
    const dup = seen.get(key);
    if (dup !== undefined) throw new Error(`${rule.id}: duplicate cases “${dup}” and “${label}”`);
    seen.set(key, label);
  });
  for (const [i, c] of tests.invalid.entries()) {
    if (!Array.isArray(c.errors) || c.errors.length === 0)
      throw new Error(
        `${rule.id} ${c.name ?? `invalid case ${i + 1}`}: an invalid case needs at least one expected finding`,
      );
    for (const e of c.errors) {
      if (!rule.messages[e.messageId])
        throw new Error(
          `${rule.id} ${c.name ?? `invalid case ${i + 1}`}: unknown messageId “${e.messageId}”`,
        );
    }
  }
}

/** The model of a case: its own, or its page read by the extension's parser. */
export function modelOf(c: Case): ReportModel {
  if (c.model) return c.model;
  const doc = new DOMParser().parseFromString(c.html!, 'text/html');
  return parseReport(doc, c.url ? { url: c.url } : {}).model;
}

/** Run one rule over one case's model, the way runAudit does. */
export function findingsFor(rule: Rule, model: ReportModel): Finding[] {
  return runRule(rule, inferT3(model).model).findings;
}

const show = (fs: Finding[]) =>
  fs
    .map((f) => `  ${f.outcome} ${f.severity} ${f.messageId}: ${f.message.zh} [${f.cells.join(', ')}]`)
    .join('\n');

function assertFilled(f: Finding) {
  for (const text of [f.message.zh, f.message.en]) {
    expect(text, `${f.rule}/${f.messageId}: message has an unfilled placeholder`).not.toMatch(/\{\w+\}/);
    expect(text.trim(), `${f.rule}/${f.messageId}: empty message`).not.toBe('');
  }
}

export function ruleTester(rule: Rule, tests: RuleTests): void {
  checkCases(rule, tests);
  describe(`${rule.id} (rule tester)`, () => {
    for (const [i, c] of tests.valid.entries()) {
      it(`valid: ${c.name ?? `case ${i + 1}`}`, () => {
        const fs = findingsFor(rule, modelOf(c));
        expect(fs, `expected no finding, got:\n${show(fs)}`).toEqual([]);
      });
    }
    for (const [i, c] of tests.invalid.entries()) {
      it(`invalid: ${c.name ?? `case ${i + 1}`}`, () => {
        const fs = findingsFor(rule, modelOf(c));
        expect(fs.length, `expected ${c.errors.length} finding(s), got:\n${show(fs)}`).toBe(c.errors.length);
        c.errors.forEach((e, j) => {
          const f = fs[j]!;
          const where = `finding ${j + 1}:\n${show([f])}`;
          expect(f.messageId, where).toBe(e.messageId);
          expect(
            rule.messages[f.messageId ?? ''],
            `${where}\nmessage id not defined by the rule`,
          ).toBeDefined();
          expect(f.outcome, where).toBe(e.outcome ?? 'fail');
          if (e.severity) expect(f.severity, where).toBe(e.severity);
          expect([...f.cells].sort(), where).toEqual([...e.cells].sort());
          if (e.zh) expect(f.message.zh, where).toContain(e.zh);
          if (e.en) expect(f.message.en, where).toContain(e.en);
          assertFilled(f);
        });
      });
    }
  });
}
