import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import { ExportBar } from '@/components/log/ExportBar';
import { LogList } from '@/components/log/LogList';
import { LOG_CSS } from '@/components/log/styles';
import { statusOf } from '@/components/log/view';
import type { Finding, Localized } from '@/utils/audit/result';
import { type Lang, t, tBoth } from '@/utils/i18n';
import type { ExportFilter } from '@/utils/log/export';
import { FILING_ERROR_KEY, type FilingError } from '@/utils/log/filing-error';
import { FIRST_ROWS_GLOBAL, POPUP_PAGE_SIZE } from '@/utils/log/first-rows';
import type { LogChanged, LogReply, LogRequest } from '@/utils/log/hub';
import type { LogFacets } from '@/utils/log/list';
import { hasFilter, type ListQuery, type ShownPage } from '@/utils/log/list-query';
import type { RecordDetail as Detail } from '@/utils/log/queries';
import type { RecordSummary, VerdictValue } from '@/utils/log/schema';
import { formatTime } from '@/utils/log/time';
import { readSettings, SETTINGS_KEY } from '@/utils/settings';
import { langOf, loadLang } from '../shared/settings';

// The popup's log: the list of audited pages (paged, searched, filtered), a record's detail with the
// reviewer's verdicts and evidence, export, import and clearing. Reads the log directly (same
// extension origin, summaries only for the list); every write goes through the background, the
// log's only writer. The current tab's own section above this one belongs to Popup.tsx.
//
// First paint (issue 11, 200 ms with 10 000 pages): this module loads only the list's views. The
// first page's rows come from popup.html's first-rows script (utils/log/first-rows.ts, no Dexie)
// and are drawn at once; the log's reads (utils/log/list.ts: Dexie, no zod) load after, for the
// count and the filters' choices; a record's view (./detail), export, import and the worksheet
// writer are loaded when first used.

export interface LogPanelProps {
  /** the tab the popup is about: evidence is captured there */
  tabId: number | null;
  /** that tab's page, to point at its record */
  pageUrl: string | null;
  /**
   * The rows the list opens on, when the page began reading them before it rendered anything
   * (readFirstRows, main.tsx): the read then overlaps the first render instead of waiting for it.
   */
  firstRowsRead?: Promise<RecordSummary[]>;
}

/** A page of the list: small enough to render at once in a popup. */
const PAGE_SIZE = POPUP_PAGE_SIZE;

type Message = { text: string; error?: boolean } | null;

/**
 * The log's reads (utils/log/list.ts, with Dexie), loaded when first needed: the rows the list
 * opens on usually come from popup.html's first-rows script without them, so the popup's first
 * load stays small and the count, the filters and every later read wait for this one module.
 */
const logReads = () => import('@/utils/log/list');

/** The list's first page read through Dexie: when the first-rows script read none, and on a re-read. */
const firstRowsViaDexie = () => logReads().then((reads) => reads.firstRows(PAGE_SIZE));

/**
 * The rows the list opens on, for LogPanel's firstRowsRead: those popup.html's first-rows script
 * began to read before this module loaded, or else (no such read, or one it left to Dexie) read now.
 */
export function readFirstRows(): Promise<RecordSummary[]> {
  const direct = (globalThis as Record<string, unknown>)[FIRST_ROWS_GLOBAL] as
    | Promise<RecordSummary[] | null>
    | undefined;
  const read = direct ? direct.then((rows) => rows ?? firstRowsViaDexie()) : firstRowsViaDexie();
  // a failure is LogPanel's to show once it takes the read; until then it is not unhandled
  read.catch(() => {});
  return read;
}

/** The page the popup opens on: its rows come straight off the index, before the log is counted. */
const isFirstUnfiltered = (q: ListQuery): boolean => (q.page ?? 1) === 1 && !hasFilter(q);

type DetailModule = typeof import('./detail');

const filterOf = (q: ListQuery): ExportFilter => {
  const { page: _page, pageSize: _size, ...filter } = q;
  return filter;
};

