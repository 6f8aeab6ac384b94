import type { LegacyRow, ReportModel } from '../../report/model';
import { cellAddress } from '../../report/model';
import { perModel } from './memo';

// Pre-2019 indicator tables (统计指标 | 单位 | 汇总数): one value per row, rows linked to their 其中
// parent by model.legacyRows. Rules find rows by the words of their labels.

/** Label for matching: no spaces, no ordinal, ASCII-ish quotes and parentheses. */
export const normLabel = (label: string): string =>
  label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"＂「」]/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^\(?[一二三四五六七八九十]+[)、.]|^\d+[.、]/, '');

const ROW_LABELS = new WeakMap<LegacyRow, string>();

/** A row's label for matching (normLabel), once per row however many rules and patterns try it. */
export function labelOf(row: LegacyRow): string {
  let label = ROW_LABELS.get(row);
  if (label === undefined) {
    label = normLabel(row.label);
    ROW_LABELS.set(row, label);
  }
  return label;
}

/** Address of a legacy row's value cell (its only column). */
export function legacyAddr(model: ReportModel, key: string): string {
  const row = model.tables.legacy?.[key];
  const col = row ? ('value' in row ? 'value' : (Object.keys(row)[0] ?? 'value')) : 'value';
  return cellAddress('legacy', key, col);
}

export const indicatorRows = (model: ReportModel): LegacyRow[] => model.legacyRows.filter((r) => !r.heading);

/** Each row's 其中 children (headings aside), grouped once per model: several S17 rules ask. */
const childrenByParent = perModel((model) => {
  const out = new Map<string, LegacyRow[]>();
  for (const r of model.legacyRows) {
    if (r.heading || typeof r.parent !== 'string') continue;
    const kids = out.get(r.parent);
    if (kids) kids.push(r);
    else out.set(r.parent, [r]);
  }
  return out;
});

export const childrenOf = (model: ReportModel, key: string): readonly LegacyRow[] =>
  childrenByParent(model).get(key) ?? [];

/** Rows that have 其中 children. */
export const parents: (model: ReportModel) => readonly LegacyRow[] = perModel((model) =>
  indicatorRows(model).filter((r) => childrenOf(model, r.key).length > 0),
);

/** 本部门 (own) or 下属单位 (subordinate units). */
export const scopeOf = (row: LegacyRow): 'own' | 'sub' => (/下属单位/.test(row.label) ? 'sub' : 'own');

/** Each pattern matched by exactly one child, every child matched by exactly one pattern. */
export function matchExactly(rows: readonly LegacyRow[], patterns: readonly RegExp[]): LegacyRow[] | null {
  if (rows.length !== patterns.length) return null;
  const used = new Set<string>();
  const ordered: LegacyRow[] = [];
  for (const p of patterns) {
    const hits = rows.filter((r) => p.test(labelOf(r)) && !used.has(r.key));
    if (hits.length !== 1) return null;
    used.add(hits[0]!.key);
    ordered.push(hits[0]!);
  }
  return ordered;
}

/** 申请办结数量 / 申请答复数量 under 收到申请数量 (S17-05, not S17-02). */
export const isApplicationFollowUp = (parent: LegacyRow, child: LegacyRow): boolean =>
  /收到申请|申请(总)?数/.test(labelOf(parent)) && /办结|答复/.test(labelOf(child));
