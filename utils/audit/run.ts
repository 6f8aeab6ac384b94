import type { Budget } from '../budget';
import { parseAddress, type ReportModel, T4_COLS, TABLE_IDS } from '../report/model';
import { rules as registry } from '../rules/index';
import { getCell, hasFlag, isBlankTotal, isGuess, labelsOf, t3, t4 } from '../rules/lib/cells';
import { legacyTextPlace, maskNumerals } from '../rules/lib/text';
import type { Evaluation, Flagged, Rule } from '../rules/types';
import { fingerprint } from './fingerprint';
import { type InferenceResult, inferT3 } from './infer';
import { fillMessage } from './message';
import type { AuditResult, Counts, Figures, Finding, Localized, Severity } from './result';

// The audit: T3-08 inference first, then every rule that applies to the model's format.
//
// Central policies, whatever a rule says:
// - Never an error on a guess: a fail that involves a cell flagged inferred / garbled / approx /
//   missing becomes 'uncertain'; so does a fail that involves a blank total cell (VAL-02), since
//   a blank total is not a known 0. Rules that report on the flags themselves are exempt. A fail
//   of a rule that judges the report year is uncertain when no title gave the year (yearFrom).
// - An 'uncertain' finding never carries severity 'error' (it is capped at 'warning'): severity
//   grades a defect, and an uncertain finding is not a proven one.
// - A rule that throws gives one 'uncertain' finding with the error and never stops the others.

export const emptyCounts = (): Counts => ({ pass: 0, fail: 0, uncertain: 0, notApplicable: 0 });

/** The two tallies added up (an audit's rules, or an audit and its cross-year checks). */
export function addCounts(a: Counts, b: Counts): Counts {
  const sum = { ...a };
  for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] += b[k];
  return sum;
}

const NOTE_GUESS: Localized = {
  zh: '（涉及推算或识别不可靠的数值：{cells}，不判为错误）',
  en: ' (involves inferred or unreliable values: {cells}; not judged an error)',
};
const NOTE_BLANK_TOTAL: Localized = {
  zh: '（总计单元格为空白：{cells}，无法判定）',
  en: ' (blank total cell: {cells}; cannot be judged)',
};
const NOTE_ABSENT: Localized = {
  zh: '（涉及页面未给出的单元格：{cells}，不判为错误）',
  en: ' (involves cells the page does not give: {cells}; not judged an error)',
};
const NOTE_BODY_YEAR: Localized = {
  zh: '（页面没有标题，报告年度 {year} 年取自正文，不判为错误）',
  en: ' (the page has no title; the report year {year} was taken from its body; not judged an error)',
};
const RULE_CRASHED: Localized = {
  zh: '检查 {rule} 运行出错，结果未知：{error}',
  en: 'Check {rule} failed to run, result unknown: {error}',
};

export interface RuleRun {
  findings: Finding[];
  counts: Counts;
}

const isFlagged = (e: Evaluation): e is Flagged => e.outcome === 'fail' || e.outcome === 'uncertain';

const capUncertain = (s: Severity): Severity => (s === 'error' ? 'warning' : s);

/** The cells of one report a finding involves, to vet against the never-an-error-on-a-guess policy. */
export interface Vetted {
  model: ReportModel;
  cells: string[];
}

/**
 * A flagged evaluation as a Finding: the message filled in both languages, a fail that involves a
 * guessed value or a blank total (in any of the reports given) turned uncertain with the reason,
 * an uncertain one capped at warning, and the fingerprint of rule + place.
 */
