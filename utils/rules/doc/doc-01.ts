import type { Localized, Severity } from '../../audit/result';
import { cellAddress, type ReportModel, TABLE_IDS } from '../../report/model';
import { cellLabel } from '../labels';
import { fmtNum, loc } from '../lib/cells';
import type { Evaluation } from '../types';

// DOC-01: the same report published twice — as the article's HTML tables and as an attachment
// (PDF, Word, text) — must give the same numbers. A rule over TWO models, so it is not in the
// single-report registry (utils/rules/index.ts) nor in the spec's catalogue: the viewer runs it
// (utils/audit/versions.ts) when the page the attachment came from has tables of its own.
//
// Cells are compared where both versions read a value. A cell that is a guess in either version
// (inferred, garbled, approximate) makes the difference uncertain, never an error (run.ts's policy,
// applied to both models by the runner). A table read in one version only is a note: the reader
// may have missed it, so it says so and proves nothing.

export interface VersionsRule {
  id: string;
  spec: string;
  severity: Severity;
  title: Localized;
  description: Localized;
  messages: Record<string, Localized>;
  /** `attachment` is the file's model (its cells are the ones drawn), `page` the HTML page's */
  evaluate(attachment: ReportModel, page: ReportModel): Evaluation[];
}

const TABLE_NAMES: Record<string, Localized> = {
  active: { zh: '表二', en: 'Table 2' },
  applications: { zh: '表三', en: 'Table 3' },
  reviews: { zh: '表四', en: 'Table 4' },
  legacy: { zh: '统计表', en: 'the statistics table' },
};

export const doc01: VersionsRule = {
  id: 'DOC-01',
  spec: 'DOC-01',
  severity: 'error',
  title: {
    zh: '网页版与附件版的表格数字一致',
    en: 'The web page and the attachment give the same table values',
  },
  description: {
    zh: '同一份年度报告既以网页发布又附有 PDF、Word 或文本附件时，两个版本表格中的每个数字都应相同。',
    en: 'When the same annual report is published as a web page and as a PDF, Word or text attachment, every number of their tables should be the same.',
  },
  messages: {
    differs: {
      zh: '{cell}：网页版为 {page}，附件版为 {attachment}（差 {diff}）',
      en: '{cell}: the web page gives {page}, the attachment {attachment} (off by {diff})',
    },
    onlyInOne: {
      zh: '{table}只在{where}中读到，无法比较两个版本',
      en: '{table} was read only in {where}; the two versions cannot be compared there',
    },
  },
  evaluate(attachment, page) {
    const out: Evaluation[] = [];
    for (const id of TABLE_IDS) {
      const a = attachment.tables[id];
      const p = page.tables[id];
      if (!a && !p) continue;
      if (!a || !p) {
        out.push({
          outcome: 'uncertain',
          severity: 'info',
          messageId: 'onlyInOne',
          data: {
            ...loc('table', TABLE_NAMES[id]!),
            ...loc(
              'where',
              a ? { zh: '附件版', en: 'the attachment' } : { zh: '网页版', en: 'the web page' },
            ),
          },
          cells: [],
          place: `${id}:one-version`,
        });
        continue;
      }
      for (const [row, cols] of Object.entries(a)) {
        for (const [col, cell] of Object.entries(cols)) {
          const other = p[row]?.[col];
          if (cell.value === null || other?.value === null || other === undefined) continue;
          const address = cellAddress(id, row, col);
          if (cell.value === other.value) {
            out.push({ outcome: 'pass', place: address });
            continue;
          }
          out.push({
            outcome: 'fail',
            messageId: 'differs',
            data: {
              ...loc('cell', cellLabel(address, attachment.legacyRows)),
              page: fmtNum(other.value),
              attachment: fmtNum(cell.value),
              diff: fmtNum(Math.abs(cell.value - other.value)),
            },
            cells: [address],
            expected: other.value,
            actual: cell.value,
            place: address,
          });
        }
      }
    }
    return out;
  },
};
