import { describeReadState } from '@/utils/audit/read-state';
import type { Severity } from '@/utils/audit/result';
import { type Lang, t } from '@/utils/i18n';
import { hasFilter, type ListQuery, type SeverityFilter, type ShownPage } from '@/utils/log/list-query';
import type { RecordSummary } from '@/utils/log/schema';
import { FORMATS, type Format } from '@/utils/report/model';
import { formatLabel, statusOf, timeLabel, titleOf, yearLabel } from './view';

// The popup's list of audited pages: newest first, a status colour and error counts per row, a
// search box, filters by year, format and severity, and a pager. Presentational: the popup runs
// listLatest with `query` and passes the page in; every change comes back through onQuery. The
// popup draws the first rows before the count and the filters' choices are read: until then the
// pager says it is counting and the year and format filters are disabled, never shown empty or 0.

export interface LogListProps {
  lang: Lang;
  /** without total and pages while the count is being read */
  page: ShownPage;
  query: ListQuery;
  /** years present in the log (logFacets), newest first; null while they are being read */
  years: readonly number[] | null;
  /** formats present in the log; all formats when not given; null while they are being read */
  formats?: readonly Format[] | null;
  /** a search or filter changed (page back to 1) */
  onQuery(query: ListQuery): void;
  onPage(page: number): void;
  onOpen(id: string): void;
}

const SEVERITY_OPTIONS: SeverityFilter[] = ['error', 'warning', 'info', 'clean'];

function Counts({ r, lang }: { r: RecordSummary; lang: Lang }) {
  const parts = (['error', 'warning', 'info'] as Severity[]).filter((s) => r.severities[s] > 0);
  const unread = r.read && r.read.level !== 'complete' ? r.read.level : null;
  const read = unread && (
    <span
      class="count unread"
      data-field="read-state"
      data-level={unread}
      title={describeReadState(r.read!, lang)}
    >
      {t(`readState.${unread}`, lang)}
    </span>
  );
  if (parts.length === 0) return read || <span class="count clean">{t('log.status.clean', lang)}</span>;
  return (
    <>
      {read}
      {parts.map((s) => (
        <span key={s} class={`count ${s}`} data-severity={s}>
          {t(`log.count.${s}`, lang, { n: r.severities[s] })}
        </span>
      ))}
    </>
  );
}

function Row({ r, lang, onOpen }: { r: RecordSummary; lang: Lang; onOpen(id: string): void }) {
  const status = statusOf(r.severities, r.read);
  return (
    <li>
      <button type="button" class={`log-row status-${status}`} data-id={r.id} onClick={() => onOpen(r.id)}>
        <span class={`dot ${status}`} role="img" aria-label={t(`log.status.${status}`, lang)} />
        <span class="row-main">
          <span class="row-title">{titleOf(r, lang)}</span>
          <span class="row-meta">
            {[r.agency, yearLabel(r.year, lang), formatLabel(r.format, lang), r.site]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span class="row-meta">
            {t('log.auditedAt', lang, { time: timeLabel(r.auditedAt) })}
            {r.version > 1 ? ` · ${t('log.version', lang, { n: r.version })}` : ''}
            {r.changed ? <span class="badge changed"> {t('log.changed', lang)}</span> : null}
          </span>
        </span>
        <span class="row-counts">
          <Counts r={r} lang={lang} />
        </span>
      </button>
    </li>
  );
}

export function LogList({ lang, page, query, years, formats, onQuery, onPage, onOpen }: LogListProps) {
  const set = (patch: Partial<ListQuery>) => onQuery({ ...query, ...patch, page: 1 });
  const reading = t('log.filter.loading', lang);
  return (
    <section class="log-list" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div class="log-filters">
        <input
          type="search"
          name="query"
          value={query.query ?? ''}
          placeholder={t('log.search', lang)}
          aria-label={t('log.search', lang)}
          onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })}
        />
        <select
          name="year"
          aria-label={t('log.filter.year', lang)}
          disabled={years === null}
          aria-busy={years === null}
          title={years === null ? reading : undefined}
          value={query.year == null ? '' : String(query.year)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ year: v === '' ? null : Number(v) });
          }}
        >
          <option value="">{t('log.filter.allYears', lang)}</option>
          {(years ?? []).map((y) => (
            <option key={y} value={String(y)}>
              {yearLabel(y, lang)}
            </option>
          ))}
        </select>
        <select
          name="format"
          aria-label={t('log.filter.format', lang)}
          disabled={formats === null}
          aria-busy={formats === null}
          title={formats === null ? reading : undefined}
          value={query.format ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ format: v === '' ? null : (v as Format) });
          }}
        >
          <option value="">{t('log.filter.allFormats', lang)}</option>
          {(formats === null ? [] : (formats ?? FORMATS)).map((f) => (
            <option key={f} value={f}>
              {formatLabel(f, lang)}
            </option>
          ))}
        </select>
        <select
          name="severity"
          aria-label={t('log.filter.severity', lang)}
          value={query.severity ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ severity: v === '' ? null : (v as SeverityFilter) });
          }}
        >
          <option value="">{t('log.filter.allSeverities', lang)}</option>
          {SEVERITY_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {s === 'clean' ? t('log.filter.clean', lang) : t(`severity.${s}`, lang)}
            </option>
          ))}
        </select>
      </div>

      {page.items.length === 0 ? (
        <p class="log-empty">{t(hasFilter(query) ? 'log.noMatch' : 'log.empty', lang)}</p>
      ) : (
        <ul class="log-rows">
          {page.items.map((r) => (
            <Row key={r.id} r={r} lang={lang} onOpen={onOpen} />
          ))}
        </ul>
      )}

      <nav class="log-pager" aria-label={t('log.title', lang)}>
        <button type="button" name="prev" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
          {t('log.prev', lang)}
        </button>
        <span class="pager-state" aria-busy={page.pages === undefined}>
          {page.total === undefined || page.pages === undefined
            ? t('log.pager.counting', lang, { page: page.page })
            : t('log.pager', lang, { page: page.page, pages: page.pages, total: page.total })}
        </span>
        <button
          type="button"
          name="next"
          disabled={page.pages === undefined || page.page >= page.pages}
          onClick={() => onPage(page.page + 1)}
        >
          {t('log.next', lang)}
        </button>
      </nav>
    </section>
  );
}
