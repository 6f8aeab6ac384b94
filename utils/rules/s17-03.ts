import type { LegacyRow, ReportModel } from '../report/model';
import { getCell, labelsOf, loc, sumOf, termsInWords } from './lib/cells';
import { UNREADABLE } from './lib/identity';
import { childrenOf, indicatorRows, labelOf, legacyAddr, scopeOf } from './lib/legacy';
import type { Evaluation, Rule } from './types';

// Subsets across blocks of the 政务公开情况统计表 (seed 002 template, report-formats.md §3):
//   一（二）“主动公开”和“删减后公开”公文类信息公开数量 ≤ 一（一）标注为主动公开 + 删减后公开
//   二（一）主动公开的政策性文件数量               ≤ 一（一）标注为主动公开 + 删减后公开
// and the same for the 下属单位 blocks (一（五）, 二（二） against 一（四）).
// Subsets inside one 其中 list (规范性文件 主动公开 ≤ 规范性文件; 解读 ≤ 政策性文件) are S17-02's.

const DOCS = /制发的?公文(总数|数量)$/;
const PUBLISHED = /主动公开.*删减后公开.*公开数量/;
const POLICY = /主动公开的?政策性文件/;

const find = (rows: LegacyRow[], re: RegExp, scope: 'own' | 'sub') =>
  rows.find((r) => re.test(labelOf(r)) && scopeOf(r) === scope);

/** The 主动公开 and 删减后公开 children of the scope's 公文总数 row. */
function publicDocs(model: ReportModel, scope: 'own' | 'sub'): string[] | null {
  const docs = find(indicatorRows(model), DOCS, scope);
  if (!docs) return null;
  const kids = childrenOf(model, docs.key);
  const active = kids.find((k) => /^标注为主动公开/.test(labelOf(k)));
  const redacted = kids.find((k) => /^标注为删减后公开/.test(labelOf(k)));
  if (!active) return null;
  return [active, ...(redacted ? [redacted] : [])].map((k) => legacyAddr(model, k.key));
}

export const s1703: Rule = {
  id: 'S17-03',
  spec: 'S17-03',
  severity: 'error',
  formats: ['pre2019'],
  title: {
    zh: '统计表跨块子集：公开数量、政策性文件不多于标注为公开的公文',
    en: 'Statistics table across blocks: published and policy documents do not exceed documents marked public',
  },
  description: {
    zh: '公开的公文类信息、主动公开的政策性文件，都来自标注为“主动公开”或“删减后公开”的公文，因此都不能多于这两类公文之和（本部门与下属单位分别核对）。',
    en: 'Published documents and proactively disclosed policy documents all come from documents marked 主动公开 or 删减后公开, so neither can exceed those two together (checked separately for the body and its subordinate units).',
  },
  messages: {
    exceeds: {
      zh: '“{subset}”为 {value}，多于标注为主动公开和删减后公开的公文之和 {bound}（{terms}）',
      en: '“{subset}” is {value}, more than the documents marked public or public-after-redaction, {bound} ({terms})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const rows = indicatorRows(model);
    const out: Evaluation[] = [];
    for (const scope of ['own', 'sub'] as const) {
      const bound = publicDocs(model, scope);
      if (!bound) continue;
      for (const re of [PUBLISHED, POLICY]) {
        const row = find(rows, re, scope);
        if (!row) continue;
        const a = legacyAddr(model, row.key);
        const place = `${scope}:${row.key}`;
        const b = sumOf(model, bound);
        const v = sumOf(model, [a]);
        if (b.unknown.length || v.unknown.length) {
          const unknown = [...v.unknown, ...b.unknown];
          out.push({
            outcome: 'uncertain',
            messageId: 'unreadable',
            data: loc('cells', labelsOf(model, unknown)),
            cells: [a, ...bound],
            place,
          });
          continue;
        }
        if (v.value <= b.value) {
          out.push({ outcome: 'pass', place });
          continue;
        }
        out.push({
          outcome: 'fail',
          messageId: 'exceeds',
          data: {
            subset: row.label,
            value: getCell(model, a)!.value!,
            bound: b.value,
            ...loc('terms', termsInWords(model, bound, undefined, true)),
          },
          cells: [a, ...bound],
          expected: b.value,
          actual: v.value,
          place,
        });
      }
    }
    return out;
  },
};