export function toFinding(
  rule: Pick<Rule, 'id' | 'spec' | 'severity' | 'messages' | 'reportsOnFlags' | 'judgesYear'>,
  ev: Flagged,
  vetted: Vetted[],
): Finding {
  let outcome = ev.outcome;
  let severity: Severity = ev.severity ?? rule.severity;
  const template = rule.messages[ev.messageId];
  let message: Localized = template
    ? fillMessage(template, ev.data)
    : { zh: `${rule.id}：${ev.messageId}`, en: `${rule.id}: ${ev.messageId}` };

  // A finding points only at cells the page gave (the overlay draws them, the log keeps them);
  // a fail that involves a cell the page does not have is a guess like any other.
  const absent = ev.cells.filter(
    (a) =>
      (TABLE_IDS as readonly string[]).includes(parseAddress(a)?.table ?? '') &&
      !vetted.some(({ model }) => getCell(model, a) !== undefined),
  );
  const cells = absent.length ? ev.cells.filter((a) => !absent.includes(a)) : ev.cells;
  if (outcome === 'fail' && absent.length && !rule.reportsOnFlags) {
    outcome = 'uncertain';
    const note = fillMessage(NOTE_ABSENT, { cells: absent.join(', ') });
    message = { zh: message.zh + note.zh, en: message.en + note.en };
  }

  if (outcome === 'fail' && !rule.reportsOnFlags) {
    const named = (test: (model: ReportModel, a: string) => boolean) =>
      vetted.flatMap(({ model, cells }) => {
        const hit = cells.filter((a) => test(model, a));
        return hit.length ? [labelsOf(model, hit)] : [];
      });
    const guesses = named((model, a) => isGuess(getCell(model, a)));
    const blankTotals = named(isBlankTotal);
    const note = guesses.length ? NOTE_GUESS : blankTotals.length ? NOTE_BLANK_TOTAL : null;
    if (note) {
      outcome = 'uncertain';
      const cells = guesses.length ? guesses : blankTotals;
      const filled = fillMessage(note, {
        cells_zh: cells.map((l) => l.zh).join('、'),
        cells_en: cells.map((l) => l.en).join(', '),
      });
      message = { zh: message.zh + filled.zh, en: message.en + filled.en };
    }
  }
  const bodyYear = vetted.find(({ model }) => model.yearFrom === 'body')?.model.year;
  if (outcome === 'fail' && rule.judgesYear && bodyYear) {
    outcome = 'uncertain';
    const note = fillMessage(NOTE_BODY_YEAR, { year: bodyYear });
    message = { zh: message.zh + note.zh, en: message.en + note.en };
  }
  if (outcome === 'uncertain') severity = capUncertain(severity);

  return {
    rule: rule.id,
    spec: rule.spec,
    outcome,
    messageId: ev.messageId,
    severity,
    message,
    cells,
    ...(ev.sentence ? { sentence: ev.sentence } : {}),
    ...(ev.expected !== undefined ? { expected: ev.expected } : {}),
    ...(ev.actual !== undefined ? { actual: ev.actual } : {}),
    fingerprint: fingerprint(rule.id, ev.place),
    ...formerFingerprint(rule.id, ev.place, ev.sentence?.text),
  };
}

/**
 * The fingerprint a text finding had before text places masked their numbers: its place with the
 * masked sentence put back verbatim. Given only when it differs, so the log can read a verdict
 * stored under it (utils/log/queries.ts verdictsOf).
 */
function formerFingerprint(ruleId: string, place: string, sentence: string | undefined) {
  if (!sentence) return {};
  const verbatim = legacyTextPlace(sentence);
  const masked = maskNumerals(verbatim);
  if (masked === verbatim || !place.includes(masked)) return {};
  return { formerFingerprint: fingerprint(ruleId, place.replace(masked, verbatim)) };
}

/**
 * One rule's evaluations as findings and counts, whichever runner asks (runRule here, the
 * cross-year checks in utils/audit/cross-year.ts): a throw is one uncertain info finding with
 * `crashed` as its message, no evaluation counts as not applicable, and each flagged one goes
 * through toFinding, vetted against the reports `vettedOf` names.
 */
export function tallyRule<E extends Evaluation>(
  rule: Pick<Rule, 'id' | 'spec' | 'severity' | 'messages' | 'reportsOnFlags' | 'judgesYear'>,
  evaluate: () => readonly E[],
  vettedOf: (ev: E & Flagged) => Vetted[],
  crashed: Localized = RULE_CRASHED,
): RuleRun {
  const counts = emptyCounts();
  let evaluations: readonly E[];
  try {
    evaluations = evaluate();
  } catch (e) {
    counts.uncertain++;
    const error = e instanceof Error ? e.message : String(e);
    return {
      counts,
      findings: [
        {
          rule: rule.id,
          spec: rule.spec,
          outcome: 'uncertain',
          messageId: 'crashed',
          severity: 'info',
          message: fillMessage(crashed, { rule: rule.id, error }),
          cells: [],
          fingerprint: fingerprint(rule.id, 'crashed'),
        },
      ],
    };
  }
  if (evaluations.length === 0) counts.notApplicable++;
  const findings: Finding[] = [];
  // named increments, not counts[outcome]++: a store keyed by a string per evaluation was the
  // runner's own largest cost
  for (const ev of evaluations) {
    if (!isFlagged(ev)) {
      if (ev.outcome === 'pass') counts.pass++;
      else counts.notApplicable++;
      continue;
    }
    const f = toFinding(rule, ev, vettedOf(ev));
    if (f.outcome === 'fail') counts.fail++;
    else counts.uncertain++;
    findings.push(f);
  }
  return { findings, counts };
}

