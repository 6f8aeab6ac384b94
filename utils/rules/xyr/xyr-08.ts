import { fingerprint } from '../../audit/fingerprint';
import { fillMessage } from '../../audit/message';
import type { Finding, Localized } from '../../audit/result';
import { type CellChange, diffTables } from '../../report/content';
import type { ReportModel } from '../../report/model';
import { formatTime } from '../../time';
import { cellLabel } from '../labels';
import { fmtNum } from '../lib/cells';

// XYR-08, changed after publication: the same page's tables differ from an earlier audit of it.
// Not a rule over two years but over two versions of one page; the log supplies the earlier
// version (its tables, when and as which version it was audited) and keeps the change it finds.

/** An earlier audit of the page, as the log has it. */
export interface TableVersion {
  id: string;
  version: number;
  /** epoch ms */
  auditedAt: number;
  /** utils/report/content.ts contentHash of its tables */
  contentHash: string;
}

/** What XYR-08 found: the earlier version, and every cell whose number differs. */
export interface TableChange {
  previous: TableVersion;
  cells: CellChange[];
}

const MESSAGE: Localized = {
  zh: '本页表格与 {date} 的审核（第 {version} 版）不同：{count} 个单元格的数字有变化，如 {examples}',
  en: 'The tables differ from the audit of {date} (version {version}): {count} cells changed, e.g. {examples}',
};

const shownValue = (v: { raw: string; value: number | null } | null, lang: 'zh' | 'en'): string =>
  v === null ? (lang === 'zh' ? '（无）' : '(none)') : v.value === null ? `“${v.raw}”` : fmtNum(v.value);

/** The cells of `current` whose numbers differ from those of the earlier version's tables. */
export function tableChange(
  previous: TableVersion,
  previousTables: ReportModel['tables'],
  current: ReportModel['tables'],
): TableChange {
  return { previous, cells: diffTables(previousTables, current) };
}

/**
 * The finding for a change: one per pair of versions (fingerprinted by both content hashes), so a
 * verdict on one republication does not cover the next. `hash` is the current tables' contentHash.
 */
export function changeFinding(change: TableChange, model: ReportModel, hash: string): Finding {
  const examples = change.cells.slice(0, 3);
  const words = (lang: 'zh' | 'en') =>
    examples
      .map(
        (c) =>
          `${cellLabel(c.address, model.legacyRows)[lang]} ${shownValue(c.before, lang)} → ${shownValue(c.after, lang)}`,
      )
      .join(lang === 'zh' ? '；' : '; ') +
    (change.cells.length > examples.length ? (lang === 'zh' ? '等' : ' …') : '');
  return {
    rule: 'XYR-08',
    spec: 'XYR-08',
    outcome: 'fail',
    messageId: 'changed',
    severity: 'info',
    message: fillMessage(MESSAGE, {
      date: formatTime(change.previous.auditedAt, false),
      version: change.previous.version,
      count: change.cells.length,
      examples_zh: words('zh'),
      examples_en: words('en'),
    }),
    cells: change.cells.filter((c) => c.after !== null).map((c) => c.address),
    fingerprint: fingerprint('XYR-08', `${change.previous.contentHash}>${hash}`),
  };
}
