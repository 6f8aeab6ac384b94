import { percent } from '../utils/audit/figures';
import { GROUP_LABEL, GROUPS, groupOf } from '../utils/audit/group';
import { describeReadState, type ReadState, readState } from '../utils/audit/read-state';
import type { AuditResult, Counts, Figures, Finding } from '../utils/audit/result';
import { emptyCounts } from '../utils/audit/run';
import { type Lang, type MessageKey, t } from '../utils/i18n';
import { type ReportModel, TABLE_IDS } from '../utils/report/model';

// What the CLI prints: one object per input for --json, or a readable summary grouped by table.

export interface CliReport {
  source: string;
  isReport: boolean;
  kind: ReportModel['kind'];
  title: string | null;
  agency: string | null;
  year: number | null;
  publishedAt: string | null;
  format: ReportModel['format'];
  tables: ReportModel['tables'];
  findings: Finding[];
  counts: Counts;
  figures: Figures | null;
  /** what could be read of a report (utils/audit/read-state.ts); null for other pages */
  read: ReadState | null;
}

export function toCliReport(source: string, model: ReportModel, audit: AuditResult | null): CliReport {
  const isReport = model.kind === 'report';
  return {
    source,
    isReport,
    kind: model.kind,
    title: model.title,
    agency: model.agency,
    year: model.year,
    publishedAt: model.publishedAt,
    format: model.format,
    tables: isReport ? model.tables : { active: null, applications: null, reviews: null, legacy: null },
    findings: audit?.findings ?? [],
    counts: audit?.counts ?? emptyCounts(),
    figures: audit?.figures ?? null,
    read: isReport ? readState(model) : null,
  };
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

export function formatReadable(report: CliReport, model: ReportModel, lang: Lang): string {
  const lines: string[] = [`━━ ${report.source}`];
  if (report.title) lines.push(report.title);
  lines.push(
    [report.agency, report.year, t(`format.${report.format}` as MessageKey, lang), report.publishedAt]
      .filter((x) => x !== null && x !== undefined)
      .join(' · '),
  );
  lines.push(
    TABLE_IDS.filter((id) => model.tableInfo[id].found || id !== 'legacy')
      .map((id) => {
        const info = model.tableInfo[id];
        const state = info.found
          ? info.complete
            ? 'complete'
            : 'partial'
          : info.reason === 'not-in-dom'
            ? 'not-in-dom'
            : 'absent';
        return `${t(`table.${id}` as MessageKey, lang)}：${t(`tableState.${state}` as MessageKey, lang)}`;
      })
      .join(' · '),
  );
  if (report.read && report.read.level !== 'complete')
    lines.push(`? ${describeReadState(report.read, lang)}`);
  const bySeverity = (s: string) =>
    report.findings.filter((f) => f.outcome === 'fail' && f.severity === s).length;
  lines.push(
    report.findings.length
      ? t('summary.counts', lang, {
          error: bySeverity('error'),
          warning: bySeverity('warning'),
          info: bySeverity('info'),
          uncertain: report.counts.uncertain,
          pass: report.counts.pass,
          na: report.counts.notApplicable,
        })
      : report.read && report.read.level !== 'complete'
        ? t('readState.notClean', lang)
        : t('summary.clean', lang),
  );
  if (report.figures) {
    const f = report.figures;
    lines.push(
      [
        `${t('figure.handled', lang)} ${f.applicationsHandled ?? '—'}`,
        `${t('figure.substantive', lang)} ${percent(f.substantiveDisclosureRate)}`,
        `${t('figure.reviewCorrection', lang)} ${percent(f.reviewCorrectionRate)}`,
        `${t('figure.litigationCorrection', lang)} ${percent(f.litigationCorrectionRate)}`,
      ].join(' · '),
    );
  }
  for (const group of GROUPS) {
    const findings = report.findings.filter((f) => groupOf(f) === group);
    if (!findings.length) continue;
    lines.push(`  【${t(GROUP_LABEL[group], lang)}】`);
    for (const f of findings) {
      const mark = f.outcome === 'uncertain' ? '?' : MARK[f.severity];
      const label =
        f.outcome === 'uncertain' ? t('outcome.uncertain', lang) : t(`severity.${f.severity}`, lang);
      lines.push(`  ${mark} ${label} ${f.spec}  ${f.message[lang]}`);
      if (f.sentence) lines.push(`      「${f.sentence.text}」`);
      if (f.cells.length) lines.push(`      ${f.cells.join(', ')}`);
    }
  }
  return lines.join('\n');
}
