import type { z } from 'zod';
import { type Lang, type MessageKey, t } from '../i18n';
import type { ReportModel, TableId } from '../report/model';
import type * as S from './read-state-schema';
import type { Finding } from './result';

// What could be read of a report, once, for every view (badge, overlay, popup, log, CLI, export).
// A report whose tables or narrative could not be read is never shown as clean: "nothing found"
// only means something when there was something to look at.

export const READ_LEVELS = ['complete', 'partial', 'none'] as const;
export type ReadLevel = (typeof READ_LEVELS)[number];

/** How a table that should be there was not read: not on the page, an image/attachment, too large, partly. */
export const TABLE_READ_PROBLEMS = ['absent', 'not-in-dom', 'too-large', 'partial'] as const;

export type ReadReason = z.infer<typeof S.ReadReasonSchema>;
export type ReadState = z.infer<typeof S.ReadStateSchema>;

/** The tables a report of this format must have. */
function expectedTables(model: ReportModel): TableId[] {
  if (model.format === 'pre2019') return ['legacy'];
  return ['active', 'applications', 'reviews'];
}

function tableProblem(model: ReportModel, id: TableId): ReadReason | null {
  const info = model.tableInfo[id];
  if (!info.found) {
    const problem = info.reason === 'not-in-dom' || info.reason === 'too-large' ? info.reason : 'absent';
    return { kind: 'table', table: id, problem };
  }
  const rows = new Set([...info.missingRows, ...info.garbledRows]).size;
  if (!info.complete || rows > 0) return { kind: 'table', table: id, problem: 'partial', rows };
  return null;
}

/**
 * complete: every table of the format and the narrative were read; partial: some were not, or only
 * in part; none: no table of the format was read at all (or the page is no report).
 */
export function readState(model: ReportModel): ReadState {
  if (model.kind !== 'report') return { level: 'none', reasons: [] };
  const expected = expectedTables(model);
  const reasons: ReadReason[] = [];
  for (const id of expected) {
    const problem = tableProblem(model, id);
    if (problem) reasons.push(problem);
  }
  // The narrative is found when its section headings (一、总体情况 …) were; site chrome alone is no narrative.
  if (model.headings.length === 0) reasons.push({ kind: 'narrative' });
  const unread = reasons.filter((r) => r.kind === 'table' && r.problem !== 'partial').length;
  const level: ReadLevel = unread === expected.length ? 'none' : reasons.length ? 'partial' : 'complete';
  return { level, reasons };
}

// each language's own punctuation: an English line with a full-width colon reads as a typo
const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

/** One reason in words: 表三：未找到（可能是图片或附件）. */
export function describeReadReason(reason: ReadReason, lang: Lang): string {
  if (reason.kind === 'narrative') return t('readState.narrative', lang);
  const table = t(`table.${reason.table}` as MessageKey, lang);
  if (reason.problem === 'partial')
    return `${table}${colon(lang)}${t('readState.partialTable', lang, { rows: reason.rows ?? 0 })}`;
  return `${table}${colon(lang)}${t(`tableState.${reason.problem}` as MessageKey, lang)}`;
}

/** The state and its reasons in one line, for the CLI, the popup and export. */
export function describeReadState(state: ReadState, lang: Lang): string {
  const head = t(`readState.${state.level}` as MessageKey, lang);
  if (!state.reasons.length) return head;
  return `${head}${colon(lang)}${state.reasons.map((r) => describeReadReason(r, lang)).join(lang === 'zh' ? '；' : '; ')}`;
}

/** Errors proven on the page: what the action badge counts. */
export const errorCount = (findings: readonly Finding[]): number =>
  findings.filter((f) => f.outcome === 'fail' && f.severity === 'error').length;

export interface Badge {
  text: string;
  color: string;
}

/** The badge of a page that was not read (too large, out of time, a reader that failed): "?", never ✓. */
export const NOT_READ_BADGE: Badge = { text: '?', color: '#6b7280' };

/** Red with the count of errors; "?" when something could not be read; ✓ only for a clean report read whole. */
export function badgeOf(model: ReportModel | null, findings: readonly Finding[] | null): Badge | null {
  if (model?.kind !== 'report' || !findings) return null;
  const errors = errorCount(findings);
  if (errors) return { text: errors > 999 ? '999+' : String(errors), color: '#d92d20' };
  if (readState(model).level !== 'complete') return NOT_READ_BADGE;
  return { text: '✓', color: '#1b7f3b' };
}
