import type { MessageKey } from '../i18n';
import { parseAddress } from '../report/model';
import type { Finding } from './result';

// Which part of the report a finding is about, in the order of the report: the one grouping the
// CLI, the overlay's panel and the log's detail all list findings by.

export const GROUPS = ['active', 'applications', 'reviews', 'legacy', 'text', 'format', 'crossYear'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_LABEL: Record<Group, MessageKey> = {
  format: 'table.format',
  active: 'table.active',
  applications: 'table.applications',
  reviews: 'table.reviews',
  legacy: 'table.legacy',
  text: 'table.text',
  crossYear: 'table.crossYear',
};

const SPEC_GROUP: [RegExp, Group][] = [
  // T4-04 compares with last year's report, so it stands with the cross-year checks.
  [/^XYR-|^T4-04$/, 'crossYear'],
  [/^T2-/, 'active'],
  [/^T3-/, 'applications'],
  [/^T4-/, 'reviews'],
  [/^S17-/, 'legacy'],
  [/^(TXT|ARI)-/, 'text'],
  [/^FMT-/, 'format'],
];
const TABLES = new Set<string>(['active', 'applications', 'reviews', 'legacy']);

/** The finding's catalogue section, else the table of its first cell, else the narrative or the format. */
export function groupOf(f: Pick<Finding, 'spec' | 'cells' | 'sentence'>): Group {
  for (const [re, group] of SPEC_GROUP) if (re.test(f.spec)) return group;
  const table = parseAddress(f.cells[0] ?? '')?.table;
  if (table && TABLES.has(table)) return table as Group;
  return f.sentence ? 'text' : 'format';
}