/** One rule over a model that already went through inference. */
export function runRule(rule: Rule, model: ReportModel): RuleRun {
  if (!rule.formats.includes(model.format)) {
    const counts = emptyCounts();
    counts.notApplicable++;
    return { findings: [], counts };
  }
  return tallyRule(
    rule,
    () => rule.evaluate(model),
    (ev) => [{ model, cells: ev.cells }],
  );
}

/**
 * A rule's share of the budget's stride (256 units): the clock, a quarter of a microsecond a read in
 * Chromium, is read once every eight rules, not before each of the sixty-nine.
 */
const RULE_UNITS = 32;

/**
 * `inference` is inferT3(model), for a caller that also needs its steps (the auditor marks them).
 * `budget`: read once every eight rules; past it BudgetExceeded is thrown, never a partial audit (a
 * tally of some rules would read as a report that passed the others).
 */
export function runAudit(
  model: ReportModel,
  rules: readonly Rule[] = registry,
  inference: InferenceResult = inferT3(model),
  { budget }: { budget?: Budget } = {},
): AuditResult {
  const inferred = inference.model;
  const counts = emptyCounts();
  const findings: Finding[] = [];
  for (const rule of rules) {
    budget?.tick('rules', RULE_UNITS);
    const r = runRule(rule, inferred);
    for (const f of r.findings) findings.push(f);
    counts.pass += r.counts.pass;
    counts.fail += r.counts.fail;
    counts.uncertain += r.counts.uncertain;
    counts.notApplicable += r.counts.notApplicable;
  }
  return { format: model.format, findings, counts, figures: computeFigures(inferred) };
}

// ── Figures ───────────────────────────────────────────────────────────────────

/** A row's total: its TOT cell, or the sum of its parts when TOT is blank (上海 style); null if unknown. */
function t3RowTotal(model: ReportModel, row: string): number | null {
  const cell = getCell(model, t3(row, 'TOT'));
  if (!cell) return null;
  if (cell.value !== null && !hasFlag(cell, 'blank')) return cell.value;
  if (cell.value === null) return null;
  let sum = 0;
  for (const c of ['NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH']) {
    const v = getCell(model, t3(row, c))?.value;
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

function t4Block(model: ReportModel, block: string): { corrected: number; total: number } | null {
  const get = (c: string) => getCell(model, t4(block, c));
  const total = get('total');
  const corrected = get('corrected')?.value;
  if (!total || corrected === null || corrected === undefined) return null;
  if (total.value !== null && !hasFlag(total, 'blank')) return { corrected, total: total.value };
  if (total.value === null) return null;
  let sum = 0;
  for (const c of T4_COLS.filter((c) => c !== 'total')) {
    const v = get(c)?.value;
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return { corrected, total: sum };
}

const ratio = (num: number | null, den: number | null): number | null =>
  num === null || den === null || den === 0 ? null : num / den;

export function computeFigures(model: ReportModel): Figures {
  const handled = t3RowTotal(model, 'r7');
  const fresh = t3RowTotal(model, 'new');
  const carryIn = t3RowTotal(model, 'carryIn');
  const r1 = t3RowTotal(model, 'r1');
  const r2 = t3RowTotal(model, 'r2');
  const rev = t4Block(model, 'rev');
  const direct = t4Block(model, 'litDirect');
  const after = t4Block(model, 'litAfterRev');
  return {
    applicationsHandled: handled,
    applicationsTotal: fresh === null || carryIn === null ? null : fresh + carryIn,
    substantiveDisclosureRate: ratio(r1 === null || r2 === null ? null : r1 + r2, handled),
    reviewCorrectionRate: rev ? ratio(rev.corrected, rev.total) : null,
    litigationCorrectionRate:
      direct && after ? ratio(direct.corrected + after.corrected, direct.total + after.total) : null,
  };
}