/** Saves text as a file the browser downloads: a Blob URL and an <a download>, no permission needed. */
export function download(text: string | Blob, name: string, type: string): void {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // late enough for the download to have read it, even from a slow disk
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function send(request: LogRequest): Promise<LogReply> {
  const reply = (await browser.runtime.sendMessage(request)) as
    | LogReply
    | { ok: false; error: string }
    | undefined;
  if (!reply) return { ok: false, error: { zh: '后台无响应', en: 'No answer from the background' } };
  if (!reply.ok && typeof reply.error === 'string') {
    return { ok: false, error: tBoth('log.failed', { error: reply.error }) };
  }
  return reply as LogReply;
}

function useLang(): Lang {
  const [lang, setLang] = useState<Lang>('zh');
  useEffect(() => {
    void loadLang().then(setLang);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'sync' && changes[SETTINGS_KEY])
        setLang(langOf(readSettings(changes[SETTINGS_KEY].newValue)));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return lang;
}

/** The last audit the background could not file (until dismissed), kept in storage.local. */
function useFilingError(): [FilingError | null, () => void] {
  const [error, setError] = useState<FilingError | null>(null);
  useEffect(() => {
    const read = (value: unknown) => setError((value as FilingError | undefined) ?? null);
    void browser.storage.local.get(FILING_ERROR_KEY).then(
      (got) => read(got[FILING_ERROR_KEY]),
      () => {},
    );
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[FILING_ERROR_KEY]) read(changes[FILING_ERROR_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const dismiss = () => {
    setError(null);
    void browser.storage.local.remove(FILING_ERROR_KEY).catch(() => {});
  };
  return [error, dismiss];
}

export function LogPanel({ tabId, pageUrl, firstRowsRead }: LogPanelProps) {
  const lang = useLang();
  const [filingError, dismissFilingError] = useFilingError();
  // the log read failed (IndexedDB blocked, broken): said, with a retry, instead of "loading…" forever
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState<ListQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [page, setPage] = useState<ShownPage | null>(null);
  const [facets, setFacets] = useState<LogFacets | null>(null);
  const [current, setCurrent] = useState<RecordSummary | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<{ data: Detail; View: DetailModule['RecordDetail'] } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [inTab, setInTab] = useState(true);
  // a change of the log while the popup is open (an audit, a write) bumps this
  const [version, setVersion] = useState(0);
  const seq = useRef(0);
  // the read begun before the first render serves the first list read only; later ones read afresh
  const early = useRef(firstRowsRead);

  const say = (text: Localized | string, error = false) =>
    setMessage({ text: typeof text === 'string' ? text : text[lang], error });

  // the list: re-read on every query, page and change of the log; a slower earlier read is dropped.
  // A layout effect, run as soon as the panel is rendered: an effect would wait for the first frame
  // to be painted without the rows, though popup.html's first-rows script has often read them by then.
  useLayoutEffect(() => {
    const mine = ++seq.current;
    const show = (p: ShownPage): boolean => {
      if (mine !== seq.current) return false;
      setLoadError(null);
      setPage(p);
      return true;
    };
    const failed = (e: unknown) => {
      if (mine === seq.current) setLoadError(String(e));
    };
    if (isFirstUnfiltered(query)) {
      // the rows the popup opens on cost PAGE_SIZE reads of the index, however large the log; they
      // are drawn before the count, which walks the whole index
      const rows = early.current ?? firstRowsViaDexie();
      early.current = undefined;
      rows
        .then(async (items) => {
          if (!show({ items, page: 1, pageSize: PAGE_SIZE })) return;
          const total = await (await logReads()).countLatest();
          const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
          show({ items, page: 1, pageSize: PAGE_SIZE, total, pages });
        })
        .catch(failed);
    } else
      logReads()
        .then((reads) => reads.listLatest(query))
        .then(show, failed);
  }, [query, version]);

  // the filters' years and formats and the count of pages: read after the first rows are drawn (a
  // seek per year, a count per format), then once per change of the log, not on every query
  const listShown = page !== null;
  useEffect(() => {
    if (!listShown) return;
    let live = true;
    logReads()
      .then((reads) => reads.logFacets())
      .then(
        (f) => {
          if (live) setFacets(f);
        },
        (e: unknown) => {
          if (live) say(t('log.loadFailed', lang, { error: String(e) }), true);
        },
      );
    return () => {
      live = false;
    };
  }, [listShown, version]);

  useEffect(() => {
    if (pageUrl)
      logReads()
        .then((reads) => reads.getLatest(pageUrl))
        .then(setCurrent, () => setCurrent(null));
    else setCurrent(null);
  }, [pageUrl, version]);

  // The log holds the auditor's worksheet: ask the browser not to evict it (unlimitedStorage lifts
  // the quota; persistence is only granted to a page, so the popup asks, once per opening).
  useEffect(() => {
    void navigator.storage?.persist?.().catch(() => false);
  }, []);

  useEffect(() => {
    if (!openId) {
      setDetail(null);
      return;
    }
    let live = true;
    import('./detail')
      .then(async ({ getRecordDetail, RecordDetail }) => {
        const d = await getRecordDetail(openId);
        return d ? { data: d, View: RecordDetail } : null;
      })
      .then(
        (d) => {
          if (!live) return;
          setDetail(d);
          // the record went away (deleted, the log cleared): back to the list
          if (!d) setOpenId(null);
        },
        (e: unknown) => {
          if (!live) return;
          setOpenId(null);
          say(t('log.loadFailed', lang, { error: String(e) }), true);
        },
      );
    return () => {
      live = false;
    };
  }, [openId, version]);

  useEffect(() => {
    const onMessage = (m: LogChanged) => {
      if (m?.type === 'log-changed') setVersion((v) => v + 1);
    };
    browser.runtime.onMessage.addListener(onMessage);
    void browser.tabs.getCurrent().then((tab) => setInTab(!!tab));
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  /** A write through the background; the list and detail re-read afterwards. Never throws. */
  const write = useCallback(async (request: LogRequest): Promise<LogReply> => {
    const reply = await send(request).catch(
      (e: unknown): LogReply => ({ ok: false, error: tBoth('log.failed', { error: String(e) }) }),
    );
    setVersion((v) => v + 1);
    return reply;
  }, []);

  const onVerdict = async (f: Finding, verdict: VerdictValue | null) => {
    if (!detail) return;
    const reply = await write({
      type: 'log-verdict',
      url: detail.data.record.url,
      fingerprint: f.fingerprint,
      verdict,
      rule: f.rule,
    });
    if (!reply.ok) say(reply.error, true);
  };

  const onNote = async (f: Finding, note: string) => {
    if (!detail) return;
    const reply = await write({
      type: 'log-verdict',
      url: detail.data.record.url,
      fingerprint: f.fingerprint,
      note,
      rule: f.rule,
    });
    if (!reply.ok) say(reply.error, true);
  };

  const onCapture = async (f: Finding) => {
    if (!detail || tabId === null) return say(t('log.evidence.notOpen', lang), true);
    setBusy(true);
    const reply = await write({
      type: 'log-evidence',
      recordId: detail.data.record.id,
      fingerprint: f.fingerprint,
      tabId,
    }).finally(() => setBusy(false));
    if (!reply.ok) say(reply.error, true);
    else if (reply.warning) say(reply.warning, true);
    else say(t('log.evidence.saved', lang));
  };

  const onDelete = async (id: string) => {
    const reply = await write({ type: 'log-delete', id });
    if (!reply.ok) return say(reply.error, true);
    setOpenId(null);
    say(t('log.deleted', lang));
  };

  const exportAs = async (kind: 'csv' | 'json' | 'xlsx') => {
    setBusy(true);
    try {
      const filter = filterOf(query);
      let name: string;
      if (kind === 'xlsx') {
        // loaded on demand, like the other exports: the XLSX writer is the popup's largest dependency
        const [{ exportXlsx }, { worksheetFileName }] = await Promise.all([
          import('@/utils/worksheet/log'),
          import('@/utils/worksheet/worksheet'),
        ]);
        name = worksheetFileName('log');
        download(await exportXlsx(filter, lang), name, XLSX_TYPE);
      } else {
        const { exportCsv, exportFileName, exportJsonBlob } = await import('@/utils/log/export');
        name = exportFileName(kind);
        if (kind === 'csv') download(await exportCsv(filter, lang), name, 'text/csv;charset=utf-8');
        else download(await exportJsonBlob(filter), name, 'application/json');
      }
      say(t('log.exported', lang, { name }));
    } catch (e) {
      say(t('log.failed', lang, { error: String(e) }), true);
    } finally {
      setBusy(false);
    }
  };

  // Validated and written here: the popup is an extension page on the log's own origin, so the file
  // never travels as one runtime message (Chrome caps those at 64 MiB, and exports carry screenshots).
  const onImport = async (file: File) => {
    setBusy(true);
    try {
      // the import's validation (zod, the record schemas) is loaded when a file is chosen
      const { ImportError, importLog } = await import('@/utils/log/import');
      try {
        const n = await importLog(await file.text());
        say(t('log.import.done', lang, { ...n }));
      } catch (e) {
        say(e instanceof ImportError ? e.localized : tBoth('log.failed', { error: String(e) }), true);
      }
    } catch (e) {
      say(tBoth('log.failed', { error: String(e) }), true);
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  };

  const onClear = async () => {
    const reply = await write({ type: 'log-clear' });
    if (!reply.ok) return say(reply.error, true);
    setOpenId(null);
    say(t('log.cleared', lang));
  };

  const openInTab = () => {
    const url = browser.runtime.getURL(`/popup.html${tabId !== null ? `?tab=${tabId}` : ''}`);
    void browser.tabs.create({ url });
    window.close();
  };

  const shownMessage = message ? (
    <p class={message.error ? 'log-message error' : 'log-message'} role={message.error ? 'alert' : 'status'}>
      {message.text}
    </p>
  ) : null;

  return (
    <section class="log" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-view={openId ? 'detail' : 'list'}>
      <style>{LOG_CSS + PANEL_CSS}</style>
      <header class="log-head">
        <h2>{t('log.title', lang)}</h2>
        {inTab ? null : (
          <button type="button" class="link" name="open-in-tab" onClick={openInTab}>
            {t('log.openInTab', lang)}
          </button>
        )}
      </header>
      {filingError ? (
        <p class="log-message error filing-error" role="alert">
          {t('log.filingError', lang, {
            error: filingError.error[lang],
            url: filingError.url,
            time: formatTime(filingError.at),
          })}
          <button type="button" class="link" name="dismiss-filing-error" onClick={dismissFilingError}>
            {t('log.dismiss', lang)}
          </button>
        </p>
      ) : null}
      {current && current.id !== openId ? (
        <p class="this-page">
          {t('log.thisPage', lang)}
          <span class={`dot ${statusOf(current.severities)}`} />
          <button type="button" class="link" name="this-page" onClick={() => setOpenId(current.id)}>
            {t('log.thisPage.open', lang)}
          </button>
        </p>
      ) : null}
      {openId && detail ? (
        <>
          {shownMessage}
          <detail.View
            key={detail.data.record.id}
            lang={lang}
            detail={detail.data}
            onVerdict={(f, v) => void onVerdict(f, v)}
            onNote={(f, note) => void onNote(f, note)}
            onOpenRecord={(id) => {
              setMessage(null);
              setOpenId(id);
            }}
            onOpenPage={(url) => void browser.tabs.create({ url })}
            onBack={() => {
              setMessage(null);
              setOpenId(null);
            }}
            onDelete={(id) => void onDelete(id)}
            onMemo={(id) =>
              void browser.tabs.create({
                url: browser.runtime.getURL(`/memo.html?id=${encodeURIComponent(id)}` as '/memo.html'),
              })
            }
            {...(busy ? {} : { onCaptureEvidence: (f: Finding) => void onCapture(f) })}
          />
        </>
      ) : page ? (
        <>
          <LogList
            lang={lang}
            page={page}
            query={query}
            years={facets?.years ?? null}
            formats={facets?.formats ?? null}
            onQuery={(q) => setQuery({ ...q, pageSize: PAGE_SIZE })}
            onPage={(n) => setQuery({ ...query, page: n })}
            onOpen={(id) => {
              setMessage(null);
              setOpenId(id);
            }}
          />
          <ExportBar
            lang={lang}
            total={facets?.pages ?? null}
            countContents={() => logReads().then((reads) => reads.logContents())}
            filtered={hasFilter(query) ? page.total : null}
            busy={busy}
            message={message}
            onExportCsv={() => void exportAs('csv')}
            onExportJson={() => void exportAs('json')}
            onExportXlsx={() => void exportAs('xlsx')}
            onImport={(file) => void onImport(file)}
            onClear={() => void onClear()}
          />
        </>
      ) : loadError ? (
        <p class="log-message error load-error" role="alert">
          {t('log.loadFailed', lang, { error: loadError })}
          <button type="button" class="link" name="retry" onClick={() => setVersion((v) => v + 1)}>
            {t('log.retry', lang)}
          </button>
        </p>
      ) : (
        <p class="log-loading">{t('log.loading', lang)}</p>
      )}
    </section>
  );
}

/** The panel's own frame around the log views (LOG_CSS styles the views). */
const PANEL_CSS = `
.log { border-top: 1px solid #e0e0e0; margin-top: 12px; padding-top: 8px; }
.log-head { display: flex; justify-content: space-between; align-items: baseline; }
.log-head h2 { font-size: 14px; margin: 0 0 6px; }
.log button.link { background: none; border: 0; color: #1565c0; padding: 0; margin: 0 0 0 4px; cursor: pointer; text-decoration: underline; }
.log .this-page { display: flex; align-items: center; gap: 4px; margin: 0 0 6px; }
.log .this-page .dot { margin-top: 0; }
.log .log-row { color: inherit; margin: 0; border-radius: 0; }
.log .log-filters select, .log .log-filters input { font: inherit; }
.log .log-message.error { color: #c62828; white-space: pre-wrap; }
.log .record-detail h2 { font-size: 14px; }
.log .record-detail dl { grid-template-columns: max-content 1fr; }
.log .findings ul, .log .cross-year ul { padding: 0; margin: 0; }
.log .finding p { margin: 2px 0; }
.log .verdict button, .log .previous-year button, .log .history button { background: #fff; color: #1b7f3b; }
.log .verdict button[aria-pressed=true] { background: #1b7f3b; color: #fff; }
.log .previous-year { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.log .verdict button, .log .export-bar button, .log .danger button, .log .previous-year button,
.log .history button, .log .log-pager button, .log button[name=back] { margin-top: 0; padding: 3px 8px; }
`;
