import { useMemo, useState } from 'preact/hooks';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import { SWEEP_STATUSES, type SweepEntry, type SweepProgress, type SweepStatus } from '@/utils/sweep/run';
import { fromSweep, isLate, type WorksheetReport, worksheetSheets } from '@/utils/worksheet/worksheet';

// The sweep view: progress with counts and pause / resume / cancel while the sweep runs; then one
// row per listed link (sortable, filterable), the body × year grid and the checks across bodies,
// and the worksheet to download. Presentational: entrypoints/sweep runs the sweep and passes it in.

export type SweepPhase = 'running' | 'paused' | 'done' | 'cancelled';

export interface SweepViewProps {
  lang: Lang;
  list: string;
  phase: SweepPhase;
  progress: SweepProgress;
  /** the links read so far; after the sweep, with their cross-year and cross-body findings */
  entries: readonly SweepEntry[];
  onPause(): void;
  onResume(): void;
  onCancel(): void;
  onDownload(): void;
}

type Column = 'agency' | 'year' | 'format' | 'published' | 'errors' | 'warnings' | 'uncertain' | 'status';
const COLUMNS: Column[] = [
  'agency',
  'year',
  'format',
  'published',
  'errors',
  'warnings',
  'uncertain',
  'status',
];
const HEADER: Record<Column, MessageKey> = {
  agency: 'sheet.col.agency',
  year: 'sheet.col.year',
  format: 'sheet.col.format',
  published: 'sheet.col.published',
  errors: 'sheet.col.errors',
  warnings: 'sheet.col.warnings',
  uncertain: 'sheet.col.uncertain',
  status: 'sheet.col.status',
};

const fails = (r: WorksheetReport, severity: string) =>
  r.findings.filter((f) => f.outcome === 'fail' && f.severity === severity).length;

function sortKey(r: WorksheetReport, c: Column): string | number {
  switch (c) {
    case 'agency':
      return r.agency ?? r.listedTitle ?? '';
    case 'year':
      return r.year ?? 0;
    case 'format':
      return r.format;
    case 'published':
      return r.publishedAt ?? '';
    case 'errors':
      return fails(r, 'error');
    case 'warnings':
      return fails(r, 'warning');
    case 'uncertain':
      return r.findings.filter((f) => f.outcome === 'uncertain').length;
    case 'status':
      return r.status;
  }
}

export function SweepView(props: SweepViewProps) {
  const { lang, phase, progress } = props;
  const [sort, setSort] = useState<{ column: Column; up: boolean }>({ column: 'agency', up: true });
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<SweepStatus | ''>('');
  const reports = useMemo(() => fromSweep(props.entries), [props.entries]);
  const finished = phase === 'done' || phase === 'cancelled';
  const grid = useMemo(
    () => (finished ? worksheetSheets(reports, lang)[2]!.data : []),
    [finished, reports, lang],
  );

  const rows = reports
    .filter((r) => !status || r.status === status)
    .filter((r) => !query || `${r.agency ?? ''}${r.title ?? ''}${r.listedTitle ?? ''}`.includes(query.trim()))
    .sort((a, b) => {
      const x = sortKey(a, sort.column);
      const y = sortKey(b, sort.column);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
      return sort.up ? order : -order;
    });
  const crossBody = reports.flatMap((r) =>
    r.findings.filter((f) => f.spec.startsWith('XBD-')).map((f) => ({ report: r, finding: f })),
  );

  return (
    <main class="sweep" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-phase={phase}>
      <h1>{t('sweep.view.title', lang)}</h1>
      <p class="list">
        {t('sweep.view.list', lang)}：<a href={props.list}>{props.list}</a>
      </p>
      <section class="progress">
        <p class="phase">{t(`sweep.view.${phase}` as MessageKey, lang)}</p>
        <progress value={progress.done} max={Math.max(1, progress.total)} />
        <p class="counts">{t('sweep.view.progress', lang, { ...progress })}</p>
        {phase === 'running' ? (
          <button type="button" name="pause" onClick={props.onPause}>
            {t('sweep.view.pause', lang)}
          </button>
        ) : null}
        {phase === 'paused' ? (
          <button type="button" name="resume" onClick={props.onResume}>
            {t('sweep.view.resume', lang)}
          </button>
        ) : null}
        {finished ? null : (
          <button type="button" name="cancel" onClick={props.onCancel}>
            {t('sweep.view.cancel', lang)}
          </button>
        )}
        {finished ? (
          <button type="button" name="download" onClick={props.onDownload}>
            {t('sweep.view.download', lang)}
          </button>
        ) : null}
      </section>

      {finished ? (
        <section class="grid">
          <h2>{t('sheet.grid', lang)}</h2>
          <table>
            <tbody>
              {grid.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => {
                    const c = (
                      cell !== null && typeof cell === 'object' && 'value' in cell ? cell : { value: cell }
                    ) as { value?: unknown; backgroundColor?: string };
                    const style = c.backgroundColor ? { background: c.backgroundColor } : undefined;
                    return i === 0 || j === 0 ? (
                      <th key={j}>{String(c.value ?? '')}</th>
                    ) : (
                      <td key={j} style={style}>
                        {String(c.value ?? '')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {finished ? (
        <section class="cross-body">
          <h2>{t('sweep.view.crossBody', lang)}</h2>
          {crossBody.length ? (
            <ul>
              {crossBody.map(({ report, finding }) => (
                <li key={`${report.url}#${finding.fingerprint}`} data-spec={finding.spec}>
                  {finding.spec} · {report.agency} {report.year}：{finding.message[lang]}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('sweep.view.noCrossBody', lang)}</p>
          )}
        </section>
      ) : null}

      <section class="rows">
        <input
          type="search"
          name="filter"
          placeholder={t('sweep.view.filter', lang)}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <select
          name="status"
          value={status}
          onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as SweepStatus | '')}
        >
          <option value="">{t('sweep.view.allStatuses', lang)}</option>
          {SWEEP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`sweep.status.${s}` as MessageKey, lang)}
            </option>
          ))}
        </select>
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c}
                  data-column={c}
                  aria-sort={sort.column === c ? (sort.up ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() => setSort({ column: c, up: sort.column === c ? !sort.up : true })}
                  >
                    {t(HEADER[c], lang)}
                  </button>
                </th>
              ))}
              <th>{t('sheet.col.link', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const late = isLate(r);
              return (
                <tr key={r.url} data-status={r.status}>
                  <td>{r.agency ?? r.listedTitle}</td>
                  <td>{r.year ?? ''}</td>
                  <td>{r.status === 'audited' ? t(`format.${r.format}` as MessageKey, lang) : ''}</td>
                  <td>
                    {r.publishedAt ?? ''}
                    {late === null ? '' : ` ${t(late ? 'sheet.late' : 'sheet.onTime', lang)}`}
                  </td>
                  <td>{r.status === 'audited' ? fails(r, 'error') : ''}</td>
                  <td>{r.status === 'audited' ? fails(r, 'warning') : ''}</td>
                  <td>
                    {r.status === 'audited' ? r.findings.filter((f) => f.outcome === 'uncertain').length : ''}
                  </td>
                  <td>
                    {t(`sweep.status.${r.status}` as MessageKey, lang)}
                    {r.note ? ` (${r.note})` : ''}
                  </td>
                  <td>
                    <a href={r.url} target="_blank" rel="noopener noreferrer">
                      {r.title ?? r.listedTitle ?? r.url}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </main>
  );
}
