import { useState } from 'preact/hooks';
import { GROUP_LABEL } from '@/utils/audit/group';
import { describeReadState, readState } from '@/utils/audit/read-state';
import type { Finding } from '@/utils/audit/result';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import type { RecordDetail as Detail } from '@/utils/log/queries';
import type { Evidence, RecordSummary, TableChange, Verdict, VerdictValue } from '@/utils/log/schema';
import { cellLabel } from '@/utils/rules/labels';
import { toneOf } from '../overlay/findings';
import { formatLabel, groupFindings, statusOf, timeLabel, titleOf, yearLabel } from './view';

// One record in the popup: what was audited, the findings grouped by table with their arithmetic,
// the reviewer's verdict buttons (确认 / 误报) and note, evidence, a link back to the page, the
// page's history, the previous year's record and the cross-year findings, and the XYR-08 change
// with both versions' numbers. Presentational: data in as props, every action out as a callback.

export interface RecordDetailProps {
  lang: Lang;
  detail: Detail;
  /** a verdict button was pressed; null when the pressed verdict was taken back */
  onVerdict(finding: Finding, verdict: VerdictValue | null): void;
  /** the note of a finding was edited (on blur) */
  onNote(finding: Finding, note: string): void;
  /** open another record: the previous year's or another version */
  onOpenRecord(id: string): void;
  /** open the page (the popup re-opens it with the overlay); a plain link when absent */
  onOpenPage?(url: string): void;
  onBack?(): void;
  /** delete this record, after the user confirmed */
  onDelete?(id: string): void;
  /** capture a screenshot and the cells' text as evidence for a finding */
  onCaptureEvidence?(finding: Finding): void;
  /** open this record's printable audit memo (entrypoints/memo) */
  onMemo?(id: string): void;
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

function FindingItem(props: {
  lang: Lang;
  finding: Finding;
  verdict: Verdict | undefined;
  evidence: Evidence[];
  legacy: Detail['record']['model']['legacyRows'];
  onVerdict: RecordDetailProps['onVerdict'];
  onNote: RecordDetailProps['onNote'];
  onCaptureEvidence?: RecordDetailProps['onCaptureEvidence'];
}) {
  const { lang, finding: f, verdict } = props;
  const current = verdict?.verdict ?? null;
  const press = (v: VerdictValue) => props.onVerdict(f, current === v ? null : v);
  return (
    <li
      class={`finding tone-${toneOf(f)}${current ? ` verdict-${current}` : ''}`}
      data-fingerprint={f.fingerprint}
    >
      <div class="finding-head">
        <span class={`badge ${f.severity}`}>{t(`severity.${f.severity}`, lang)}</span>
        {f.outcome === 'uncertain' ? (
          <span class="badge uncertain">{t('outcome.uncertain', lang)}</span>
        ) : null}
        <span class="spec">{f.spec}</span>
      </div>
      <p class="message">{f.message[lang]}</p>
      {f.expected !== undefined && f.actual !== undefined ? (
        <p class="arithmetic">
          {t('log.detail.expectedActual', lang, { expected: f.expected, actual: f.actual })}
        </p>
      ) : null}
      {f.cells.length ? (
        <p class="cells">
          {f.cells.map((a) => cellLabel(a, props.legacy)[lang]).join(lang === 'zh' ? '、' : ', ')}
        </p>
      ) : null}
      <fieldset class="verdict">
        <button
          type="button"
          name="confirm"
          aria-pressed={current === 'confirmed'}
          onClick={() => press('confirmed')}
        >
          {t('log.verdict.confirm', lang)}
        </button>
        <button
          type="button"
          name="dismiss"
          aria-pressed={current === 'dismissed'}
          onClick={() => press('dismissed')}
        >
          {t('log.verdict.dismiss', lang)}
        </button>
        {props.onCaptureEvidence ? (
          <button type="button" name="capture" onClick={() => props.onCaptureEvidence?.(f)}>
            {t('log.evidence.capture', lang)}
          </button>
        ) : null}
      </fieldset>
      <label class="note">
        <span>{t('log.verdict.note', lang)}</span>
        <textarea
          name="note"
          rows={2}
          placeholder={t('log.verdict.notePlaceholder', lang)}
          defaultValue={verdict?.note ?? ''}
          onBlur={(e) => {
            const note = (e.currentTarget as HTMLTextAreaElement).value;
            if (note !== (verdict?.note ?? '')) props.onNote(f, note);
          }}
        />
      </label>
      {props.evidence.length ? (
        <EvidenceList lang={lang} evidence={props.evidence} legacy={props.legacy} />
      ) : null}
    </li>
  );
}

function EvidenceList({
  lang,
  evidence,
  legacy,
}: {
  lang: Lang;
  evidence: Evidence[];
  legacy: Detail['record']['model']['legacyRows'];
}) {
  return (
    <div class="evidence">
      <h4>{t('log.evidence.title', lang)}</h4>
      {evidence.map((e) => (
        <figure key={e.id} data-evidence={e.id}>
          {e.screenshot ? <img src={e.screenshot} alt={t('log.evidence.screenshot', lang)} /> : null}
          <figcaption>
            <span class="evidence-time">{t('log.evidence.at', lang, { time: timeLabel(e.capturedAt) })}</span>
            {e.cells.length ? (
              <span class="evidence-cells">
                {t('log.evidence.cells', lang)}：
                {e.cells
                  .map((c) => `${cellLabel(c.address, legacy)[lang]} “${c.text}”`)
                  .join(lang === 'zh' ? '；' : '; ')}
              </span>
            ) : null}
            {e.sentence ? (
              <span class="evidence-sentence">
                {t('log.evidence.sentence', lang)}：“{e.sentence}”
              </span>
            ) : null}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

function Change({
  lang,
  change,
  legacy,
}: {
  lang: Lang;
  change: TableChange;
  legacy: Detail['record']['model']['legacyRows'];
}) {
  const shown = (v: { raw: string; value: number | null } | null) =>
    v === null ? t('log.detail.change.none', lang) : v.value === null ? `“${v.raw}”` : num(v.value);
  return (
    <div class="change">
      <h4>
        {t('log.detail.change', lang, {
          date: timeLabel(change.previous.auditedAt),
          version: change.previous.version,
        })}
      </h4>
      <table>
        <thead>
          <tr>
            <th>{t('log.detail.change.cell', lang)}</th>
            <th>{t('log.detail.change.before', lang)}</th>
            <th>{t('log.detail.change.after', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {change.cells.map((c) => (
            <tr key={c.address} data-address={c.address}>
              <td>{cellLabel(c.address, legacy)[lang]}</td>
              <td class="before">{shown(c.before)}</td>
              <td class="after">{shown(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviousYear({
  lang,
  previous,
  onOpenRecord,
}: {
  lang: Lang;
  previous: RecordSummary | null;
  onOpenRecord(id: string): void;
}) {
  if (!previous) return <p class="no-previous">{t('log.detail.noPreviousYear', lang)}</p>;
  return (
    <p class="previous-year">
      <span>{t('log.detail.previousYear', lang)}：</span>
      <button
        type="button"
        name="previous-year"
        data-id={previous.id}
        onClick={() => onOpenRecord(previous.id)}
      >
        {titleOf(previous, lang)}（{yearLabel(previous.year, lang)}）
      </button>
      <span class={`dot ${statusOf(previous.severities)}`} />
    </p>
  );
}

export function RecordDetail(props: RecordDetailProps) {
  const { lang, detail } = props;
  const { record } = detail;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const groups = groupFindings(record.findings);
  const cross = groups.find((g) => g.group === 'crossYear');
  const tables = groups.filter((g) => g.group !== 'crossYear');
  const read = record.read ?? readState(record.model);
  const status = statusOf(record.severities, read);
  const legacy = record.model.legacyRows;
  const evidenceOf = (f: Finding) => detail.evidence.filter((e) => e.fingerprint === f.fingerprint);
  const item = (f: Finding) => (
    <FindingItem
      key={f.fingerprint}
      lang={lang}
      finding={f}
      verdict={detail.verdicts[f.fingerprint]}
      evidence={evidenceOf(f)}
      legacy={legacy}
      onVerdict={props.onVerdict}
      onNote={props.onNote}
      onCaptureEvidence={props.onCaptureEvidence}
    />
  );

  return (
    <article class={`record-detail status-${status}`} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {props.onBack ? (
        <button type="button" name="back" onClick={props.onBack}>
          {t('log.detail.back', lang)}
        </button>
      ) : null}
      <header>
        <h2>{titleOf(record, lang)}</h2>
        <a
          class="open-page"
          href={record.url}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(e) => {
            if (!props.onOpenPage) return;
            e.preventDefault();
            props.onOpenPage(record.url);
          }}
        >
          {t('log.detail.open', lang)}
        </a>
        {props.onMemo ? (
          <button type="button" name="memo" onClick={() => props.onMemo?.(record.id)}>
            {t('memo.open', lang)}
          </button>
        ) : null}
        <dl>
          <dt>{t('log.detail.agency', lang)}</dt>
          <dd>{record.agency ?? '—'}</dd>
          <dt>{t('log.filter.year', lang)}</dt>
          <dd>{yearLabel(record.year, lang)}</dd>
          <dt>{t('log.filter.format', lang)}</dt>
          <dd>{formatLabel(record.format, lang)}</dd>
          <dt>{t('log.detail.site', lang)}</dt>
          <dd>{record.site || '—'}</dd>
          {record.document && (
            <>
              <dt>{t('log.detail.document', lang)}</dt>
              <dd data-document={record.document.type}>
                {t(`log.document.${record.document.type}` as MessageKey, lang)}
                {record.document.from
                  ? ` · ${t('log.detail.documentFrom', lang)} ${record.document.from}`
                  : ''}
                {' · SHA-256 '}
                <code title={record.document.hash}>{record.document.hash.slice(0, 12)}</code>
              </dd>
            </>
          )}
          <dt>{t('log.detail.published', lang)}</dt>
          <dd>{record.publishedAt ?? '—'}</dd>
          <dt>{t('log.detail.audited', lang)}</dt>
          <dd>
            {timeLabel(record.auditedAt)} · {t('log.version', lang, { n: record.version })} ·{' '}
            {t('log.detail.engine', lang)} {record.extensionVersion}
          </dd>
        </dl>
      </header>
      {read.level !== 'complete' ? (
        <p class="read-state" role="status" data-field="read-state" data-level={read.level}>
          {describeReadState(read, lang)}
        </p>
      ) : null}

      <section class="findings">
        <h3>{t('log.detail.findings', lang)}</h3>
        {tables.length === 0 ? (
          <p class="no-findings">
            {t(read.level === 'complete' ? 'log.detail.noFindings' : 'readState.notClean', lang)}
          </p>
        ) : null}
        {tables.map((g) => (
          <section key={g.group} class="group" data-group={g.group}>
            <h4>{t(GROUP_LABEL[g.group], lang)}</h4>
            <ul>{g.findings.map(item)}</ul>
          </section>
        ))}
      </section>

      <section class="cross-year" data-group="crossYear">
        <h3>{t('log.detail.crossYear', lang)}</h3>
        <PreviousYear lang={lang} previous={detail.previousYear} onOpenRecord={props.onOpenRecord} />
        {record.change ? <Change lang={lang} change={record.change} legacy={legacy} /> : null}
        {cross ? <ul>{cross.findings.map(item)}</ul> : null}
        {detail.followThrough?.previous.length ? (
          <div class="follow-through">
            <h4>{t('log.detail.followThrough', lang)}</h4>
            <div class="columns">
              <div>
                <h5>{t('log.detail.followThrough.previous', lang)}</h5>
                <ol class="previous">
                  {detail.followThrough.previous.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              </div>
              <div>
                <h5>{t('log.detail.followThrough.current', lang)}</h5>
                <ol class="current">
                  {detail.followThrough.current.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              </div>
            </div>
          </div>
        ) : null}
      </section>

      {detail.history.length > 1 ? (
        <section class="history">
          <h3>{t('log.detail.history', lang)}</h3>
          <ol>
            {detail.history.map((h) => (
              <li key={h.id} class={h.id === record.id ? 'current' : undefined}>
                <button
                  type="button"
                  data-id={h.id}
                  disabled={h.id === record.id}
                  onClick={() => props.onOpenRecord(h.id)}
                >
                  {t('log.version', lang, { n: h.version })} · {timeLabel(h.auditedAt)}
                  {h.changed ? ` · ${t('log.changed', lang)}` : ''}
                  {h.id === record.id ? ` · ${t('log.detail.current', lang)}` : ''}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {props.onDelete ? (
        <footer class="danger">
          {confirmDelete ? (
            <>
              <span>{t('log.detail.deleteConfirm', lang)}</span>
              <button type="button" name="delete-yes" onClick={() => props.onDelete?.(record.id)}>
                {t('log.detail.delete', lang)}
              </button>
              <button type="button" name="delete-no" onClick={() => setConfirmDelete(false)}>
                {t('log.cancel', lang)}
              </button>
            </>
          ) : (
            <button type="button" name="delete" onClick={() => setConfirmDelete(true)}>
              {t('log.detail.delete', lang)}
            </button>
          )}
        </footer>
      ) : null}
    </article>
  );
}
