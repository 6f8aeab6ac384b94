import type { ReadState } from '@/utils/audit/read-state';
import type { Finding } from '@/utils/audit/result';
import { type Lang, t } from '@/utils/i18n';
import type { RecordSummary, SeverityCounts } from '@/utils/log/schema';
import { formatTime } from '@/utils/log/time';
import type { Format } from '@/utils/report/model';
import { GROUPS, type Group, groupOf } from '../../utils/audit/group';

// What the log views work out from plain data (no DOM): a record's status colour, the groups of a
// record's findings, and the labels they print. Tested with plain data.

export type Status = 'error' | 'warning' | 'info' | 'unread' | 'clean';

/** The worst of the findings; a record with nothing found but not read whole is 'unread', never 'clean'. */
export function statusOf(s: SeverityCounts, read?: ReadState): Status {
  if (s.error > 0) return 'error';
  if (s.warning > 0) return 'warning';
  if (read && read.level !== 'complete') return 'unread';
  if (s.info > 0) return 'info';
  return 'clean';
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
