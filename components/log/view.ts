import type { Finding } from '@/utils/audit/result';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import { isCrossYearFinding } from '@/utils/log/cross-year';
import type { RecordSummary, SeverityCounts } from '@/utils/log/schema';
import { formatTime } from '@/utils/log/time';
import type { Format } from '@/utils/report/model';

// What the log views work out from plain data (no DOM): a record's status colour, the groups of a
// record's findings, and the labels they print. Tested with plain data.

export type Status = 'error' | 'warning' | 'info' | 'clean';

export function statusOf(s: SeverityCounts): Status {
  if (s.error > 0) return 'error';
  if (s.warning > 0) return 'warning';
  if (s.info > 0) return 'info';
  return 'clean';
}

/** Detail sections, in the order of the report; cross-year findings apart, with XYR-08. */
export const GROUPS = ['active', 'applications', 'reviews', 'legacy', 'text', 'format', 'crossYear'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_LABEL: Record<Group, MessageKey> = {
  active: 'table.active',
  applications: 'table.applications',
  reviews: 'table.reviews',
  legacy: 'table.legacy',
  text: 'table.text',
  format: 'table.format',
  crossYear: 'log.group.crossYear',
};

const SPEC_GROUP: [RegExp, Group][] = [
  [/^T2-/, 'active'],
  [/^T3-/, 'applications'],
  [/^T4-/, 'reviews'],
  [/^S17-/, 'legacy'],
  [/^(TXT|ARI)-/, 'text'],
  [/^FMT-/, 'format'],
];
const TABLES = new Set<string>(['active', 'applications', 'reviews', 'legacy']);

export function groupOf(f: Finding): Group {
  if (isCrossYearFinding(f) || f.spec === 'XYR-08') return 'crossYear';
  for (const [re, group] of SPEC_GROUP) if (re.test(f.spec)) return group;
  const table = f.cells[0]?.split('/')[0];
  if (table && TABLES.has(table)) return table as Group;
  return f.sentence ? 'text' : 'format';
}

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Findings by section, worst first inside each; empty sections left out. */
export function groupFindings(findings: readonly Finding[]): { group: Group; findings: Finding[] }[] {
  const by = new Map<Group, Finding[]>();
  for (const f of findings) {
    const g = groupOf(f);
    by.set(g, [...(by.get(g) ?? []), f]);
  }
  return GROUPS.filter((g) => by.has(g)).map((group) => ({
    group,
    findings: [...by.get(group)!].sort(
      (a, b) =>
        RANK[a.severity]! - RANK[b.severity]! ||
        Number(a.outcome === 'uncertain') - Number(b.outcome === 'uncertain'),
    ),
  }));
}

export const formatLabel = (f: Format, lang: Lang): string => t(`format.${f}`, lang);

export const yearLabel = (year: number | null, lang: Lang): string =>
  year === null ? '—' : t('log.yearValue', lang, { year });

export const titleOf = (r: Pick<RecordSummary, 'title' | 'agency'>, lang: Lang): string =>
  r.title ?? r.agency ?? t('log.untitled', lang);

export const timeLabel = (ms: number): string => formatTime(ms, false);
