import { GROUP_LABEL, GROUPS, groupOf } from '@/utils/audit/group';
import type { Finding } from '@/utils/audit/result';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import type { AuditRecord, Evidence, Verdict } from '@/utils/log/schema';
import { formatTime } from '@/utils/log/time';
import { cellLabel } from '@/utils/rules/labels';
import { getCell } from '@/utils/rules/lib/cells';

// The audit memo: one report's audit as a page an inspector prints (or saves as PDF) and attaches to
// a deduction or a rectification notice (整改通知): the report's identity and link, the findings
// grouped as in the panel with their arithmetic and cells, the reviewer's verdicts and notes, and
// the evidence screenshots. Presentational: the memo page reads the log and passes it in.

export interface MemoProps {
  lang: Lang;
  record: AuditRecord;
  verdicts: readonly Verdict[];
  evidence: readonly Evidence[];
  /** when the memo was made, epoch ms */
  now: number;
  onPrint?(): void;
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

function FindingMemo(props: {
  lang: Lang;
  record: AuditRecord;
  finding: Finding;
  verdict?: Verdict;
  evidence: Evidence[];
}) {
  const { lang, record, finding: f, verdict } = props;
  const colon = lang === 'zh' ? '：' : ': ';
  const severity =
    f.outcome === 'uncertain' ? t('outcome.uncertain', lang) : t(`severity.${f.severity}`, lang);
  return (
    <li class={`finding ${f.outcome === 'uncertain' ? 'uncertain' : f.severity}`} data-spec={f.spec}>
      <p class="head">
        <span class="mark">{f.outcome === 'uncertain' ? '?' : MARK[f.severity]}</span> {severity} · {f.spec}
      </p>
      <p class="message">{f.message[lang]}</p>
      {f.sentence ? <p class="sentence">「{f.sentence.text}」</p> : null}
      {f.cells.length ? (
        <p class="cells">
          {t('memo.cells', lang)}
          {colon}
          {f.cells
            .map((a) => {
              const cell = getCell(record.model, a);
              const label = cellLabel(a, record.model.legacyRows)[lang];
              return cell ? `${label} = ${cell.raw === '' ? '（空）' : cell.raw}` : label;
            })
            .join(lang === 'zh' ? '；' : '; ')}
        </p>
      ) : null}
      <p class="verdict">
        {t('memo.verdict', lang)}
        {colon}
        {verdict?.verdict
          ? t(`log.verdict.${verdict.verdict}` as MessageKey, lang)
          : t('memo.unreviewed', lang)}
        {verdict?.note ? (
          <>
            {' '}
            · {t('memo.note', lang)}
            {colon}
            {verdict.note}
          </>
        ) : null}
      </p>
      {props.evidence.map((e) => (
        <figure key={e.id} class="evidence">
          {e.screenshot ? <img src={e.screenshot} alt={t('memo.evidence', lang)} /> : null}
          <figcaption>
            {t('memo.evidence', lang)} · {formatTime(e.capturedAt)}
            {e.cells.length
              ? ` · ${e.cells.map((c) => `${cellLabel(c.address, record.model.legacyRows)[lang]}「${c.text}」`).join(' ')}`
              : ''}
          </figcaption>
        </figure>
      ))}
    </li>
  );
}

export function Memo({ lang, record, verdicts, evidence, now, onPrint }: MemoProps) {
  const byFingerprint = new Map(verdicts.map((v) => [v.fingerprint, v]));
  const groups = GROUPS.map((group) => ({
    group,
    findings: record.findings.filter((f) => groupOf(f) === group),
  })).filter((g) => g.findings.length);
  const count = (severity: Finding['severity']) =>
    record.findings.filter((f) => f.outcome === 'fail' && f.severity === severity).length;
  return (
    <article class="memo" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {onPrint ? (
        <button type="button" name="print" class="no-print" onClick={onPrint}>
          {t('memo.print', lang)}
        </button>
      ) : null}
      <h1>{t('memo.title', lang)}</h1>
      <table class="identity">
        <tbody>
          <tr>
            <th>{t('memo.report', lang)}</th>
            <td>{record.title ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('log.detail.agency', lang)}</th>
            <td>{record.agency ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('log.filter.year', lang)}</th>
            <td>{record.year ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('log.filter.format', lang)}</th>
            <td>{t(`format.${record.format}` as MessageKey, lang)}</td>
          </tr>
          <tr>
            <th>{t('log.detail.published', lang)}</th>
            <td>{record.publishedAt ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('memo.link', lang)}</th>
            <td>
              <a href={record.url}>{record.url}</a>
            </td>
          </tr>
          <tr>
            <th>{t('memo.summary', lang)}</th>
            <td class="summary">
              {record.findings.length
                ? t('summary.counts', lang, {
                    error: count('error'),
                    warning: count('warning'),
                    info: count('info'),
                    uncertain: record.findings.filter((f) => f.outcome === 'uncertain').length,
                    pass: record.counts.pass,
                    na: record.counts.notApplicable,
                  })
                : t('summary.clean', lang)}
            </td>
          </tr>
        </tbody>
      </table>
      {groups.map((g) => (
        <section key={g.group} class="group" data-group={g.group}>
          <h2>{t(GROUP_LABEL[g.group], lang)}</h2>
          <ol>
            {g.findings.map((f) => (
              <FindingMemo
                key={f.fingerprint}
                lang={lang}
                record={record}
                finding={f}
                verdict={byFingerprint.get(f.fingerprint)}
                evidence={evidence.filter((e) => e.fingerprint === f.fingerprint)}
              />
            ))}
          </ol>
        </section>
      ))}
      <footer>
        {t('memo.generated', lang, {
          version: record.extensionVersion,
          time: formatTime(now),
          audited: formatTime(record.auditedAt),
        })}
      </footer>
    </article>
  );
}
